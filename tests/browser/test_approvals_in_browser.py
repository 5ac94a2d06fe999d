"""Approvals in the browser: editing a route (adding a parallel stage), approving from the
inbox, returning for revision and resubmitting, entering a delay reason on an overdue task."""
import re
import time
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from tests.browser.signing_in import sign_in
from sqlalchemy import create_engine, text

from chancery_common.database import normalise_url

pytestmark = [pytest.mark.browser, pytest.mark.system]


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login$"))


@pytest.fixture
def person(admin, unique):
    """An employee with a password, as (employee, email, password)."""
    def make(full_name, roles=("employee",)):
        email = f"{full_name.split()[0].lower()}.{unique}.{time.monotonic_ns()}@test.chancery"
        made = admin.post("/employees/", json={"full_name": f"{full_name} {unique}", "email": email,
                                               "password": "browser-password-1", "roles": list(roles)})
        assert made.status_code == 201, made.text
        return made.json(), email, "browser-password-1"
    return make


@pytest.fixture
def document_type(admin, unique):
    code = f"brw_{unique}_{uuid.uuid4().hex[:6]}"
    made = admin.post("/document-types/", json={"code": code, "name": f"Browser memo {code}", "kind": "letter"})
    assert made.status_code == 201, made.text
    return made.json()


@pytest.fixture
def send(admin, document_type):
    """``send(title, *approvers)``: a new document sent for approval, one stage per approver."""
    def start(title, *approvers):
        document = admin.post("/documents/", json={"type_id": document_type["id"], "title": title}).json()
        approval = admin.post("/approvals/", json={"document_id": document["id"],
                                                   "approver_ids": [a["id"] for a in approvers]})
        assert approval.status_code == 201, approval.text
        return approval.json()
    return start


@pytest.fixture
def make_overdue(system):
    """Move the open tasks of an approval past their deadline (time travel for the test)."""
    engine = create_engine(normalise_url(system.database_urls["approvals"]))

    def move(approval_id):
        with engine.begin() as connection:
            connection.execute(text("UPDATE tasks SET due_at = :due WHERE approval_id = :id AND status = 'pending'"),
                               {"due": datetime.now(timezone.utc) - timedelta(hours=2), "id": approval_id})
    yield move
    engine.dispose()


def pick_employee(page, stage, employee):
    """Type the employee's name in the stage's picker and choose them from what it finds."""
    picker = page.locator(f"[data-employee-picker='stage-{stage}-employees']")
    picker.locator("input[type=search]").fill(employee["full_name"])
    picker.locator("[data-add-employee]", has_text=employee["full_name"]).click()
    expect(picker.locator(f".chosen-employees input[value='{employee['id']}']")).to_be_checked()


def test_editing_a_route_adds_a_parallel_stage(page, admin, admin_credentials, person, document_type):
    first, _, _ = person("Ivan Initial")
    second, _, _ = person("Petr Parallel")
    third, _, _ = person("Olga Other")
    # the picker and the drawing work under the strict Content-Security-Policy
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    sign_in(page, *admin_credentials)

    page.goto("/approval-routes")
    page.locator("#routes tr", has_text=document_type["name"]).get_by_role("link").click()
    page.fill("#f-0-name", "Legal")
    # a sequential stage has neither a completion rule nor a quorum
    expect(page.locator("#f-0-completion")).to_be_hidden()
    expect(page.locator("#f-0-quorum")).to_be_hidden()
    pick_employee(page, 0, first)
    drawing = page.locator("#route-drawing")
    expect(drawing.locator("[data-drawn-stage='1'] .route-approver")).to_have_text([first["full_name"]])
    page.get_by_role("button", name="Add a parallel stage").click()
    expect(page.locator("fieldset.stage-editor")).to_have_count(2)
    page.fill("#f-1-name", "Directors")
    expect(page.locator("#f-1-completion")).to_be_visible()
    page.select_option("#f-1-completion", "quorum")
    expect(page.locator("#f-1-quorum")).to_be_visible()
    page.select_option("#f-1-completion", "any")
    expect(page.locator("#f-1-quorum")).to_be_hidden()
    pick_employee(page, 1, second)
    pick_employee(page, 1, third)
    # the drawing follows the form: the parallel stage's approvers side by side
    approvers = drawing.locator("[data-drawn-stage='2'] .route-approver")
    expect(approvers).to_have_text([second["full_name"], third["full_name"]])
    expect(drawing.locator("[data-drawn-stage='2']")).to_contain_text("Directors")
    boxes = [approvers.nth(n).bounding_box() for n in range(2)]
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[0]["x"] < boxes[1]["x"]
    # two conditions, both must hold: a large amount, in roubles
    directors = page.locator("fieldset.stage-editor").nth(1)
    first_row = directors.locator(".condition-row").first
    first_row.locator("select[name='stage-1-cond_field']").select_option(label="Amount")
    first_row.locator("select[name='stage-1-cond_op']").select_option(label="is more than")
    first_row.locator("input[name='stage-1-cond_value']").fill("1000000")
    page.get_by_role("button", name="Save as a new version").click()
    expect(page.locator(".flash-success")).to_contain_text("Route saved as version 1")
    # the saved condition is shown with an empty row to add another
    directors = page.locator("fieldset.stage-editor").nth(1)
    expect(directors.locator(".condition-row")).to_have_count(2)
    second_row = directors.locator(".condition-row").nth(1)
    second_row.locator("select[name='stage-1-cond_field']").select_option(label="Currency")
    second_row.locator("select[name='stage-1-cond_op']").select_option(label="equals")
    second_row.locator("input[name='stage-1-cond_value']").fill("RUB")
    page.get_by_role("button", name="Save as a new version").click()

    expect(page.locator(".flash-success")).to_contain_text("Route saved as version 2")
    route = next(r for r in admin.get("/approval-routes/").json()["items"]
                 if r["document_type_id"] == document_type["id"])
    stages = next(v for v in route["versions"] if v["version"] == 2)["stages"]
    assert stages[1]["conditions"] == [{"field": "amount", "op": "gt", "value": "1000000"},
                                       {"field": "currency", "op": "eq", "value": "RUB"}]
    assert stages[0]["conditions"] == []
    assert [(s["name"], s["mode"], s["completion"]) for s in stages] == [
        ("Legal", "sequential", "all"), ("Directors", "parallel", "any")]
    assert {a["employee_id"] for a in stages[1]["approvers"]} == {second["id"], third["id"]}
    assert violations == []
    # the editor shows the saved version again
    expect(page.locator("#f-1-mode")).to_have_value("parallel")


