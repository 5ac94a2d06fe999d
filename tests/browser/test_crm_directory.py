"""The counterparty directory in headless Chromium (issue: CRM screens).

Quick entry warns of a likely duplicate before saving (open the existing one, or save
anyway); the list is filtered by reference-book values and the filter saved, applied and
deleted; reference books refuse to delete a value in use and merge values; a department
head hands counterparties over, with their open activities, from the list.
"""
import re

import pytest
from counterparties import legal
from playwright.sync_api import expect

from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.system]


def make_person(admin, client, unique, key, roles, department_id=None):
    email, password = f"{key}.{unique}@crm-directory.chancery", f"crm-directory-{unique}-pw"
    created = admin.post("/employees/", json={
        "full_name": f"{key.capitalize()} {unique}", "email": email, "password": password, "roles": roles,
        "department_id": department_id, "time_zone": "Europe/Moscow"})
    assert created.status_code == 201, created.text
    return created.json(), (email, password), client(email, password)


def test_quick_entry_warns_of_a_duplicate_before_saving(page, admin, client, unique):
    _me, credentials, api = make_person(admin, client, unique, "quinn", ["manager"])
    tax_id = legal.complete_inn(f"78{int(unique, 16) % 10**7:07d}")
    existing = api.post("/counterparties/", json={
        "name": f"Vector LLC {unique}", "tax_id": tax_id, "phone": "+7 812 100-20-30",
        "email": f"office.{unique}@vector.example"}).json()

    sign_in(page, *credentials)
    page.locator(".mainnav").get_by_role("link", name="Counterparties").click()
    page.get_by_role("link", name="New counterparty").first.click()
    # the hint appears as the fields are filled in, and leads to the existing card
    page.fill("#f-name", f"Vector {unique}")
    page.fill("#f-tax_id", tax_id)
    page.fill("#f-phone", "8 (812) 100 20 30")
    hint = page.locator("#duplicates")
    expect(hint).to_contain_text(f"Vector LLC {unique}")
    hint.get_by_role("link", name="Open the existing one").click()
    expect(page.locator("h1")).to_have_text(f"Vector LLC {unique}")

    # saved before the hint was seen: the form stops with the warning; "Save anyway" saves
    page.goto("/counterparties/new")
    page.fill("#f-name", f"Vector North {unique}")
    page.fill("#f-website", "https://north.example")
    page.fill("#f-email", f"office.{unique}@vector.example")  # still focused: no hint asked for yet
    page.locator("#counterparty-form").evaluate("form => form.requestSubmit()")
    warning = page.locator(".duplicates[role=alert]")
    expect(warning).to_contain_text(f"Vector LLC {unique}")
    assert api.get("/counterparties/", params={"search": f"Vector North {unique}"}).json()["total"] == 0
    expect(page.locator("#f-website")).to_have_value("https://north.example")  # nothing typed is lost
    page.get_by_role("button", name="Save anyway").click()
    expect(page.locator("h1")).to_have_text(f"Vector North {unique}")
    expect(page.locator(".flash-success")).to_contain_text("created")
    created = api.get("/counterparties/", params={"search": f"Vector North {unique}"}).json()["items"]
    assert [c["website"] for c in created] == ["https://north.example"]
    assert created[0]["id"] != existing["id"]

    # a wrong tax ID is named next to its field, and nothing is saved
    page.goto("/counterparties/new")
    page.fill("#f-name", f"Typo {unique}")
    page.fill("#f-tax_id", "7707083894")
    page.get_by_role("button", name="Save counterparty").click()
    expect(page.locator("#tax_id-error")).to_be_visible()
    assert api.get("/counterparties/", params={"search": f"Typo {unique}"}).json()["total"] == 0


