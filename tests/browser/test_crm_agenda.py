"""The agenda and activities in headless Chromium (issue: CRM screens).

The first screen after sign-in is my agenda: today's contacts grouped by type, the overdue
ones, each with phone, contact person, subject and plan; any other day; a week calendar. A
department head schedules a meeting for an employee of the department and sees it in that
employee's agenda; an activity is completed with a follow-up planned in the same form.
"""
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.system]

MOSCOW = ZoneInfo("Europe/Moscow")


def make_person(admin, client, unique, key, roles, department_id=None):
    """An employee in Moscow time with a password, and their API client: (employee, password, api)."""
    email, password = f"{key}.{unique}@crm-agenda.chancery", f"crm-agenda-{unique}-pw"
    created = admin.post("/employees/", json={
        "full_name": f"{key.capitalize()} {unique}", "email": email, "password": password, "roles": roles,
        "department_id": department_id, "time_zone": "Europe/Moscow"})
    assert created.status_code == 201, created.text
    return created.json(), (email, password), client(email, password)


def moscow(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=MOSCOW)


def plan(api, **activity):
    made = api.post("/activities/", json={**activity, "planned_at": activity["planned_at"].isoformat()})
    assert made.status_code == 201, made.text
    return made.json()


def test_the_agenda_is_the_first_screen_with_today_overdue_and_the_week(page, admin, client, unique, tmp_path):
    me, credentials, api = make_person(admin, client, unique, "agnes", ["manager"])
    _other, _login, other_api = make_person(admin, client, unique, "oscar", ["manager"])
    acme = api.post("/counterparties/", json={"name": f"Acme Agenda {unique}"}).json()
    person = api.post(f"/counterparties/{acme['id']}/contact-persons", json={
        "full_name": f"Ivan Petrov {unique}", "position": "Buyer", "phones": ["+7 916 111-22-33"]})
    assert person.status_code == 201, person.text
    today = datetime.now(MOSCOW).date()
    yesterday = today - timedelta(days=1)
    plan(api, counterparty_id=acme["id"], contact_person_id=person.json()["id"], kind="call",
         subject=f"Price call {unique}", description="Discuss the discount for 2027", planned_at=moscow(today, 12))
    plan(api, counterparty_id=acme["id"], kind="meeting", subject=f"Visit {unique}",
         phone_or_place="Tverskaya 1, office 5", planned_at=moscow(today, 15), duration_minutes=90)
    plan(api, counterparty_id=acme["id"], kind="letter", subject=f"Late letter {unique}",
         planned_at=moscow(yesterday, 12))
    theirs = other_api.post("/counterparties/", json={"name": f"Other Co {unique}"}).json()
    plan(other_api, counterparty_id=theirs["id"], kind="call", subject=f"Not mine {unique}",
         planned_at=moscow(today, 13))

    sign_in(page, *credentials)
    expect(page).to_have_url(re.compile(r"/$"))  # the first screen after sign-in
    agenda = page.locator("#my-agenda")
    overdue = agenda.locator("#overdue")
    expect(overdue).to_contain_text(f"Late letter {unique}")
    expect(overdue).not_to_contain_text(f"Price call {unique}")
    calls = agenda.locator(".agenda-group[data-kind=call]")
    expect(calls.locator("h3")).to_contain_text("Call")
    call_row = calls.locator(".activity-row")
    expect(call_row).to_have_count(1)
    # phone, contact person, subject and plan at a glance
    for text in (f"Price call {unique}", f"Ivan Petrov {unique}", "Buyer", "+7 916 111-22-33",
                 "Discuss the discount for 2027", f"Acme Agenda {unique}", "12:00"):
        expect(call_row).to_contain_text(text)
    meeting_row = agenda.locator(".agenda-group[data-kind=meeting] .activity-row")
    expect(meeting_row).to_contain_text("Tverskaya 1, office 5")
    expect(meeting_row).to_contain_text("90 min")
    expect(agenda).not_to_contain_text(f"Not mine {unique}")  # a colleague's call is theirs

    # any other date: yesterday's letter is that day's plan
    page.locator(".mainnav").get_by_role("link", name="Agenda").click()
    page.fill("#f-date", yesterday.isoformat())
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#day-agenda .agenda-group[data-kind=letter]")).to_contain_text(f"Late letter {unique}")
    expect(page.locator("#day-agenda")).not_to_contain_text(f"Price call {unique}")

    # the week view: today's cell holds today's two, in time order
    page.get_by_role("link", name="Today").click()
    page.locator("nav.tabs").get_by_role("link", name="Week").click()
    cell = page.locator(f"table.calendar td[data-date='{today.isoformat()}']")
    expect(cell.locator(".calendar-item")).to_have_count(2)
    expect(cell.locator(".calendar-item").first).to_contain_text(f"Price call {unique}")
    expect(cell.locator(".calendar-item").nth(1)).to_contain_text(f"Visit {unique}")
    expect(page.locator("table.calendar")).not_to_contain_text(f"Not mine {unique}")
    page.locator("nav.tabs").get_by_role("link", name="Month").click()
    expect(page.locator(f"table.calendar td[data-date='{today.isoformat()}'] .calendar-item")).to_have_count(2)
    page.screenshot(path=str(tmp_path / "agenda-month.png"))


