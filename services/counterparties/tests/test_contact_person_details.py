"""Contact persons' messengers and important dates (personal data), and moving a person elsewhere."""
import uuid
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from chancery_common.errors import InvalidInput, NotFound, load
from counterparties import logic, schemas
from counterparties.models import Activity, HistoryEntry, outbox


@pytest.fixture
def add_person(session, actor):
    def add(counterparty, by=None, **fields):
        data = load(schemas.ContactPersonSchema(), {"full_name": f"Person {uuid.uuid4().hex[:6]}", **fields})
        with session.begin():
            return logic.add_contact_person(session, counterparty_id=counterparty.id, data=data, actor=by or actor)
    return add


def test_messengers_and_important_dates_are_kept_and_audited_as_personal(session, make_counterparty, add_person,
                                                                        actor, new_audit_rows):
    counterparty = make_counterparty()
    with new_audit_rows() as rows:
        person = add_person(counterparty, messengers=[{"kind": "telegram", "handle": "@zina_seeds"}],
                            important_dates=[{"kind": "anniversary", "label": "Joined the company",
                                              "date": "2011-04-01", "remind_yearly": True}])
    dumped = schemas.ContactPersonSchema().dump(person)
    assert dumped["messengers"] == [{"kind": "telegram", "handle": "@zina_seeds"}]
    assert dumped["important_dates"] == [{"id": person.important_dates[0]["id"], "kind": "anniversary",
                                          "label": "Joined the company", "date": "2011-04-01", "remind": True,
                                          "remind_days_before": 0, "remind_yearly": True}]
    assert rows[0]["changes"]["messengers"] == {"changed": True}
    assert rows[0]["changes"]["important_dates"] == {"changed": True}
    assert "zina_seeds" not in str(rows) and "2011-04-01" not in str(rows)

    with pytest.raises(InvalidInput, match="important_dates"):
        load(schemas.ContactPersonSchema(), {"full_name": "X", "important_dates": [{"kind": "name day",
                                                                                    "date": "2000-01-01"}]})
    with new_audit_rows() as rows:
        with session.begin():
            logic.update_contact_person(session, contact_person_id=person.id, actor=actor, changes=load(
                schemas.ContactPersonSchema(partial=True), {"important_dates": [
                    {"kind": "birthday", "date": "1980-05-17"}]}))
    assert rows[0]["changes"] == {"important_dates": {"changed": True}}


def test_a_person_moves_with_their_activities_and_history(session, make_counterparty, add_person, actor, history,
                                                         new_audit_rows):
    old, new = make_counterparty(name="Old Employer"), make_counterparty(name="New Employer")
    person = add_person(old, full_name="Valentina Mover")
    with session.begin():
        call = logic.plan_activity(session, actor=actor, data={
            "counterparty_id": old.id, "contact_person_id": person.id, "kind": "call", "subject": "Offer",
            "planned_at": datetime.now(timezone.utc) + timedelta(days=1)}).id

    with new_audit_rows() as rows:
        with session.begin():
            moved = logic.move_contact_person(session, contact_person_id=person.id, counterparty_id=new.id,
                                              actor=actor)
    assert moved.counterparty_id == new.id
    with session.begin():
        assert session.get(Activity, call).contact_person_id == person.id
    assert history(old.id)[0].summary == "Contact person Valentina Mover moved to another counterparty"
    assert history(new.id)[0].summary == "Contact person Valentina Mover moved here from another counterparty"
    assert [(r["action"], r["changes"]) for r in rows] == [
        ("moved", {"counterparty_id": {"from": str(old.id), "to": str(new.id)}})]
    with session.begin(), pytest.raises(InvalidInput):
        logic.move_contact_person(session, contact_person_id=person.id, counterparty_id=new.id, actor=actor)


def test_a_person_moves_only_between_counterparties_one_sees(session, make_counterparty, add_person, actor,
                                                            make_actor):
    mine, theirs = make_counterparty(), make_counterparty(by=make_actor())
    person_id, theirs_id = add_person(mine).id, theirs.id
    with session.begin(), pytest.raises(NotFound):
        logic.move_contact_person(session, contact_person_id=person_id, counterparty_id=theirs_id, actor=actor)


def test_erasure_after_a_move_clears_both_counterparties_and_the_new_fields(session, make_counterparty, add_person,
                                                                           actor, make_actor):
    old, new = make_counterparty(), make_counterparty()
    name = f"Erased Wanderer{uuid.uuid4().hex[:6]}"
    person = add_person(old, full_name=name, messengers=[{"kind": "signal", "handle": "+79010002233"}],
                        important_dates=[{"kind": "other", "label": "Dacha season opens", "date": "2020-05-01"}])
    with session.begin():
        logic.move_contact_person(session, contact_person_id=person.id, counterparty_id=new.id, actor=actor)
        logic.update_contact_person(session, contact_person_id=person.id, actor=actor,
                                    changes={"notes": "Mentions Dacha season opens often"})
    with session.begin():
        erased = logic.erase_contact_person(session, contact_person_id=person.id, reason="asked",
                                            actor=make_actor("lawyer"))
        assert (erased.messengers, erased.important_dates, erased.birthday) == ([], [], None)
    with session.begin():
        texts = [f"{e.summary} {e.data}" for e in session.scalars(select(HistoryEntry).where(
            HistoryEntry.counterparty_id.in_([old.id, new.id])))]
        payloads = [str(p) for p in session.scalars(select(outbox.table.c.payload))]
    for value in (name, "Dacha season opens", "+79010002233"):
        assert not [text for text in texts + payloads if value.lower() in text.lower()], value
    assert date(2020, 5, 1).isoformat() not in " ".join(texts)
