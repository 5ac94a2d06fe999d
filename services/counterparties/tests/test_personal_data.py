"""Contact persons' personal data: consent, export, and erasure from every table."""
import json
import uuid
from datetime import date, datetime, timedelta, timezone

import pytest
from nameko.testing.services import worker_factory
from sqlalchemy import func, select, text

from chancery_common.envelope import Event
from chancery_common.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from counterparties import events, logic, models
from counterparties.models import Activity, HistoryEntry
from counterparties.service import CounterpartiesService


def as_dict(actor):
    return {"id": str(actor.id), "roles": actor.roles}


@pytest.fixture
def service(session):
    return worker_factory(CounterpartiesService, db=session)


@pytest.fixture
def person(session, make_counterparty, actor):
    counterparty = make_counterparty()
    with session.begin():
        return logic.add_contact_person(session, counterparty_id=counterparty.id, actor=actor,
                                        data={"full_name": "Olga Orlova", "emails": ["olga@example.test"]})


def test_the_added_event_carries_the_name_and_dates_for_reminders_not_contact_details(person, actor, outbox_events):
    assert outbox_events(events.CONTACT_PERSON_ADDED, person.counterparty_id) == [{
        "contact_person_id": str(person.id), "counterparty_id": str(person.counterparty_id),
        "full_name": "Olga Orlova", "important_dates": [], "responsible_employee_id": str(actor.id),
        "added_by": str(actor.id)}]


def test_consent_is_changed_only_by_recording_it(service, person, actor):
    with pytest.raises(InvalidInput) as refused:
        service.update_contact_person(as_dict(actor), str(person.id), {"consent_to_mailings": True})
    assert "consent_to_mailings" in refused.value.details


def test_consent_is_recorded_with_when_and_how_and_can_be_withdrawn(service, person, actor, new_audit_rows):
    with pytest.raises(InvalidInput) as no_method:
        service.record_consent(as_dict(actor), str(person.id), {"given": True})
    assert "method" in no_method.value.details

    with new_audit_rows() as given_rows:
        given = service.record_consent(as_dict(actor), str(person.id), {"given": True, "method": "signed form"})
    assert (given["consent_to_mailings"], given["consent_method"], given["consent_withdrawn_at"]) == (
        True, "signed form", None)
    assert given["consent_given_at"]

    with new_audit_rows() as withdrawn_rows:
        withdrawn = service.record_consent(as_dict(actor), str(person.id), {"given": False, "method": "e-mail"})
    assert withdrawn["consent_to_mailings"] is False
    assert withdrawn["consent_withdrawn_at"] >= withdrawn["consent_given_at"]
    assert [(r["action"], r["changes"]) for r in given_rows + withdrawn_rows] == [
        ("consent_given", {"consent_to_mailings": {"from": False, "to": True}, "method": "signed form"}),
        ("consent_withdrawn", {"consent_to_mailings": {"from": True, "to": False}, "method": "e-mail"}),
    ]


# a person with a past: their data planted in every place this service keeps text ----------

@pytest.fixture
def planted(unique):
    digits = str(uuid.uuid4().int)[:7]
    return {
        "full_name": f"Zinaida Plantova{unique}",
        "position": f"Keeper of seeds {unique}",
        "phone": f"+7 (901) {digits[:3]}-{digits[3:5]}-{digits[5:]}",
        "email": f"zina.{unique}@planted.test",
        "notes": f"Prefers calls after six, code {unique}",
        "birthday": (date(1950, 1, 1) + timedelta(days=uuid.uuid4().int % 15000)).isoformat(),
    }