def test_a_department_head_schedules_a_meeting_for_an_employee(page, admin, client, unique, eventually,
                                                                agenda_people):
    head, head_login, head_api = agenda_people["head"]
    member, _member_login, member_api = agenda_people["member"]
    client_co = admin.post("/counterparties/", json={
        "name": f"Team Client {unique}", "responsible_employee_id": member["id"]}).json()
    person = admin.post(f"/counterparties/{client_co['id']}/contact-persons", json={
        "full_name": f"Olga Smirnova {unique}", "phones": ["+7 903 555-66-77"]}).json()
    # the head sees the employee's counterparty once the counterparties service learns who works where
    eventually(lambda: head_api.get(f"/counterparties/{client_co['id']}").status_code == 200, timeout=20)
    tomorrow = datetime.now(MOSCOW).date() + timedelta(days=1)

    sign_in(page, *head_login)
    page.goto(f"/counterparties/{client_co['id']}")
    page.get_by_role("link", name="Plan an activity").first.click()
    page.select_option("#f-kind", "meeting")
    page.select_option("#f-contact_person_id", person["id"])
    page.fill("#f-phone_or_place", "Their office, room 3")
    page.fill("#f-subject", f"Contract talk {unique}")
    page.fill("#f-description", "Bring the draft annex")
    page.fill("#f-planned_at", f"{tomorrow.isoformat()}T11:30")
    page.fill("#f-duration_minutes", "45")
    page.select_option("#f-responsible_id", member["id"])
    page.get_by_role("button", name="Plan", exact=True).click()
    expect(page.locator("h1")).to_have_text(f"Contract talk {unique}")
    expect(page.locator(".activity-responsible")).to_have_text(member["full_name"])

    planned = member_api.get("/activities/", params={"responsible_id": member["id"], "status": "planned"}).json()
    mine = [a for a in planned["items"] if a["subject"] == f"Contract talk {unique}"]
    assert len(mine) == 1
    assert mine[0]["scheduled_by"] == head["id"] and mine[0]["contact_person_id"] == person["id"]
    assert datetime.fromisoformat(mine[0]["planned_at"]) == moscow(tomorrow, 11, 30)
    assert mine[0]["duration_minutes"] == 45

    # the head opens the employee's agenda for that day
    page.locator(".mainnav").get_by_role("link", name="Agenda").click()
    page.select_option("#f-employee", member["id"])
    page.fill("#f-date", tomorrow.isoformat())
    page.get_by_role("button", name="Show").click()
    row = page.locator("#day-agenda .agenda-group[data-kind=meeting] .activity-row")
    expect(row).to_contain_text(f"Contract talk {unique}")
    expect(row).to_contain_text(f"Olga Smirnova {unique}")
    expect(row).to_contain_text("11:30")
    expect(row).to_contain_text("Bring the draft annex")
    # the whole team at once: each activity says whose it is
    page.select_option("#f-employee", "team")
    page.get_by_role("button", name="Show").click()
    team_row = page.locator("#day-agenda .activity-row", has_text=f"Contract talk {unique}")
    expect(team_row.locator(".activity-owner")).to_have_text(member["full_name"])
    page.locator("nav.tabs").get_by_role("link", name="Week").click()
    expect(page.locator(f"table.calendar td[data-date='{tomorrow.isoformat()}']")).to_contain_text(
        member["full_name"])

    # an ordinary employee has no colleague to choose
    assert member_api.post("/activities/", json={
        "counterparty_id": client_co["id"], "kind": "call", "subject": "x",
        "planned_at": moscow(tomorrow, 9).isoformat(), "responsible_id": head["id"]}).status_code == 403


