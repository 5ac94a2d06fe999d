"""Edit forms over a change made meanwhile (web/changed_meanwhile.py): the version the form
was opened at goes to the service; a refusal shows who changed what, the person's input kept,
and the new version, so that saving again overwrites knowingly."""
import uuid

import pytest

from chancery_common.errors import PreconditionFailed

PERSON_ID = str(uuid.uuid4())
COUNTERPARTY_ID = str(uuid.uuid4())
DEPARTMENT_ID = str(uuid.uuid4())
EDITOR = str(uuid.uuid4())
PERSON = {"id": PERSON_ID, "counterparty_id": COUNTERPARTY_ID, "version": 3, "full_name": "Ivan Petrov",
          "position": "Director", "phones": [], "emails": [], "messengers": [], "important_dates": [],
          "notes": None, "birthday": None}


@pytest.fixture
def editor_named(bus):
    bus.answers[("staff", "employee_names_since")] = lambda *args: {"version": 1, "names": {EDITOR: "Boris Orlov"}}


def changed_meanwhile(changes, version=4):
    return PreconditionFailed("changed meanwhile", {"current_version": version, "changed_by": EDITOR,
                                                    "changed_at": "2026-12-06T21:05:00+00:00", "changes": changes})


def test_the_form_carries_the_version_it_was_opened_at(client, sign_in, bus):
    sign_in()
    bus.answers[("counterparties", "get_contact_person")] = PERSON
    bus.answers[("counterparties", "list_counterparties")] = {"items": [], "total": 0}

    html = client.get(f"/contact-persons/{PERSON_ID}/edit").get_data(as_text=True)

    assert '<input type="hidden" name="version" value="3">' in html


def test_a_person_changed_meanwhile_is_shown_with_the_differences_and_the_input_kept(client, sign_in, bus,
                                                                                     editor_named):
    token = sign_in()
    bus.answers[("counterparties", "get_contact_person")] = PERSON
    bus.answers[("counterparties", "list_counterparties")] = {"items": [], "total": 0}
    bus.answers[("counterparties", "update_contact_person")] = changed_meanwhile({"position": "Chief director"})

    answer = client.post(f"/contact-persons/{PERSON_ID}/edit", data={
        "csrf_token": token, "version": "3", "full_name": "Ivan Petrov", "position": "Accountant"})

    assert answer.status_code == 409
    html = answer.get_data(as_text=True)
    assert "Changed by Boris Orlov at 21:05 while you were editing" in html  # the employee's zone: UTC
    row = html[html.index('data-field="position"'):]
    assert row.index("Chief director") < row.index("Accountant") < row.index("</tr>")
    assert '<input type="hidden" name="version" value="4">' in html
    assert 'value="Accountant"' in html
    [(_, _, keywords)] = [call for call in bus.keywords if call[1] == "update_contact_person"]
    assert keywords == {"expected_version": 3}


def test_a_department_changed_meanwhile_names_the_head_by_name(client, sign_in, bus, identity, editor_named):
    identity["permissions"] = ["manage_staff"]
    token = sign_in()
    head = str(uuid.uuid4())
    bus.answers[("staff", "list_departments")] = [{"id": DEPARTMENT_ID, "name": "Sales", "version": 2,
                                                   "legal_entity_id": None, "parent_id": None, "head_id": None}]
    bus.answers[("staff", "list_legal_entities")] = []
    bus.answers[("staff", "list_employees")] = {"items": [{"id": head, "full_name": "Helen Head", "is_active": True}],
                                                "total": 1}
    bus.answers[("staff", "save_department")] = changed_meanwhile({"head_id": head}, version=3)

    answer = client.post(f"/admin/departments/{DEPARTMENT_ID}", data={
        "csrf_token": token, "version": "2", "name": "Sales", "head_id": ""})

    assert answer.status_code == 409
    html = answer.get_data(as_text=True)
    row = html[html.index('data-field="head_id"'):]
    assert "Helen Head" in row[:row.index("</tr>")]
    assert "Save over their change" in html
    [(_, _, keywords)] = [call for call in bus.keywords if call[1] == "save_department"]
    assert keywords == {"expected_version": 2}
