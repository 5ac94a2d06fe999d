"""Fixtures for the counterparties service's tests: a migrated database per test module,
a session as the service's workers get, and factories of actors and counterparties."""
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select

from chancery_common.actor import Actor
from chancery_common.database import make_engine, make_session_factory
from chancery_common.errors import load
from counterparties import logic, models, relationship_history, schemas


@pytest.fixture(scope="module")
def engine(service_database):
    url = service_database("counterparties", name=f"chancery_itest_counterparties_{uuid.uuid4().hex[:8]}")
    engine = make_engine(url, pool_size=2)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    session = make_session_factory(engine)()
    yield session
    session.close()


@pytest.fixture
def make_actor():
    """``make_actor(*roles, department_id=..., visible_department_ids=[...], permissions=[...])``."""
    def make(*roles, department_id=None, visible_department_ids=None, permissions=()):
        visible = visible_department_ids if visible_department_ids is not None else (
            [department_id] if department_id else [])
        return Actor(id=uuid.uuid4(), roles=list(roles or ["employee"]), full_name="Test Actor",
                     department_id=department_id, visible_department_ids=list(visible),
                     permissions=list(permissions))
    return make


@pytest.fixture
def actor(make_actor):
    return make_actor()


@pytest.fixture
def admin(make_actor):
    """An administrator: sees everything, has every permission."""
    return make_actor("administrator", permissions=["view_audit"])


@pytest.fixture
def place(session):
    """``place(actor_or_id, department_id)``: the staff directory learns where someone works."""
    def put(employee, department_id, is_active=True):
        with session.begin():
            logic.remember_employee(session, employee_id=getattr(employee, "id", employee),
                                    department_id=department_id, is_active=is_active,
                                    changed_at=datetime.now(timezone.utc))
    return put


@pytest.fixture
def make_counterparty(session, actor):
    """``make_counterparty(**fields)``: input loaded through the RPC schema, then created."""
    def make(by=None, **fields):
        data = load(schemas.CounterpartySchema(), {"name": f"Romashka {uuid.uuid4().hex[:6]}", **fields})
        with session.begin():
            return logic.create_counterparty(session, data=data, actor=by or actor)
    return make


@pytest.fixture
def update(session, actor):
    def change(counterparty, by=None, **changes):
        data = load(schemas.CounterpartySchema(partial=True), changes)
        with session.begin():
            return logic.update_counterparty(session, counterparty_id=counterparty.id, changes=data,
                                             actor=by or actor)
    return change


@pytest.fixture
def outbox_events(session):
    """The payloads of one type's outbox events about one counterparty, oldest first."""
    def payloads(event_type, counterparty_id):
        table = models.outbox.table
        with session.begin():
            return session.scalars(select(table.c.payload).where(
                table.c.event_type == event_type,
                table.c.payload["counterparty_id"].astext == str(counterparty_id),
            ).order_by(table.c.id)).all()
    return payloads


def _owners_seeing(visible=None, unavailable=()):
    """A fake of ``ask_owners`` (relationship_history): the owners let the reader see the records
    of ``visible`` ({service: ids}; None: every record asked about); ``unavailable`` do not answer."""
    def ask_owners(records):
        def answers():
            seen = {service: ({str(i) for i in ids} if visible is None else
                              {str(i) for i in (visible.get(service) or ())} & set(ids))
                    for service, ids in records.items() if service not in unavailable}
            return seen, [{"service": service, "reason": "down"} for service in unavailable
                          if records.get(service)]
        return answers
    return ask_owners


@pytest.fixture
def owners_seeing():
    """``owners_seeing(visible=None, unavailable=())``: a fake ``ask_owners`` (see ``_owners_seeing``)."""
    return _owners_seeing


@pytest.fixture
def history(engine, admin):
    """The committed history of a counterparty, newest first (read in a session of its own)."""
    def entries(counterparty_id):
        with make_session_factory(engine)() as reader:
            items, total = relationship_history.history(reader, counterparty_id=counterparty_id, actor=admin,
                                                        ask_owners=_owners_seeing())
            assert total == len(items)
            return items
    return entries


@pytest.fixture
def new_audit_rows(engine):
    """``with new_audit_rows() as rows: ...``: after the block, the audit rows it wrote (the
    chain's and the reads', which share one sequence of ids), in id order."""
    tables = (models.audit_log.table, models.audit_log.reads)

    @contextmanager
    def capture():
        with engine.connect() as connection:
            start = max(connection.scalar(select(func.coalesce(func.max(t.c.id), 0))) for t in tables)
        rows = []
        yield rows
        with engine.connect() as connection:
            for table in tables:
                rows.extend(dict(row) for row in connection.execute(
                    select(table).where(table.c.id > start)).mappings())
        rows.sort(key=lambda row: row["id"])
    return capture


class _Service:
    """The service's entrypoints on the test's session; a read leaves no transaction open
    (as a worker's own session ends with the worker)."""

    def __init__(self, session):
        from nameko.testing.services import worker_factory
        from counterparties.service import CounterpartiesService

        self.session = session
        self.worker = worker_factory(CounterpartiesService, db=session)

    def __getattr__(self, name):
        def call(*args):
            try:
                return getattr(self.worker, name)(*args)
            finally:
                if self.session.in_transaction():
                    self.session.commit()
        return call


@pytest.fixture
def rpc(session):
    """The service's RPC entrypoints, called as the bus would (actors as dicts: see ``as_dict``)."""
    return _Service(session)


@pytest.fixture
def as_dict():
    """An actor as the gateway sends it."""
    def convert(actor):
        return {"id": str(actor.id), "roles": actor.roles, "permissions": actor.permissions,
                "department_id": str(actor.department_id) if actor.department_id else None,
                "visible_department_ids": [str(d) for d in actor.visible_department_ids],
                "acting_for": [str(a) for a in actor.acting_for]}
    return convert
