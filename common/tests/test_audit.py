"""The audit log: rows chained by hash, append-only by trigger, tampering found by verify."""
import uuid

import pytest
from sqlalchemy import MetaData, text
from sqlalchemy.exc import DBAPIError

from chancery_common.audit import AuditLog, diff


@pytest.fixture(scope="module")
def audit():
    return AuditLog(MetaData())


def write(session, audit, **changes):
    record_id = uuid.uuid4()
    with session.begin():
        audit.record(session, actor_id=uuid.uuid4(), action="updated", record_type="thing",
                     record_id=record_id, changes=changes)
    return record_id


def test_rows_chain_and_verify(session, audit):
    first = write(session, audit, name={"from": "a", "to": "b"})
    second = write(session, audit, amount={"from": 1, "to": 2})
    rows, total = audit.entries(session, record_ids=[first, second])
    assert total == 2
    newest, oldest = rows
    assert newest["prev_hash"] == oldest["hash"]
    assert newest["changes"] == {"amount": {"from": 1, "to": 2}}
    assert audit.verify(session.connection()) == (True, None)


def test_the_log_refuses_updates_and_deletes(session, audit):
    write(session, audit, note={"from": None, "to": "x"})
    for statement in ("UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            with session.begin():
                session.execute(text(statement))


def test_a_changed_row_is_found(engine, session, audit):
    record_id = write(session, audit, name={"from": "honest", "to": "value"})
    write(session, audit, after={"from": 0, "to": 1})
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
        connection.execute(text("UPDATE audit_log SET changes = '{\"name\": {\"to\": \"forged\"}}' "
                                "WHERE record_id = :id"), {"id": record_id})
        connection.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"))
    forged_id = session.execute(text("SELECT id FROM audit_log WHERE record_id = :id"),
                                {"id": record_id}).scalar()
    session.rollback()
    assert audit.verify(session.connection()) == (False, forged_id)
    # leave the chain whole for the other tests on this database
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
        connection.execute(text("DELETE FROM audit_log"))
        connection.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"))


def test_diff_keeps_personal_values_out():
    before = {"name": "Ivan", "phone": "+7 900", "city": "Omsk"}
    after = {"name": "Ivan", "phone": "+7 901", "city": "Tomsk"}
    assert diff(before, after, ("name", "phone", "city"), personal=("phone",)) == {
        "phone": {"changed": True}, "city": {"from": "Omsk", "to": "Tomsk"}}
