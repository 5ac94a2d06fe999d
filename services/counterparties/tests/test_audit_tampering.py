"""Tampering with the audit log is found: a database of its own, as these tests break the chain.

The trigger refuses UPDATE and DELETE; someone with the rights to disable it (a superuser,
as these tests connect) can still change rows, and ``verify`` then names the first bad one.
"""
import json
import time

import pytest
from sqlalchemy import create_engine, select, text

from chancery_common.audit import CHAIN_LOCK, row_hash
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


# --- reads of personal data, sealed in batches ----------------------------------------------

reads = models.audit_log.reads


@pytest.fixture
def read_twice(session, make_counterparty, actor, new_audit_rows):
    """Two contact persons, each read once; returns the read rows (not sealed yet)."""
    counterparty = make_counterparty(name="Read often")
    with session.begin():
        people = [logic.add_contact_person(session, counterparty_id=counterparty.id, actor=actor,
                                           data={"full_name": name}) for name in ("Vera", "Gleb")]
    with new_audit_rows() as rows, session.begin():
        logic.list_contact_persons(session, counterparty_id=counterparty.id, actor=actor)
    assert {row["record_id"] for row in rows} == {person.id for person in people}
    return rows


def seal(session):
    with session.begin():
        return models.audit_log.seal(session)


def sealed_past(session, engine, rows):
    """Seal until a seal covers ``rows``: a seal stops short of any transaction still running
    in this database (a test's own transactions may still be ending); returns that seal."""
    newest = max(row["xid"] for row in rows)
    for _ in range(100):
        seal(session)
        sealed = last_seal(engine)
        if sealed is not None and sealed["changes"]["to_xid"] > newest:
            return sealed
        time.sleep(0.1)
    raise AssertionError(f"no seal covered transaction {newest} within 10 s")


def unsealed(engine):
    with engine.connect() as connection:
        return models.audit_log.unsealed(connection)


def without_the_reads_trigger(engine, statement, **params):
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE audit_reads DISABLE TRIGGER audit_reads_append_only"))
        connection.execute(text(statement), params)
        connection.execute(text("ALTER TABLE audit_reads ENABLE TRIGGER audit_reads_append_only"))


def last_seal(engine):
    with engine.connect() as connection:
        return connection.execute(select(table).where(table.c.action == "sealed")
                                  .order_by(table.c.id.desc()).limit(1)).mappings().first()


def test_reads_wait_outside_the_chain_until_a_seal_covers_them(engine, session, admin, read_twice):
    assert all(row["action"] == "read" and "hash" not in row for row in read_twice)  # audit_reads rows
    assert unsealed(engine) >= 2

    sealed = sealed_past(session, engine, read_twice)
    assert sealed["changes"]["count"] >= 1 and sealed["changes"]["last_id"] >= max(r["id"] for r in read_twice)
    assert unsealed(engine) == 0
    assert seal(session) == 0  # nothing new: no empty seal
    assert last_seal(engine)["id"] == sealed["id"]
    assert verify(session, admin) == {"intact": True, "first_bad_id": None}


def test_only_this_databases_running_transactions_hold_the_seal_back(engine, session, actor, make_counterparty,
                                                                     new_audit_rows):
    """A writing transaction open in another database of the cluster since before the reads does
    not stop them from being sealed; one open in this database does, until it ends."""
    counterparty = make_counterparty(name="Read while others write")
    with session.begin():
        logic.add_contact_person(session, counterparty_id=counterparty.id, actor=actor, data={"full_name": "Ilya"})

    def read():
        with new_audit_rows() as rows, session.begin():
            logic.list_contact_persons(session, counterparty_id=counterparty.id, actor=actor)
        return rows

    elsewhere = create_engine(engine.url.set(database="postgres"))
    try:
        with elsewhere.connect() as other:
            other.execute(text("SELECT pg_current_xact_id()"))  # holds an xid, in another database
            sealed_past(session, engine, read())  # sealed all the same
            other.rollback()
    finally:
        elsewhere.dispose()

    with engine.connect() as here:
        held = here.execute(text("SELECT (pg_current_xact_id()::text)::bigint")).scalar()  # open, here
        later = read()
        for _ in range(3):
            seal(session)
        assert last_seal(engine)["changes"]["to_xid"] <= held < later[0]["xid"]  # not past the open one
        here.rollback()
    sealed_past(session, engine, later)  # and once it ended, the later read is sealed


@pytest.mark.parametrize("tampering", ["changed", "removed", "slipped in"])
def test_a_sealed_read_tampered_with_breaks_its_seal(engine, session, admin, actor, read_twice, tampering):
    sealed = sealed_past(session, engine, read_twice)
    assert verify(session, admin) == {"intact": True, "first_bad_id": None}
    victim = read_twice[0]
    if tampering == "changed":
        without_the_reads_trigger(engine, "UPDATE audit_reads SET actor_id = :someone WHERE id = :id",
                                  someone=str(admin.id), id=victim["id"])
    elif tampering == "removed":
        without_the_reads_trigger(engine, "DELETE FROM audit_reads WHERE id = :id", id=victim["id"])
        with engine.connect() as connection:
            assert connection.execute(select(reads).where(reads.c.id == victim["id"])).first() is None
    else:  # a read forged into the range the seal covers
        with engine.begin() as connection:
            forged_id = connection.execute(reads.insert().values(
                occurred_at=victim["occurred_at"], actor_id=actor.id, action="read", record_type="contact_person",
                record_id=victim["record_id"], changes={}, xid=victim["xid"]).returning(reads.c.id)).scalar()

    assert verify(session, admin) == {"intact": False, "first_bad_id": sealed["id"]}
    if tampering == "changed":  # undone, the seal holds again (the next cases start whole)
        without_the_reads_trigger(engine, "UPDATE audit_reads SET actor_id = :who WHERE id = :id",
                                  who=str(victim["actor_id"]), id=victim["id"])
    elif tampering == "removed":
        with engine.begin() as connection:
            connection.execute(text("ALTER TABLE audit_reads DISABLE TRIGGER audit_reads_append_only"))
            connection.execute(reads.insert().values(**victim))
            connection.execute(text("ALTER TABLE audit_reads ENABLE TRIGGER audit_reads_append_only"))
    else:
        without_the_reads_trigger(engine, "DELETE FROM audit_reads WHERE id = :id", id=forged_id)
    assert verify(session, admin) == {"intact": True, "first_bad_id": None}


def test_a_read_does_not_wait_for_the_chains_lock(engine, session, make_counterparty, actor):
    """While another transaction holds the chain's lock (a long write), contact persons are
    still read (and their reads audited) at once."""
    counterparty = make_counterparty(name="Busy chain")
    with session.begin():
        logic.add_contact_person(session, counterparty_id=counterparty.id, actor=actor, data={"full_name": "Lev"})
    with engine.connect() as holder:
        holder.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
        with session.begin():
            session.execute(text("SET LOCAL lock_timeout = '2s'"))  # a wait would fail the test, not hang it
            assert [p.full_name for p in logic.list_contact_persons(
                session, counterparty_id=counterparty.id, actor=actor)] == ["Lev"]
        holder.rollback()