def test_completing_an_activity_and_planning_the_follow_up(page, admin, client, unique):
    me, credentials, api = make_person(admin, client, unique, "carl", ["manager"])
    acme = api.post("/counterparties/", json={"name": f"Follow Co {unique}"}).json()
    today = datetime.now(MOSCOW).date()
    first = plan(api, counterparty_id=acme["id"], kind="call", subject=f"First call {unique}",
                 phone_or_place="+7 495 777-88-99", planned_at=moscow(today, 10))
    next_week = today + timedelta(days=7)

    sign_in(page, *credentials)
    row = page.locator(f"#my-agenda .activity-row[data-activity='{first['id']}']")
    row.get_by_role("link", name="Record result").click()
    expect(page.locator("h1")).to_have_text(f"First call {unique}")
    page.fill("#f-result", "Interested; wants the price list")
    page.fill("#f-next_step", "Send the price list, then meet")
    page.locator("details.follow-up summary").click()
    page.check("#f-follow_up")
    page.select_option("#f-follow_kind", "meeting")
    page.fill("#f-follow_subject", f"Meeting after the call {unique}")
    page.fill("#f-follow_planned_at", f"{next_week.isoformat()}T14:00")
    page.get_by_role("button", name="Save result").click()

    # the follow-up opens, planned, following the first one
    expect(page.locator("h1")).to_have_text(f"Meeting after the call {unique}")
    expect(page.locator(".flash-success").first).to_contain_text("Result recorded")
    expect(page.locator("[data-status=planned]")).to_be_visible()
    done = api.get(f"/activities/{first['id']}").json()
    assert done["status"] == "done" and done["result"] == "Interested; wants the price list"
    assert done["next_step"] == "Send the price list, then meet"
    following = api.get("/activities/", params={"counterparty_id": acme["id"], "status": "planned"}).json()["items"]
    assert [(a["subject"], a["kind"], a["follow_up_of"]) for a in following] == [
        (f"Meeting after the call {unique}", "meeting", first["id"])]
    assert datetime.fromisoformat(following[0]["planned_at"]) == moscow(next_week, 14)
    assert following[0]["responsible_id"] == me["id"]
    # a meeting does not take the call's phone for its place, in the record or on its page
    assert following[0]["phone_or_place"] in (None, "")
    details = page.locator("#activity-details")
    expect(details).to_contain_text("Phone or place")
    expect(details).not_to_contain_text("+7 495 777-88-99")

    # the previous one shows its outcome; a follow-up without a subject is refused in the form
    page.get_by_role("link", name="the previous contact").click()
    expect(page.locator(".activity-result")).to_have_text("Interested; wants the price list")

    # calling off the follow-up keeps the reason
    page.goto(f"/activities/{following[0]['id']}")
    page.fill("#f-reason", "The client postponed")
    page.get_by_role("button", name="Cancel activity").click()
    expect(page.locator("[data-status=cancelled]").first).to_be_visible()
    assert api.get(f"/activities/{following[0]['id']}").json()["status"] == "cancelled"


