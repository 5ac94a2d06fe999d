"""Fixtures for the approvals service's tests: a migrated database per test module, a
session as the service's workers get, and factories that go through the RPC schemas."""
import uuid

import pytest
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.database import make_engine, make_session_factory
from chancery_common.errors import load
from approvals import logic, models, schemas


@pytest.fixture(scope="module")
def engine(service_database):
    url = service_database("approvals", name=f"chancery_itest_approvals_{uuid.uuid4().hex[:8]}")
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
    def make(*roles):
        return Actor(id=uuid.uuid4(), roles=list(roles or ["employee"]))
    return make


@pytest.fixture
def initiator(make_actor):
    return make_actor("manager")


@pytest.fixture
def start(session, initiator):
    """``start(stage, stage, ..., document_id=None, by=None, ...)``: each stage a list of approvers
    (all must approve) or a dict of StageRequestSchema fields."""
    def begin(*stages, document_id=None, by=None, comment=None, counterparty_id=None):
        request = {
            "document": {"id": str(document_id or uuid.uuid4()), "title": "Supply contract",
                         "number": "CTR-2026-000001", "counterparty_id": str(counterparty_id or uuid.uuid4())},
            "stages": [_stage(stage) for stage in stages], "comment": comment,
        }
        data = load(schemas.StartApprovalSchema(), request)
        with session.begin():
            return logic.start_approval(session, actor=by or initiator, **data)
    return begin


def _stage(stage):
    if isinstance(stage, dict):
        return {**stage, "approver_ids": [str(a.id) for a in stage["approver_ids"]]}
    return {"approver_ids": [str(approver.id) for approver in stage]}


@pytest.fixture
def director(make_actor):
    """Sees every approval."""
    return make_actor("director")


@pytest.fixture
def stored(engine, director):
    """The approval as committed, read in a session of its own."""
    def read(approval):
        with make_session_factory(engine)() as reader:
            return logic.get_approval(reader, approval_id=approval.id, actor=director)
    return read


@pytest.fixture
def decide(session):
    """``decide(approver, approval, decision, comment=None)``: the approver's pending task decided."""
    def record(approver, approval, decision, comment=None, task_id=None, **more):
        task_id = task_id or task_of(session, approval, approver).id
        data = load(schemas.DecisionSchema(), {"decision": decision, "comment": comment,
                                               **{k: v for k, v in more.items() if k != "standing_in_for"}})
        with session.begin():
            return logic.decide(session, task_id=task_id, actor=approver,
                                standing_in_for=more.get("standing_in_for", ()), **data)
    return record


def task_of(session, approval, approver):
    """The approver's latest task in the approval (a resubmission gives them a new one)."""
    with session.begin():
        return session.scalars(select(models.Task).where(
            models.Task.approval_id == approval.id, models.Task.approver_id == approver.id)
            .order_by(models.Task.round.desc(), models.Task.assigned_at.desc().nulls_last())).first()


@pytest.fixture
def task():
    """``task(session, approval, approver)``: that approver's task in the approval."""
    return task_of


@pytest.fixture
def outbox_events(session):
    """``(type, payload)`` of the outbox events of one approval, oldest first."""
    def of(approval_id, event_type=None):
        table = models.outbox.table
        query = select(table.c.event_type, table.c.version, table.c.payload).where(
            table.c.payload["approval_id"].astext == str(approval_id)).order_by(table.c.id)
        if event_type:
            query = query.where(table.c.event_type == event_type)
        with session.begin():
            return session.execute(query).all()
    return of
