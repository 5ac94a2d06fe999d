"""Tampering with the audit log is found: a database of its own, as these tests break the chain.

The trigger refuses UPDATE and DELETE; someone with the rights to disable it (a superuser,
as these tests connect) can still change rows, and ``verify`` then names the first bad one.
"""
import json

import pytest
from sqlalchemy import select, text

from chancery_common.audit import row_hash
from counterparties import logic, models

table = models.audit_log.table


@pytest.fixture
def chain(make_counterparty, update, new_audit_rows):
    """A few committed rows."""
    with new_audit_rows() as rows:
        counterparty = make_counterparty(name="Chained")
        update(counterparty, name="Chained twice")
        update(counterparty, name="Chained thrice")
    return rows


def verify(session, admin):
    with session.begin():
        return logic.verify_audit(session, actor=admin)


def without_the_trigger(engine, statement, **params):
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
        connection.execute(text(statement), params)
        connection.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"))


def test_a_changed_row_breaks_the_chain_there(engine, session, admin, chain):
    victim = chain[1]
    assert verify(session, admin) == {"intact": True, "first_bad_id": None}

    without_the_trigger(engine, "UPDATE audit_log SET changes = '{\"name\": \"forged\"}' WHERE id = :id",
                        id=victim["id"])
    assert verify(session, admin) == {"intact": False, "first_bad_id": victim["id"]}

    without_the_trigger(engine, "UPDATE audit_log SET changes = CAST(:changes AS jsonb) WHERE id = :id",
                        id=victim["id"], changes=json.dumps(victim["changes"]))
    assert verify(session, admin) == {"intact": True, "first_bad_id": None}


def test_a_forged_row_outside_the_chain_is_found(engine, session, admin, actor, chain):
    forged = {"occurred_at": chain[-1]["occurred_at"], "actor_id": actor.id, "on_behalf_of": None,
              "action": "updated", "record_type": "counterparty", "record_id": chain[0]["record_id"],
              "changes": {"name": {"from": "a", "to": "b"}}}
    not_the_last_hash = chain[0]["hash"]
    with engine.begin() as connection:
        forged_id = connection.execute(table.insert().values(
            **forged, prev_hash=not_the_last_hash, hash=row_hash(forged, not_the_last_hash))
            .returning(table.c.id)).scalar()

    assert verify(session, admin) == {"intact": False, "first_bad_id": forged_id}

    without_the_trigger(engine, "DELETE FROM audit_log WHERE id = :id", id=forged_id)
    assert verify(session, admin) == {"intact": True, "first_bad_id": None}
    with engine.connect() as connection:
        assert connection.scalar(select(table.c.id).order_by(table.c.id.desc()).limit(1)) == chain[-1]["id"]
