"""Documents in the browser: configuring a type with an extra field and registering a document
of it; uploading a PDF and previewing it; an annex added to a contract and the tree; a paper
original handed to a colleague and returned; the history after editing a field; the registry
with filters and a full-text hit inside a PDF."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]


def sign_in(page, email, password):
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def type_id(api, code):
    return next(t["id"] for t in api.get("/document-types/").json() if t["code"] == code)


def choose(page, select, text):
    """Select the option of ``select`` whose text contains ``text``."""
    value = page.locator(f"{select} option", has_text=text).first.get_attribute("value")
    page.select_option(select, value)


def new_document(page, type_name, title):
    page.goto("/documents/new")
    choose(page, "#f-type_id", type_name)
    page.fill("#f-title", title)


def test_a_new_type_with_an_extra_field_and_a_document_registered_in_its_journal(page, admin, admin_credentials,
                                                                                 unique):
    sign_in(page, *admin_credentials)
    page.goto("/journals")
    form = page.locator("#journal-form")
    form.locator("#f-code").fill(f"B{unique[:6]}")
    form.locator("#f-name").fill(f"Building permits {unique}")
    form.locator("#f-prefix").fill("BP")
    form.locator("#f-number_pattern").fill("{prefix}/{year}/{seq:03d}")
    form.get_by_role("button", name="Create journal").click()
    expect(page.locator(".flash, .alert, [role=status]").first).to_contain_text("created")

    page.goto("/document-types")
    page.locator("#new-type").click()
    page.fill("#f-name", f"Building permit {unique}")
    page.fill("#f-code", f"permit_{unique}")
    page.select_option("#f-kind", "other")
    page.fill("input[name=new_kind]", "permit")
    choose(page, "#f-journal_id", f"Building permits {unique}")
    page.fill("input[name=fields-0-code]", "plot")
    page.fill("input[name=fields-0-label]", "Plot number")
    page.check("input[name=fields-0-required]")
    page.get_by_role("button", name="Create type").click()
    expect(page.locator("h1")).to_contain_text(f"Building permit {unique}")
    expect(page.locator("#approval-route-link")).to_be_visible()

    new_document(page, f"Building permit {unique}", f"Permit for plot {unique}")
    expect(page.locator("#f-extra-plot")).to_be_visible()  # the type's field appears when it is chosen
    page.get_by_role("button", name="Register document").click()
    expect(page.locator("#extra\\.plot-error, .field-error").first).to_contain_text("required")
    page.fill("#f-extra-plot", "77:01:0004")
    page.get_by_role("button", name="Register document").click()

    expect(page.locator("h1 .mono")).to_have_text(re.compile(r"^BP/\d{4}/001$"))
    expect(page.locator("[data-field=plot]")).to_have_text("77:01:0004")


def test_a_pdf_uploaded_and_previewed(page, admin, admin_credentials, unique, tmp_path, text_pdf):
    document = admin.post("/documents/", json={"type_id": type_id(admin, "memo"), "title": f"Scan {unique}"}).json()
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(text_pdf(f"Preview me {unique}"))
    sign_in(page, *admin_credentials)

    page.goto(f"/documents/{document['id']}")
    page.set_input_files("#f-file", str(pdf))
    page.get_by_role("button", name="Upload", exact=True).click()

    row = page.locator("#files tr.current")
    expect(row).to_contain_text("scan.pdf")
    expect(row).to_contain_text("application/pdf")
    preview = row.get_by_role("link", name="Preview").get_attribute("href")
    response = page.request.get(preview)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("inline")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.body() == pdf.read_bytes()


def test_an_annex_added_to_a_contract_shows_in_the_tree(page, admin, admin_credentials, unique):
    contract = admin.post("/documents/", json={"type_id": type_id(admin, "contract"),
                                               "title": f"Contract {unique}"}).json()
    sign_in(page, *admin_credentials)

    page.goto(f"/documents/{contract['id']}")
    choose(page, "#f-child-type", "Annex")
    page.get_by_role("button", name="Add to this document").click()
    expect(page.locator("#parent-notice")).to_contain_text(contract["number"])
    page.fill("#f-title", f"Annex on prices {unique}")
    page.get_by_role("button", name="Register document").click()

    expect(page.locator("h1 .mono")).to_have_text(f"{contract['number']}-A1")
    expect(page.locator("#tree .parents")).to_contain_text(contract["number"])
    page.locator("#tree .parents a").first.click()
    expect(page.locator("#tree ul.tree").first).to_contain_text(f"{contract['number']}-A1")


def test_a_paper_original_handed_to_a_colleague_and_returned(page, admin, admin_credentials, employee, unique):
    colleague, _ = employee(f"Kirill Courier {unique}")
    document = admin.post("/documents/", json={"type_id": type_id(admin, "contract"),
                                               "title": f"Paper {unique}"}).json()
    sign_in(page, *admin_credentials)
    page.goto(f"/documents/{document['id']}")

    page.locator("#add-paper-copy select[name=kind]").select_option("original")
    page.locator("#add-paper-copy input[name=location]").fill("Archive, cabinet 4")
    page.get_by_role("button", name="Record paper copy").click()
    copy = page.locator("[data-paper-copy]").first
    expect(copy).to_contain_text("kept at Archive, cabinet 4")

    copy.locator("summary").click()
    hand = copy.locator("[data-hand-form]")
    choose(page, "[data-hand-form] select[name=to_holder]", colleague["full_name"])
    hand.locator("input[name=expected_return_on]").fill("2030-01-15")
    hand.locator("input[name=reason]").fill("for the bank")
    hand.get_by_role("button", name="Hand over").click()
    copy = page.locator("[data-paper-copy]").first
    expect(copy).to_contain_text(f"with {colleague['full_name']}")
    expect(copy).to_have_attribute("data-status", "handed_out")

    page.goto("/paper-copies")
    expect(page.locator(f"[data-paper-copy]", has_text=document["title"])).to_be_visible()

    page.goto(f"/documents/{document['id']}")
    copy = page.locator("[data-paper-copy]").first
    copy.locator("summary").click()
    copy.locator("[data-return-form]").get_by_role("button", name="Return").click()
    copy = page.locator("[data-paper-copy]").first
    expect(copy).to_have_attribute("data-status", "in_place")
    expect(copy.locator(".timeline")).to_contain_text("returned to Archive, cabinet 4")
    expect(copy.locator(".timeline")).to_contain_text("for the bank")


def test_the_history_after_editing_a_field(page, admin, admin_credentials, unique):
    document = admin.post("/documents/", json={"type_id": type_id(admin, "contract"), "title": f"Lease {unique}",
                                               "amount": "1000.00", "currency": "RUB"}).json()
    sign_in(page, *admin_credentials)
    page.goto(f"/documents/{document['id']}")

    page.locator("#edit-card").click()
    page.fill("#f-amount", "1250.50")
    page.get_by_role("button", name="Save changes").click()

    expect(page.locator("#details .amount")).to_contain_text("1")
    history = page.locator("#audit, .audit").first
    expect(history).to_contain_text("1000.00")
    expect(history).to_contain_text("1250.50")


def test_the_registry_filters_and_finds_a_word_inside_a_pdf(page, admin, admin_credentials, unique, text_pdf):
    word = f"basalt{unique}"
    hit = admin.post("/documents/", json={"type_id": type_id(admin, "invoice"), "title": f"Invoice {unique}",
                                          "amount": "700.00", "currency": "RUB"}).json()
    admin.post("/documents/", json={"type_id": type_id(admin, "memo"), "title": f"Memo {unique}"})
    uploaded = admin.post(f"/documents/{hit['id']}/files",
                          files={"file": ("delivery.pdf", text_pdf(f"Delivery of {word} gravel"), "application/pdf")})
    assert uploaded.status_code == 201, uploaded.text
    sign_in(page, *admin_credentials)

    page.goto("/documents")
    page.fill("#registry-filters input[name=q]", word)
    results = page.locator("#results")
    expect(results.locator("tbody tr")).to_have_count(1)
    expect(results).to_contain_text(f"Invoice {unique}")

    page.fill("#registry-filters input[name=q]", unique)
    expect(results.locator("tbody tr")).to_have_count(2)
    choose(page, "#registry-filters select[name=type_id]", "Invoice")
    expect(results.locator("tbody tr")).to_have_count(1)
    expect(results).to_contain_text(f"Invoice {unique}")
    page.wait_for_load_state("networkidle")

    page.fill(".save-filter input[name=name]", f"Invoices {unique}")
    page.get_by_role("button", name="Save filter").click()
    expect(page.locator(".saved-filters")).to_contain_text(f"Invoices {unique}")
    with page.expect_download() as download:
        page.locator("#export-xlsx").click()
    assert download.value.suggested_filename.endswith(".xlsx")
