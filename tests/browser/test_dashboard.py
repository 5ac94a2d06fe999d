"""A director's dashboard: charts of contracts expiring and activity results, the contract
itself one click away, overdue contract obligations by responsible with their list one click
away; a manager has no dashboard link."""
import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]


def sign_in(page, email, password):
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button[type=submit]")
    expect(page.locator("a.who")).to_be_visible()


def test_a_director_reads_the_dashboard(page, admin, unique):
    email, password = f"director.{unique}@test.chancery", f"director-password-{unique}"
    assert admin.post("/employees/", json={"full_name": "Dmitry Director", "email": email, "password": password,
                                           "roles": ["director"]}).status_code == 201
    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
    owner = admin.post("/employees/", json={"full_name": f"Olga Owner {unique}",
                                            "email": f"owner.{unique}@test.chancery", "roles": ["manager"]})
    assert owner.status_code == 201, owner.text
    document = admin.post("/documents/", json={
        "type_id": contract["id"], "title": f"Lease {unique}", "responsible_id": owner.json()["id"],
        "valid_to": (date.today() + timedelta(days=10)).isoformat()}).json()
    assert admin.post(f"/documents/{document['id']}/status", json={"status": "signed"}).status_code == 200
    assert admin.post(f"/documents/{document['id']}/milestones", json={
        "title": f"Keys handed {unique}", "due_on": (date.today() - timedelta(days=3)).isoformat()}).status_code == 201

    sign_in(page, email, password)
    page.click("nav.mainnav >> text=Dashboard")
    expect(page).to_have_url(re.compile(r"/dashboard$"))
    expect(page.locator("h1")).to_have_text("Dashboard")
    soon = page.locator("#expiring-contracts .bar-value[data-horizon='30']")
    assert int(soon.text_content()) >= 1
    link = page.locator("#expiring-contracts ul[data-horizon='30'] a", has_text=f"Lease {unique}")
    expect(link).to_be_visible()
    page.select_option("#f-days", "90")
    expect(page).to_have_url(re.compile(r"days=90"))
    expect(page.locator(".subtitle")).to_contain_text("90")
    owed = page.locator("#overdue-obligations tr", has_text=f"Olga Owner {unique}")
    expect(owed.locator("td").nth(1)).to_have_text("1")
    expect(owed).to_contain_text("3 days")
    owed.get_by_role("link").click()
    expect(page.locator("[data-overdue-item]", has_text=f"Keys handed {unique}")).to_be_visible()
    page.go_back()
    page.locator("#expiring-contracts ul[data-horizon='30'] a", has_text=f"Lease {unique}").click()
    expect(page).to_have_url(re.compile(f"/documents/{document['id']}$"))


def test_a_manager_has_no_dashboard(page, admin, unique):
    email, password = f"nodash.{unique}@test.chancery", f"nodash-password-{unique}"
    assert admin.post("/employees/", json={"full_name": "Nina Nodash", "email": email, "password": password,
                                           "roles": ["manager"]}).status_code == 201
    sign_in(page, email, password)
    expect(page.locator("nav.mainnav")).not_to_contain_text("Dashboard")
    page.goto("/dashboard")
    expect(page).not_to_have_url(re.compile(r"/dashboard$"))
