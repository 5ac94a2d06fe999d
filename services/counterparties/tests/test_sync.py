"""Sync by change (chancery_common.sync): the cursor, the order of change, rows changed while
paging, a transaction that commits after a younger one, tombstones of merged counterparties,
and the visibility of the plain lists."""
import time
import uuid
from datetime import datetime, timezone

import pytest
from sqlalchemy import update

from chancery_common import sync
from chancery_common.database import make_session_factory
from chancery_common.errors import InvalidInput, load
from counterparties import changes, logic, merge, schemas
from counterparties.models import Counterparty


def _drain(session, actor, *, after, limit=2, lister=changes.counterparties):
    """Every page from ``after`` until the last: (the ids in the order served, the resume cursor)."""
    seen = []
    while True:
        with session.begin():
            items, cursors = lister(session, actor=actor, after=after, limit=limit)
        seen += [item.id for item in items]
        after = cursors["next_after"] or cursors["resume"]
        if cursors["next_after"] is None:
            return seen, after


def _drain_until(session, actor, *, after, wanted, lister=changes.counterparties):
    """``_drain`` again until every id of ``wanted`` was served: a change shows once every
    transaction older than it (in this PostgreSQL, shared with others) has ended."""
    seen, deadline = [], time.monotonic() + 10
    while not set(wanted) <= set(seen):
        assert time.monotonic() < deadline, f"not served: {set(wanted) - set(seen)}"
        more, after = _drain(session, actor, after=after, lister=lister)
        seen += more
    return seen, after


@pytest.fixture
def start(session, admin):
    """A cursor after everything already written (as a sync begun now with updated_since)."""
    def cursor(lister=changes.counterparties):
        with session.begin():
            _, cursors = lister(session, actor=admin, updated_since=datetime.now(timezone.utc), limit=1)
        return cursors["resume"]
    return cursor


def test_a_cursor_is_opaque_and_refused_when_it_is_not_of_the_list():
    position = ("123", str(uuid.uuid4()))
    since = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    cursor = sync.encode("counterparties", position, since)
    assert set(cursor) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert sync.decode("counterparties", cursor) == (position, since)
    for wrong in (sync.encode("activities", position, since), "not-a-cursor", cursor[:-3], ""):
        with pytest.raises(InvalidInput) as refused:
            sync.decode("counterparties", wrong)
        assert "after" in refused.value.details
    with pytest.raises(InvalidInput) as both:
        sync.start("counterparties", after=cursor, updated_since=since)
    assert "after" in both.value.details


def test_a_sync_serves_every_row_in_the_order_of_change_and_a_changed_one_again(
        session, admin, make_counterparty, update, start):
    after = start()
    made = [make_counterparty(name=f"Sync {n} {uuid.uuid4().hex[:6]}") for n in range(5)]

    seen, after = _drain_until(session, admin, after=after, wanted=[c.id for c in made])
    assert seen == [c.id for c in made]  # by change, paged two at a time, each once

    update(made[1], notes="changed")
    again, _ = _drain_until(session, admin, after=after, wanted=[made[1].id])
    assert again == [made[1].id]


def test_rows_changed_while_paging_are_not_skipped(session, admin, make_counterparty, update, start):
    after = start()
    made = [make_counterparty(name=f"Paged {n}") for n in range(4)]
    with session.begin():
        items, cursors = changes.counterparties(session, actor=admin, after=after, limit=2)
    first = [item.id for item in items]
    # another client changes one already served and one not yet served, and adds one
    update(made[0], notes="again")
    update(made[3], notes="moved to the end")
    added = make_counterparty(name="Added meanwhile")

    rest, _ = _drain_until(session, admin, after=cursors["next_after"], wanted=[made[0].id, made[3].id, added.id])
    served = first + rest
    assert set(served) >= {c.id for c in made} | {added.id}
    assert served.index(made[0].id) < served.index(added.id)


def test_a_transaction_that_commits_after_a_younger_one_is_not_skipped(engine, session, admin, make_counterparty,
                                                                       start):
    """Neither is served while the older one runs (a cursor past the younger would skip it); both after."""
    older, younger = make_counterparty(name="Older"), make_counterparty(name="Younger")
    after = start()
    slow = make_session_factory(engine)()
    try:
        # plain UPDATEs: the service's own writes append to one audit chain, which orders them
        with slow.begin():  # writes first: its transaction id is the smaller
            slow.execute(update(Counterparty).where(Counterparty.id == older.id).values(notes="slow"))
            with make_session_factory(engine)() as quick, quick.begin():
                quick.execute(update(Counterparty).where(Counterparty.id == younger.id).values(notes="quick"))
            # the younger change is committed, but a cursor past it would skip the older one
            seen, after = _drain(session, admin, after=after)
            assert younger.id not in seen and older.id not in seen
        seen, _ = _drain_until(session, admin, after=after, wanted=[older.id, younger.id])
        assert seen.index(older.id) < seen.index(younger.id)
    finally:
        slow.close()


def test_a_merged_counterparty_is_a_tombstone_for_whoever_sees_the_survivor(
        session, admin, make_actor, make_counterparty, rpc, as_dict, start):
    owner, stranger = make_actor(), make_actor()
    survivor = make_counterparty(by=owner, name="Survivor")
    merged = make_counterparty(by=owner, name="Duplicate")
    after = start()
    with session.begin():
        merge.merge(session, survivor_id=survivor.id, merged_id=merged.id, fields={}, actor=admin)

    def sync_as(actor, until_seen=True):
        """What a sync from ``after`` answers ``actor`` (until the tombstone shows, or once)."""
        answered, cursor = [], after
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            page = rpc.sync_counterparties(as_dict(actor), {"after": cursor, "limit": 50})
            answered += page["items"]
            cursor = page["next_after"] or page["resume"]
            if page["next_after"] is None and (not until_seen or any(i["id"] == str(merged.id) for i in answered)):
                break
            time.sleep(0.1)
        return {item["id"]: item for item in answered}

    items = sync_as(owner)
    assert items[str(merged.id)] == {"id": str(merged.id), "deleted": True, "merged_into": str(survivor.id),
                                     "updated_at": items[str(merged.id)]["updated_at"]}
    sync_as(admin)  # settled for everyone now: what the stranger is not answered is hidden, not late
    assert str(merged.id) not in sync_as(stranger, until_seen=False)


def test_contact_persons_and_activities_sync_with_what_the_caller_sees(
        session, make_actor, make_counterparty, start, new_audit_rows):
    owner, stranger = make_actor(), make_actor()
    counterparty = make_counterparty(by=owner, name="With people")
    after_persons, after_activities = start(changes.contact_persons), start(changes.activities)
    with session.begin():
        person = logic.add_contact_person(session, counterparty_id=counterparty.id, data={"full_name": "Ivan"},
                                          actor=owner)
        activity = logic.plan_activity(session, actor=owner, data=load(schemas.ActivitySchema(), {
            "counterparty_id": str(counterparty.id), "kind": "call", "subject": "Hello",
            "planned_at": datetime.now(timezone.utc).isoformat()}))

    with new_audit_rows() as rows:
        seen, _ = _drain_until(session, owner, after=after_persons, wanted=[person.id], lister=changes.contact_persons)
    assert {(r["record_id"], r["action"]) for r in rows} >= {(person.id, "read")}
    assert _drain_until(session, owner, after=after_activities, wanted=[activity.id],
                        lister=changes.activities)[0].count(activity.id) == 1
    assert person.id not in _drain(session, stranger, after=after_persons, lister=changes.contact_persons)[0]
    assert activity.id not in _drain(session, stranger, after=after_activities, lister=changes.activities)[0]
