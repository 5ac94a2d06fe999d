"""Merging two counterparties: everything moves to the survivor at once; the other stays as a tombstone."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect, select

from chancery_common.envelope import Event
from chancery_common.errors import InvalidInput, NotFound, PermissionDenied, load
from counterparties import logic, merge, schemas
from counterparties.models import outbox


@pytest.fixture
def merge_into(session):
    def run(survivor, merged, by, **choices):
        # ids without loading: after a refused merge the session's objects are expired
        survivor_id, merged_id = inspect(survivor).identity[0], inspect(merged).identity[0]
        data = load(schemas.CounterpartyMergeSchema(), {"merged_id": str(merged_id), "fields": choices})
        with session.begin():
            return merge.merge(session, survivor_id=survivor_id, merged_id=data["merged_id"],
                               fields=data["choices"], actor=by)
    return run


def test_merging_moves_everything_to_the_survivor_and_leaves_a_tombstone(
        session, make_counterparty, make_actor, admin, merge_into, history, new_audit_rows):
    owner, other_owner, helper = make_actor(), make_actor(), uuid.uuid4()
    survivor = make_counterparty(by=owner, name="Vega LLC", phone=None, notes="Pays on time")
    merged = make_counterparty(by=other_owner, name="VEGA Ltd", phone="+7 495 123-45-67", email="info@vega.test",
                               notes="Ask for Olga", additional_responsible_ids=[str(helper)])
    with session.begin():
        person = logic.add_contact_person(session, counterparty_id=merged.id, data={"full_name": "Olga Orlova"},
                                          actor=other_owner)
        activity = logic.plan_activity(session, actor=other_owner, data=load(schemas.ActivitySchema(), {
            "counterparty_id": str(merged.id), "kind": "call", "subject": "Prices",
            "planned_at": (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()}))
    merged_history = {entry.id for entry in history(merged.id)}

    with new_audit_rows() as rows:
        result, moved = merge_into(survivor, merged, admin, email="merged")

    assert moved == {"contact_persons": 1, "activities": 1, "history_entries": len(merged_history),
                     "negotiation_notes": 0}
    assert (result.name, result.phone, result.email) == ("Vega LLC", "+7 495 123-45-67", "info@vega.test")
    assert result.notes == "Pays on time\n\nAsk for Olga"
    assert result.responsible_employee_id == owner.id
    assert set(result.additional_responsible_ids) == {other_owner.id, helper}
    with session.begin():
        assert session.get(type(person), person.id).counterparty_id == survivor.id
        assert session.get(type(activity), activity.id).counterparty_id == survivor.id
    entries = history(survivor.id)
    assert entries[0].kind == "counterparty.merged" and entries[0].data["merged_id"] == str(merged.id)
    assert merged_history <= {entry.id for entry in entries}
    # the former responsible of the merged one sees the survivor now
    with session.begin():
        assert logic.get_counterparty(session, counterparty_id=survivor.id, actor=other_owner).id == survivor.id
    assert {(row["action"], row["record_id"]) for row in rows} >= {
        ("merged", survivor.id), ("merged_into", merged.id)}

    # the tombstone: not listed, not a duplicate, reading it names the survivor
    with session.begin():
        with pytest.raises(NotFound) as gone:
            logic.get_counterparty(session, counterparty_id=merged.id, actor=other_owner)
        assert gone.value.details == {"merged_into": str(survivor.id)}
        assert logic.list_counterparties(session, actor=admin, ids=[merged.id, survivor.id])[1] == 1
        items, hidden = logic.find_duplicates(session, data={"name": "VEGA Ltd"}, actor=admin)
        assert (items, hidden) == ([], 0)
        tombstone = session.get(type(merged), merged.id)
        assert (tombstone.status, tombstone.merged_into_id) == ("merged", survivor.id)
    stranger = make_actor()
    with session.begin(), pytest.raises(NotFound) as hidden_merge:
        logic.get_counterparty(session, counterparty_id=merged.id, actor=stranger)
    assert hidden_merge.value.details is None

    with session.begin():
        payloads = session.scalars(select(outbox.table.c.payload).where(
            outbox.table.c.event_type == "counterparty.merged",
            outbox.table.c.payload["merged_id"].astext == str(merged.id))).all()
    assert payloads == [{"merged_id": str(merged.id), "survivor_id": str(survivor.id), "merged_by": str(admin.id)}]


def test_events_about_a_merged_counterparty_join_the_survivors_history(session, make_counterparty, admin,
                                                                       merge_into, history):
    survivor, merged = make_counterparty(), make_counterparty()
    merge_into(survivor, merged, admin)
    event = Event(type="document.registered", producer="documents",
                  payload={"counterparty_id": str(merged.id), "document_id": str(uuid.uuid4())})
    with session.begin():
        logic.record_foreign_event(session, event=event, summary="late event")
    assert history(survivor.id)[0].summary == "late event"


def test_merging_twice_leaves_no_chain_of_tombstones(session, make_counterparty, admin, merge_into):
    first, second, third = make_counterparty(), make_counterparty(), make_counterparty()
    merge_into(second, first, admin)
    merge_into(third, second, admin)
    with session.begin():
        assert session.get(type(first), first.id).merged_into_id == third.id
        with pytest.raises(NotFound) as gone:
            logic.get_counterparty(session, counterparty_id=first.id, actor=admin)
    assert gone.value.details == {"merged_into": str(third.id)}


def test_who_may_merge_and_what_is_refused(session, make_counterparty, make_actor, admin, merge_into):
    manager = make_actor("manager")
    mine, also_mine = make_counterparty(by=manager), make_counterparty(by=manager)
    with pytest.raises(PermissionDenied):
        merge_into(mine, also_mine, manager)
    allowed = make_actor("manager", permissions=["merge_counterparties"])
    theirs = make_counterparty(by=allowed)
    with pytest.raises(NotFound):  # both must be visible to the caller
        merge_into(theirs, mine, allowed)
    with pytest.raises(InvalidInput, match="merged_id"):
        merge_into(mine, mine, admin)
    with pytest.raises(InvalidInput, match="fields"):
        merge_into(mine, also_mine, admin, created_by="merged")
    with pytest.raises(InvalidInput, match="fields"):
        load(schemas.CounterpartyMergeSchema(), {"merged_id": str(uuid.uuid4()), "fields": {"name": "both"}})
    merge_into(mine, also_mine, admin)
    with pytest.raises(NotFound):  # a tombstone cannot be merged again
        merge_into(mine, also_mine, admin)