def test_filtering_by_reference_books_and_saved_filters(page, admin, admin_credentials, unique):
    def value(kind, name):
        made = admin.post(f"/reference-books/{kind}/", json={"name": name})
        assert made.status_code == 201, made.text
        return made.json()

    north, south = value("region", f"North {unique}"), value("region", f"South {unique}")
    vip = value("category", f"VIP {unique}")
    for name, characteristics in ((f"Alpha {unique}", {"region_id": north["id"], "category_id": vip["id"]}),
                                  (f"Beta {unique}", {"region_id": south["id"], "category_id": vip["id"]}),
                                  (f"Gamma {unique}", {"region_id": north["id"]})):
        made = admin.post("/counterparties/", json={"name": name, **characteristics})
        assert made.status_code == 201, made.text

    sign_in(page, *admin_credentials)
    page.goto("/counterparties")
    results = page.locator("#results tbody")
    page.locator("#f-region").get_by_label(f"North {unique}").check()
    expect(results.locator("tr")).to_have_count(2)
    expect(results).to_contain_text(f"Alpha {unique}")
    expect(results).to_contain_text(f"Gamma {unique}")
    expect(results).not_to_contain_text(f"Beta {unique}")
    page.locator("#f-category").get_by_label(f"VIP {unique}").check()
    expect(results.locator("tr")).to_have_count(1)
    expect(results).to_contain_text(f"Alpha {unique}")
    expect(page).to_have_url(re.compile(r"category_id="))  # the address keeps the filter

    page.fill("#f-filter_name", f"North VIP {unique}")
    page.get_by_role("button", name="Save filter").click()
    saved = page.locator("#saved-filters")
    expect(saved.get_by_role("link", name=f"North VIP {unique}")).to_be_visible()

    page.get_by_role("link", name="Reset").click()
    page.locator("#f-region").get_by_label(f"South {unique}").check()
    expect(results.locator("tr")).to_have_count(1)
    expect(results).to_contain_text(f"Beta {unique}")
    saved.get_by_role("link", name=f"North VIP {unique}").click()
    expect(results.locator("tr")).to_have_count(1)
    expect(results).to_contain_text(f"Alpha {unique}")
    expect(page.locator("#f-region").get_by_label(f"North {unique}")).to_be_checked()
    # ticked values come first, and two of a book match either
    expect(page.locator("#f-region label").first).to_have_text(f"North {unique}")
    page.locator("#f-region").get_by_label(f"South {unique}").check()
    expect(results.locator("tr")).to_have_count(2)  # VIP in either region: Alpha (north) and Beta (south)
    page.locator("#f-category").get_by_label(f"VIP {unique}").uncheck()
    expect(results.locator("tr")).to_have_count(3)

    page.once("dialog", lambda dialog: dialog.accept())
    saved.get_by_role("button", name=f"Delete the saved filter “North VIP {unique}”").click()
    expect(page.locator(".flash-success")).to_contain_text("deleted")
    expect(page.locator("#saved-filters")).not_to_contain_text(f"North VIP {unique}")


def test_reference_books_refuse_deleting_a_value_in_use_and_merge(page, admin, admin_credentials, unique):
    def value(name):
        made = admin.post("/reference-books/advertising_source/", json={"name": name})
        assert made.status_code == 201, made.text
        return made.json()

    fair, expo = value(f"Fair {unique}"), value(f"Expo {unique}")
    client_co = admin.post("/counterparties/", json={"name": f"Fairgoer {unique}",
                                                     "advertising_source_id": fair["id"]}).json()

    sign_in(page, *admin_credentials)
    page.goto("/counterparties")
    page.get_by_role("link", name="Reference books").click()
    page.locator("nav.tabs").get_by_role("link", name="Advertising sources").click()
    page.fill("#f-name", f"Radio {unique}")
    page.get_by_role("button", name="Add").click()
    expect(page.locator(f"tr[data-value='Radio {unique}']")).to_be_visible()

    page.on("dialog", lambda dialog: dialog.accept())
    page.locator(f"tr[data-value='Fair {unique}']").get_by_role("button", name="Delete").click()
    expect(page.locator(".flash-error")).to_be_visible()
    expect(page.locator(f"tr[data-value='Fair {unique}']")).to_be_visible()

    row = page.locator(f"tr[data-value='Expo {unique}']")
    row.locator("input[name=name]").fill(f"Expo 2027 {unique}")
    row.get_by_role("button", name="Rename").click()
    expect(page.locator(f"tr[data-value='Expo 2027 {unique}']")).to_be_visible()

    fair_row = page.locator(f"tr[data-value='Fair {unique}']")
    fair_row.locator("select[name=into_id]").select_option(expo["id"])
    fair_row.get_by_role("button", name="Merge").click()
    expect(page.locator(".flash-success")).to_contain_text("Merged")
    expect(page.locator(f"tr[data-value='Fair {unique}']")).to_have_count(0)
    expect(page.locator(f"tr[data-value='Expo 2027 {unique}'] td.num")).to_have_text("1")
    assert admin.get(f"/counterparties/{client_co['id']}").json()["advertising_source_id"] == expo["id"]

    page.locator(f"tr[data-value='Radio {unique}']").get_by_role("button", name="Delete").click()
    expect(page.locator(".flash-success")).to_contain_text("Deleted")
    expect(page.locator(f"tr[data-value='Radio {unique}']")).to_have_count(0)