@pytest.fixture
def past(session, make_counterparty, actor, admin, planted, service):
    """The person, added, changed, read, consenting, called, named in a document, exported."""
    counterparty = make_counterparty()
    soon = datetime.now(timezone.utc) + timedelta(days=1)
    with session.begin():
        person = logic.add_contact_person(session, counterparty_id=counterparty.id, actor=actor, data={
            "full_name": planted["full_name"], "phones": [planted["phone"]], "emails": [planted["email"]],
            "birthday": date.fromisoformat(planted["birthday"]), "notes": planted["notes"]})
        logic.update_contact_person(session, contact_person_id=person.id, actor=actor,
                                    changes={"position": planted["position"]})
        logic.record_consent(session, contact_person_id=person.id, given=True, method="verbal", actor=actor)
        call = logic.plan_activity(session, actor=actor, data={
            "counterparty_id": counterparty.id, "contact_person_id": person.id, "kind": "call",
            "subject": "Delivery dates", "phone_or_place": planted["phone"], "planned_at": soon})
        # the same number written differently, on an activity not linked to the person
        logic.plan_activity(session, actor=actor, data={
            "counterparty_id": counterparty.id, "kind": "call", "subject": "Reception",
            "phone_or_place": "".join(ch for ch in planted["phone"] if ch.isdigit()), "planned_at": soon})
        logic.plan_activity(session, actor=actor, data={
            "counterparty_id": counterparty.id, "kind": "meeting", "subject": "Visit",
            "phone_or_place": "Office 7", "planned_at": soon})
        logic.complete_activity(session, activity_id=call.id, status="done", result="Dates agreed",
                                next_step=None, actor=actor, follow_up={
                                    "kind": None, "subject": "Confirm", "description": None,
                                    "planned_at": soon + timedelta(days=1)})
        logic.record_foreign_event(session, summary=f"Contract signed by {planted['full_name']}", event=Event(
            type="document.registered", producer="documents", payload={
                "counterparty_id": str(counterparty.id), "title": f"Contract signed by {planted['full_name']}",
                "contact": planted["email"]}))
        # a contact_person.added row as the outbox held it before the name was dropped
        models.outbox.add(session, events.CONTACT_PERSON_ADDED, {
            "contact_person_id": str(person.id), "counterparty_id": str(counterparty.id),
            "full_name": planted["full_name"], "added_by": str(actor.id)})
    service.get_contact_person(as_dict(actor), str(person.id))
    service.list_contact_persons(as_dict(actor), str(counterparty.id))
    service.export_contact_person(as_dict(actor), str(person.id))
    return person