@pytest.fixture
def agenda_people(admin, client, unique):
    """A department with its head and an employee, all in Moscow time."""
    head, head_login, head_api = make_person(admin, client, unique, "helen", ["department_head"])
    department = admin.post("/departments/", json={"name": f"Sales {unique}", "head_id": head["id"]})
    assert department.status_code == 201, department.text
    member, member_login, member_api = make_person(admin, client, unique, "mark", ["manager"],
                                                   department.json()["id"])
    return {"head": (head, head_login, head_api), "member": (member, member_login, member_api)}


def test_an_activity_is_moved_and_then_marked_missed(page, admin, client, unique):
    _me, credentials, api = make_person(admin, client, unique, "mona", ["manager"])
    acme = api.post("/counterparties/", json={"name": f"Moving Co {unique}"}).json()
    today = datetime.now(MOSCOW).date()
    tomorrow = today + timedelta(days=1)
    call = plan(api, counterparty_id=acme["id"], kind="call", subject=f"Moving call {unique}",
                planned_at=moscow(today, 9))

    sign_in(page, *credentials)
    page.goto(f"/activities/{call['id']}")
    expect(page.locator("#f-new_planned_at")).to_have_value(f"{today.isoformat()}T09:00")
    page.fill("#f-new_planned_at", f"{tomorrow.isoformat()}T16:30")
    page.fill("#f-reschedule_reason", "The client is travelling")
    page.get_by_role("button", name="Move", exact=True).click()
    expect(page.locator(".flash-success")).to_contain_text(f"{tomorrow.isoformat()} 16:30")
    assert datetime.fromisoformat(api.get(f"/activities/{call['id']}").json()["planned_at"]) == moscow(tomorrow, 16, 30)

    page.fill("#f-reason", "Nobody answered")
    page.get_by_role("button", name="Mark missed").click()
    expect(page.locator("#outcome [data-status=missed]")).to_be_visible()
    expect(page.locator(".activity-result")).to_have_text("Nobody answered")
    missed = api.get(f"/activities/{call['id']}").json()
    assert missed["status"] == "missed" and missed["result"] == "Nobody answered"


def test_the_contact_person_fills_the_phone_and_the_plan_keeps_its_lines(page, admin, admin_credentials, unique):
    client_co = admin.post("/counterparties/", json={"name": f"Phone Client {unique}"}).json()
    person = admin.post(f"/counterparties/{client_co['id']}/contact-persons", json={
        "full_name": f"Pavel Phonov {unique}", "phones": ["+7 903 111-00-99"]}).json()

    sign_in(page, *admin_credentials)
    page.goto(f"/counterparties/{client_co['id']}")
    page.get_by_role("link", name="Plan an activity").first.click()
    page.select_option("#f-kind", "call")
    page.select_option("#f-contact_person_id", person["id"])
    expect(page.locator("#f-phone_or_place")).to_have_value("+7 903 111-00-99")
    # a meeting's field holds a place: the phone filled in goes, a place typed by hand stays
    page.select_option("#f-kind", "meeting")
    expect(page.locator("#f-phone_or_place")).to_have_value("")
    page.fill("#f-phone_or_place", "Their office")
    page.select_option("#f-contact_person_id", "")
    page.select_option("#f-contact_person_id", person["id"])
    expect(page.locator("#f-phone_or_place")).to_have_value("Their office")
    page.fill("#f-subject", f"Lines {unique}")
    page.fill("#f-description", "1. Bring the annex\n2. Ask about the deadline")
    page.fill("#f-planned_at", f"{(datetime.now(MOSCOW).date() + timedelta(days=1)).isoformat()}T10:00")
    page.get_by_role("button", name="Plan", exact=True).click()

    expect(page.locator("h1")).to_have_text(f"Lines {unique}")
    plan_text = page.locator("#activity-details dd.activity-plan")
    assert plan_text.inner_text() == "1. Bring the annex\n2. Ask about the deadline"
    expect(page.locator("#activity-details")).to_contain_text("Their office")