def test_a_department_head_hands_counterparties_over_from_the_list(page, admin, client, unique, eventually):
    head, head_login, head_api = make_person(admin, client, unique, "hilda", ["department_head"])
    department = admin.post("/departments/", json={"name": f"Handover {unique}", "head_id": head["id"]}).json()
    leaving, _login, _api = make_person(admin, client, unique, "leo", ["manager"], department["id"])
    staying, _login, staying_api = make_person(admin, client, unique, "stan", ["manager"], department["id"])
    made = [admin.post("/counterparties/", json={"name": f"{name} {unique}", "responsible_employee_id": leaving["id"]}
                       ).json() for name in ("Kept", "Passed one", "Passed two")]
    call = admin.post("/activities/", json={
        "counterparty_id": made[1]["id"], "kind": "call", "subject": f"Renewal {unique}",
        "planned_at": "2031-03-10T10:00:00+03:00", "responsible_id": leaving["id"]})
    assert call.status_code == 201, call.text
    eventually(lambda: all(head_api.get(f"/counterparties/{c['id']}").status_code == 200 for c in made),
               timeout=20)

    sign_in(page, *head_login)
    page.goto("/counterparties")
    page.select_option("#f-responsible", leaving["id"])
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(3)
    expect(page.locator("#f-from_employee_id")).to_have_value(leaving["id"])  # the list follows the filter
    for name in ("Passed one", "Passed two"):
        page.get_by_role("checkbox", name=f"Select {name} {unique}").check()
    for name in ("Passed one", "Passed two"):
        expect(page.get_by_role("checkbox", name=f"Select {name} {unique}")).to_be_checked()
    page.select_option("#f-to_employee_id", staying["id"])
    page.fill("#f-reason", "Vacation")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Hand over", exact=True).click()
    expect(page.locator(".flash-success")).to_contain_text(f"2 counterparties handed over to {staying['full_name']}")
    expect(page.locator(".flash-success")).to_contain_text("1 planned activities")
    # the list still filtered by the one who left shows only what stays theirs
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text(f"Kept {unique}")

    cards = {c["name"]: head_api.get(f"/counterparties/{c['id']}").json() for c in made}
    assert cards[f"Kept {unique}"]["responsible_employee_id"] == leaving["id"]
    assert cards[f"Passed one {unique}"]["responsible_employee_id"] == staying["id"]
    assert cards[f"Passed two {unique}"]["responsible_employee_id"] == staying["id"]
    assert staying_api.get(f"/activities/{call.json()['id']}").json()["responsible_id"] == staying["id"]

    page.goto(f"/counterparties/{made[1]['id']}")
    expect(page.locator("#details .responsible")).to_have_text(staying["full_name"])
    expect(page.locator("#history")).to_contain_text("Vacation")


def test_importing_counterparties_from_a_file_checked_first(page, admin, client, unique):
    _me, credentials, api = make_person(admin, client, unique, "ivy", ["manager"])
    csv = (f"name;phone;contact_person\nImported One {unique};+7 495 300-00-01;Anna Lee {unique}\n"
           f"Imported Two {unique};+7 495 300-00-02;\n").encode()

    sign_in(page, *credentials)
    page.goto("/counterparties")
    page.get_by_role("link", name="Import").click()
    page.set_input_files("#f-file", files=[{"name": "clients.csv", "mimeType": "text/csv", "buffer": csv}])
    expect(page.locator("input[name=dry_run]")).to_be_checked()  # a check first, by default
    page.get_by_role("button", name="Upload").click()  # a job: its page shows the report when done
    expect(page.locator("#job-progress")).to_have_attribute("data-state", "done", timeout=30_000)
    report = page.locator("#import-report")
    expect(report).to_contain_text("Check of the file: nothing changed")
    expect(report.locator("tbody tr")).to_have_count(2)
    expect(page.locator("#file-read")).to_contain_text("UTF-8")
    expect(page.locator("#file-read")).to_contain_text("semicolon “;”")
    assert api.get("/counterparties/", params={"search": f"Imported One {unique}"}).json()["total"] == 0

    page.goto("/counterparties/import")
    page.set_input_files("#f-file", files=[{"name": "clients.csv", "mimeType": "text/csv", "buffer": csv}])
    page.locator("input[name=dry_run]").uncheck()
    page.get_by_role("button", name="Upload").click()
    expect(page.locator("#job-progress")).to_have_attribute("data-state", "done", timeout=30_000)
    expect(page.locator("#import-report")).to_contain_text("Imported")
    expect(page.locator("#import-report")).to_contain_text("2 rows: 2 to create")
    found = api.get("/counterparties/", params={"search": f"Imported One {unique}"}).json()["items"]
    assert [c["phone"] for c in found] == ["+7 495 300-00-01"]
    persons = api.get(f"/counterparties/{found[0]['id']}/contact-persons").json()["items"]
    assert [p["full_name"] for p in persons] == [f"Anna Lee {unique}"]