def occurrences(engine, value):
    """Every (table, column) of the database whose text, varchar or jsonb holds ``value``."""
    found = []
    with engine.connect() as connection:
        columns = connection.execute(text(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb')")).all()
        for table, column in columns:
            if connection.scalar(text(f'SELECT count(*) FROM "{table}" WHERE "{column}"::text ILIKE :pattern'),
                                 {"pattern": f"%{value}%"}):
                found.append(f"{table}.{column}")
    return sorted(found)


def counts(session, person):
    with session.begin():
        return {
            "activities": session.scalar(select(func.count()).where(Activity.contact_person_id == person.id)),
            "history": session.scalar(select(func.count()).where(
                HistoryEntry.counterparty_id == person.counterparty_id)),
            "persons": session.scalar(select(func.count()).where(
                models.ContactPerson.counterparty_id == person.counterparty_id)),
        }


def erase(session, person, by, reason="Asked to be forgotten"):
    with session.begin():
        return logic.erase_contact_person(session, contact_person_id=person.id, reason=reason, actor=by)


def test_the_export_holds_everything_about_the_person(service, past, actor, planted, new_audit_rows):
    with new_audit_rows() as rows:
        export = service.export_contact_person(as_dict(actor), str(past.id))

    assert json.loads(json.dumps(export)) == export
    person = export["contact_person"]
    assert (person["full_name"], person["position"], person["phones"], person["emails"], person["notes"],
            person["birthday"], person["consent_method"]) == (
        planted["full_name"], planted["position"], [planted["phone"]], [planted["email"]], planted["notes"],
        planted["birthday"], "verbal")
    assert export["counterparty"]["id"] == str(past.counterparty_id)
    assert {a["subject"] for a in export["activities"]} == {"Delivery dates", "Confirm"}
    assert [e["kind"] for e in export["history"]] == ["contact_person.added", "contact_person.updated"]
    assert {"added", "updated", "consent_given", "read", "exported"} <= {a["action"] for a in export["audit"]}
    assert [(r["action"], r["record_id"]) for r in rows] == [("exported", past.id)]


def test_erasure_removes_the_persons_data_from_every_table(engine, session, past, planted, make_actor):
    lawyer = make_actor("lawyer")
    assert {"contact_persons.full_name", "history_entries.summary", "history_entries.data",
            "outbox.payload"} <= set(occurrences(engine, planted["full_name"]))
    assert "activities.phone_or_place" in occurrences(engine, planted["phone"])
    before = counts(session, past)

    erased = erase(session, past, lawyer, reason=f"{planted['full_name']} asked by letter")

    for name, value in planted.items():
        assert occurrences(engine, value) == [], name
    assert (erased.full_name, erased.position, erased.phones, erased.emails, erased.birthday, erased.notes,
            erased.consent_to_mailings) == ("Anonymised person", None, [], [], None, None, False)
    assert erased.anonymised_at is not None
    after = counts(session, past)
    assert after == {**before, "history": before["history"] + 1}
    with session.begin():
        places = session.scalars(select(Activity.phone_or_place).where(
            Activity.counterparty_id == past.counterparty_id).order_by(Activity.subject)).all()
    assert places == [None, None, None, "Office 7"]  # Confirm, Delivery dates, Reception, Visit
    with session.begin():
        about_them = session.scalars(select(HistoryEntry.kind).where(
            HistoryEntry.data["contact_person_id"].astext == str(past.id)).order_by(HistoryEntry.occurred_at)).all()
    assert about_them == ["contact_person.added", "contact_person.updated", "contact_person.erased"]


def test_the_history_forgets_a_short_or_former_name_too(session, make_counterparty, actor, admin, history):
    counterparty = make_counterparty(name="Shorty Ltd")
    with session.begin():
        person = logic.add_contact_person(session, counterparty_id=counterparty.id, actor=actor,
                                          data={"full_name": "Jo Formername", "position": "IT"})
        logic.update_contact_person(session, contact_person_id=person.id, actor=actor,
                                    changes={"full_name": "Li"})

    erase(session, person, admin)

    assert person.position is None and person.full_name == "Anonymised person"
    assert [e.summary for e in history(counterparty.id)] == [
        "A contact person's personal data was erased", "Contact person Anonymised person: changed full_name",
        "Contact person Anonymised person added", "Counterparty Shorty Ltd created"]


def test_erasure_is_announced_without_personal_data_and_audited_once(session, past, admin, outbox_events,
                                                                     new_audit_rows, planted):
    with new_audit_rows() as rows:
        erase(session, past, admin, reason=f"Request of {planted['full_name']}")

    assert outbox_events(events.CONTACT_PERSON_ERASED, past.counterparty_id) == [{
        "contact_person_id": str(past.id), "counterparty_id": str(past.counterparty_id),
        "erased_by": str(admin.id), "reason": "Request of Anonymised person"}]
    [row] = rows
    assert (row["action"], row["record_type"], row["record_id"], row["actor_id"]) == (
        "anonymised", "contact_person", past.id, admin.id)
    assert row["changes"] == {"reason": "Request of Anonymised person", "history_entries_scrubbed": 3,
                              "activity_places_cleared": 3}


def test_only_administrators_and_lawyers_erase(session, person, actor, make_actor):
    with pytest.raises(PermissionDenied):
        erase(session, person, actor)  # responsible for the counterparty, but a plain employee
    with pytest.raises(NotFound):
        erase(session, person, make_actor("manager"))


def test_an_anonymised_person_stays_anonymised(session, service, person, admin, actor):
    person_id, counterparty_id = person.id, person.counterparty_id  # a rollback expires `person`
    erase(session, person, admin)

    with pytest.raises(Conflict, match="already anonymised"):
        erase(session, person, admin)
    with pytest.raises(Conflict):
        service.update_contact_person(as_dict(actor), str(person_id), {"full_name": "Back again"})
    with pytest.raises(Conflict):
        service.record_consent(as_dict(actor), str(person_id), {"given": True, "method": "verbal"})
    with pytest.raises(Conflict), session.begin():
        logic.plan_activity(session, actor=actor, data={
            "counterparty_id": counterparty_id, "contact_person_id": person_id, "kind": "call",
            "subject": "Call", "planned_at": datetime.now(timezone.utc)})
    assert service.get_contact_person(as_dict(actor), str(person_id))["full_name"] == "Anonymised person"


def test_erasure_needs_a_reason(service, person, admin):
    with pytest.raises(InvalidInput) as refused:
        service.erase_contact_person(as_dict(admin), str(person.id), {"reason": "  "})
    assert "reason" in refused.value.details
