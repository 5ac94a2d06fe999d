"""Reminders end to end through the gateway: a reminder scheme on a document type plans
reminders from the documents' events, re-plans them when the date moves, fires them into the
inbox and by e-mail (to the test SMTP server); reminders set by hand; preferences."""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

pytestmark = pytest.mark.system


@pytest.fixture
def paid_type(admin, unique):
    """A document type of its own, with a date field of its own (``payment_due``)."""
    created = admin.post("/document-types/", json={
        "code": f"pay_{unique}", "name": f"Payment order {unique}", "kind": "invoice",
        "fields": [{"code": "payment_due", "label": "Payment due", "kind": "date"}]})
    assert created.status_code == 201, created.text
    return created.json()


def local_now(person):
    return datetime.now(ZoneInfo(person.get("time_zone") or "UTC"))


def test_a_scheme_reminds_the_responsible_and_follows_the_date(admin, employee, paid_type, eventually,
                                                                mail_server):
    person, person_api = employee("Rita Responsible")
    fields = admin.get(f"/reminder-schemes/date-fields/{paid_type['id']}")
    assert fields.status_code == 200
    assert {"valid_until", "payment_due"} <= {f["code"] for f in fields.json()["items"]}

    soon = local_now(person) + timedelta(seconds=6)
    scheme = admin.post("/reminder-schemes", json={
        "document_type_id": paid_type["id"], "name": "Payment due", "date_field": "payment_due",
        "offsets": [-3, 0], "at_time": soon.strftime("%H:%M:%S"), "recipients": {"responsible": True},
        "stop_statuses": ["completed"]})
    assert scheme.status_code == 201, scheme.text

    document = admin.post("/documents/", json={
        "type_id": paid_type["id"], "title": "Pay the rent", "responsible_id": person["id"],
        "extra": {"payment_due": soon.date().isoformat()}})
    assert document.status_code == 201, document.text
    document = document.json()

    # the "3 days before" one is in the past: only the one on the day is planned, and it fires
    fired = eventually(lambda: [n for n in person_api.get("/notifications/", params={"kind": "reminder"}).json()[
        "items"] if n["subject_id"] == document["id"]], timeout=40)
    assert fired[0]["kind"] == "reminder.document" and fired[0]["title"] == "Payment due: " + " ".join(
        p for p in (document["number"], "Pay the rent") if p)
    assert fired[0]["link"] == f"/documents/{document['id']}"
    mail = eventually(lambda: [m for m in mail_server.handler.to(person["email"])
                               if m["Subject"] == fired[0]["title"]], timeout=30)
    assert f"/documents/{document['id']}" in mail[0].get_body(("plain",)).get_content()

    # the date moves: the reminders move with it
    later = soon.date() + timedelta(days=30)
    moved = admin.patch(f"/documents/{document['id']}", json={"extra": {"payment_due": later.isoformat()}})
    assert moved.status_code == 200, moved.text
    zone = ZoneInfo(person.get("time_zone") or "UTC")

    def planned_days():
        items = person_api.get("/reminders", params={"subject_type": "document", "subject_id": document["id"]})
        return sorted(datetime.fromisoformat(r["due_at"]).astimezone(zone).date() for r in items.json()["items"])

    eventually(lambda: planned_days() == [later - timedelta(days=3), later])


def test_configuring_a_scheme_needs_the_right(employee, paid_type):
    _, plain = employee("Pavel Plain")
    refused = plain.post("/reminder-schemes", json={
        "document_type_id": paid_type["id"], "name": "x", "date_field": "valid_until", "offsets": [-1],
        "recipients": {"responsible": True}})
    assert refused.status_code == 403


def test_a_reminder_set_by_hand_reaches_the_inbox_and_mail(employee, eventually, mail_server):
    person, api = employee("Mila Manual")
    due = datetime.now(timezone.utc) + timedelta(seconds=3)
    created = api.post("/reminders", json={"title": "Call the bank", "due_at": due.isoformat()})
    assert created.status_code == 201, created.text
    [row] = created.json()
    assert row["recipient_id"] == person["id"] and row["state"] == "pending"

    [note] = eventually(lambda: api.get("/notifications/", params={"kind": "reminder.manual"}).json()["items"],
                        timeout=30)
    assert note["title"] == "Call the bank"
    eventually(lambda: mail_server.handler.to(person["email"]), timeout=30)
    deliveries = eventually(lambda: [d for d in api.get(f"/notifications/{note['id']}/deliveries").json()["items"]
                                     if d["state"] == "sent"], timeout=30)
    assert deliveries[0]["channel"] == "email" and deliveries[0]["attempts"] == 1

    past = api.post("/reminders", json={"title": "Too late", "due_at": "2020-01-01T10:00:00+00:00"})
    assert past.status_code == 422 and "due_at" in past.text


def test_reminding_someone_else_needs_the_right(employee):
    other, _ = employee("Olga Other")
    _, plain = employee("Pavel Plain")
    due = (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()
    assert plain.post("/reminders", json={"title": "x", "due_at": due, "employee_ids": [other["id"]]}).status_code \
        == 403


def test_preferences_turn_e_mail_off_for_a_kind(employee, eventually, mail_server):
    person, api = employee("Nina Quiet")
    saved = api.request("PUT", "/notification-preferences", json={"channels": {"reminder.manual": []}})
    assert saved.status_code == 200, saved.text
    assert saved.json()["channels"] == {"reminder.manual": []}
    assert api.get("/notification-preferences").json()["channels"] == {"reminder.manual": []}

    due = datetime.now(timezone.utc) + timedelta(seconds=2)
    assert api.post("/reminders", json={"title": "Inbox only", "due_at": due.isoformat()}).status_code == 201
    [note] = eventually(lambda: api.get("/notifications/").json()["items"], timeout=30)
    assert api.get(f"/notifications/{note['id']}/deliveries").json()["items"] == []
    assert mail_server.handler.to(person["email"]) == []

    bad = api.request("PUT", "/notification-preferences", json={"digest_kinds": ["no.such.kind"]})
    assert bad.status_code == 422