def test_approving_from_the_inbox(page, admin, person, send):
    approver, email, password = person("Anna Inbox")
    approval = send(f"Inbox memo {uuid.uuid4().hex[:6]}", approver)
    sign_in(page, email, password)

    page.goto("/approvals")
    row = page.locator("tr.task-row", has_text=approval["document_title"])
    expect(row).to_be_visible()
    row.get_by_role("button", name="Approve").click()

    expect(page.locator(".flash-success")).to_contain_text("Your decision is recorded")
    expect(page.locator("tr.task-row", has_text=approval["document_title"])).to_have_count(0)
    assert admin.get(f"/approvals/{approval['id']}").json()["status"] == "approved"
    # the report shows who held it
    page.goto("/approvals/report")
    expect(page.locator("#held")).to_contain_text(approval["document_title"])
    expect(page.locator("#by-employee")).to_contain_text("Anna Inbox")


def test_returning_for_revision_and_resubmitting(page, admin, admin_credentials, person, send, eventually):
    approver, email, password = person("Rita Return")
    approval = send(f"Revision memo {uuid.uuid4().hex[:6]}", approver)
    sign_in(page, email, password)
    page.goto(f"/approvals/{approval['id']}")
    page.fill("#f-comment", "Fix the dates")
    page.get_by_role("button", name="Return for revision").click()
    expect(page.locator(".page-head [data-status=returned]")).to_be_visible()
    sign_out(page)

    sign_in(page, *admin_credentials)
    page.goto(f"/approvals/{approval['id']}")
    page.fill("#f-resubmit-comment", "Dates fixed")
    page.get_by_role("button", name="Resubmit for approval").click()
    expect(page.locator(".flash-success")).to_contain_text("sent for approval again")
    expect(page.locator(".page-head [data-status=in_progress]")).to_be_visible()
    sign_out(page)

    sign_in(page, email, password)
    page.goto(f"/approvals/{approval['id']}")
    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator(".page-head [data-status=approved]")).to_be_visible()
    expect(page.locator("#stages")).to_contain_text("Fix the dates")
    expect(page.locator("#stages")).to_contain_text("round 2")


def test_a_delay_reason_on_an_overdue_task(page, admin, person, send, make_overdue):
    approver, email, password = person("Lena Late")
    approval = send(f"Late memo {uuid.uuid4().hex[:6]}", approver)
    make_overdue(approval["id"])
    sign_in(page, email, password)

    page.goto("/approvals")
    row = page.locator("tr.task-row", has_text=approval["document_title"])
    expect(row).to_contain_text("overdue")
    row.get_by_role("link", name=re.compile("delay reason")).click()
    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator("#delay_reason-error")).to_be_visible()
    page.fill("#f-delay-reason", "I was on a business trip")
    page.get_by_role("button", name="Approve", exact=True).click()

    expect(page.locator(".page-head [data-status=approved]")).to_be_visible()
    expect(page.locator("#stages")).to_contain_text("I was on a business trip")
    [task] = admin.get(f"/approvals/{approval['id']}").json()["stages"][0]["tasks"]
    assert (task["delay_reason"], task["overdue"]) == ("I was on a business trip", True)
    # the printable sheet shows it too
    page.get_by_role("link", name="Print the approval sheet").click()
    sheet = page.context.pages[-1]
    expect(sheet.locator("body")).to_contain_text("I was on a business trip")
