"""Documents in the browser: configuring a type with an extra field and registering a document
of it; uploading a PDF and seeing it drawn beside the card (an image shown, an office file as
its PDF preview with its thumbnail in the lists, other files offered for download); an annex
added to a contract and the tree; a paper original handed to a colleague and returned; the
history after editing a field; the registry with filters and a full-text hit inside a PDF."""
import re
import struct
import zlib

import pytest
from playwright.sync_api import expect

from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.system]


def type_id(api, code):
    return next(t["id"] for t in api.get("/document-types/").json()["items"] if t["code"] == code)


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


# the share of the first page's canvas that is not white: pdf.js drew the text
INKED_SHARE = """canvas => {
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] < 200 && data[i + 3] > 0) inked += 1;
  return inked / (data.length / 4);
}"""


def test_a_pdf_uploaded_is_drawn_beside_the_card_with_selectable_text(page, admin, admin_credentials, unique,
                                                                        tmp_path, text_pdf):
    document = admin.post("/documents/", json={"type_id": type_id(admin, "memo"), "title": f"Scan {unique}"}).json()
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(text_pdf(f"Preview me {unique}"))
    sign_in(page, *admin_credentials)

    page.goto(f"/documents/{document['id']}/files")
    page.set_input_files("#f-file", str(pdf))
    page.get_by_role("button", name="Upload", exact=True).click()
    row = page.locator("#files tr.current")
    expect(row).to_contain_text("scan.pdf")
    expect(row).to_contain_text("application/pdf")

    row.get_by_role("link", name="View").click()
    expect(page.locator(".doc-tabs [aria-current=page]")).to_have_text("Card")
    viewer = page.locator("#viewer")
    expect(viewer.locator(".viewer-name")).to_have_text("scan.pdf")
    first = viewer.locator("#pdf-page-1")
    expect(first).to_have_attribute("data-drawn", "")
    assert first.locator("canvas").evaluate(INKED_SHARE) > 0.0005  # the text's pixels, not a blank page
    expect(viewer.locator(".pdf-thumb")).to_have_count(1)
    expect(viewer.locator(".pdf-thumb-page").first).to_have_attribute("data-drawn", "")
    # the text layer over the drawing: the words can be selected and copied
    words = first.locator(".textLayer")
    expect(words).to_contain_text(f"Preview me {unique}")
    words.locator("span", has_text="Preview").first.click(click_count=3)
    assert f"Preview me {unique}" in page.evaluate("window.getSelection().toString()")

    opened = viewer.get_by_role("link", name="Open in a new tab").get_attribute("href")
    response = page.request.get(opened)
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("inline")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.body() == pdf.read_bytes()


def png_2x2():
    """A 2x2 PNG, all red."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_an_image_is_shown_inline_and_other_files_are_offered_as_a_download(page, admin, admin_credentials,
                                                                           unique):
    document = admin.post("/documents/", json={"type_id": type_id(admin, "memo"), "title": f"Photo {unique}"}).json()
    for name, body in (("photo.png", png_2x2()), ("notes.txt", b"plain text notes")):
        upload = admin.post(f"/documents/{document['id']}/files", files={"file": (name, body)})
        assert upload.status_code == 201, upload.text
    sign_in(page, *admin_credentials)

    page.goto(f"/documents/{document['id']}")
    image = page.locator("#viewer .image-viewer img")
    expect(image).to_have_attribute("alt", "photo.png")
    page.wait_for_function("img => img.complete && img.naturalWidth === 2", arg=image.element_handle())

    page.locator("#viewer .viewer-others").get_by_role("link", name="notes.txt v1").click()
    expect(page.locator("#viewer")).to_contain_text("This kind of file cannot be shown in the page.")
    download = page.locator("#viewer .empty").get_by_role("link", name="Download")
    expect(download).to_have_attribute("href", re.compile(r"/content\?download=1$"))


def test_an_office_file_shows_its_first_page_in_the_lists_and_its_preview_beside_the_card(
        page, admin, admin_credentials, unique, eventually):
    from bench.office_files import docx
    document = admin.post("/documents/", json={"type_id": type_id(admin, "memo"), "title": f"Memo {unique}"}).json()
    version = admin.post(f"/documents/{document['id']}/files", files={
        "file": ("memo.docx", docx(["Служебная записка", f"Office preview {unique}"], headings=1))}).json()

    def thumbnailed():
        card = admin.get(f"/documents/{document['id']}").json()
        return any(v["id"] == version["id"] and v["has_thumbnail"] for f in card["files"] for v in f["versions"])
    eventually(thumbnailed, timeout=240, interval=1.0)
    sign_in(page, *admin_credentials)

    loaded = "img => img.complete && img.naturalWidth === 320 && img.naturalHeight > 320"
    page.goto(f"/documents?search={unique}")
    thumbnail = page.locator(f"tr:has-text('Memo {unique}') img.file-thumb")
    page.wait_for_function(loaded, arg=thumbnail.element_handle())
    page.goto(f"/documents/{document['id']}/files")
    row = page.locator("#files tr.current")
    page.wait_for_function(loaded, arg=row.locator("img.file-thumb").element_handle())
    expect(row.get_by_role("link", name="PDF preview")).to_have_attribute("href", re.compile(r"/searchable\.pdf$"))

    page.goto(f"/documents/{document['id']}")
    viewer = page.locator("#viewer")
    expect(viewer.locator(".viewer-name")).to_have_text("memo.docx")
    expect(viewer.locator(".viewer-note")).to_contain_text("PDF preview")
    first = viewer.locator("#pdf-page-1")
    expect(first).to_have_attribute("data-drawn", "")
    assert first.locator("canvas").evaluate(INKED_SHARE) > 0.0005
    expect(first.locator(".textLayer")).to_contain_text(f"Office preview {unique}")
    # the original, not the preview, is what "Download" gives
    download = viewer.get_by_role("link", name="Download")
    expect(download).to_have_attribute("href", re.compile(rf"/versions/{version['id']}/content\?download=1$"))


def test_an_annex_added_to_a_contract_shows_in_the_tree(page, admin, admin_credentials, unique):
    contract = admin.post("/documents/", json={"type_id": type_id(admin, "contract"),
                                               "title": f"Contract {unique}"}).json()
    sign_in(page, *admin_credentials)

    page.goto(f"/documents/{contract['id']}/tree")
    choose(page, "#f-child-type", "Annex")
    page.get_by_role("button", name="Add to this document").click()
    expect(page.locator("#parent-notice")).to_contain_text(contract["number"])
    page.fill("#f-title", f"Annex on prices {unique}")
    page.get_by_role("button", name="Register document").click()

    expect(page.locator("h1 .mono")).to_have_text(f"{contract['number']}-A1")
    page.locator(".doc-tabs").get_by_role("link", name="Contract tree").click()
    expect(page.locator("#tree .parents")).to_contain_text(contract["number"])
    page.locator("#tree .parents a").first.click()
    page.locator(".doc-tabs").get_by_role("link", name="Contract tree").click()
    expect(page.locator("#tree ul.tree").first).to_contain_text(f"{contract['number']}-A1")


def test_a_paper_original_handed_to_a_colleague_and_returned(page, admin, admin_credentials, employee, unique):
    colleague, _ = employee(f"Kirill Courier {unique}")
    document = admin.post("/documents/", json={"type_id": type_id(admin, "contract"),
                                               "title": f"Paper {unique}"}).json()
    sign_in(page, *admin_credentials)
    page.goto(f"/documents/{document['id']}/paper-copies")

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
    expect(page.locator("[data-paper-copy]", has_text=document["title"])).to_be_visible()

    page.goto(f"/documents/{document['id']}/paper-copies")
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
    page.locator(".doc-tabs").get_by_role("link", name="History").click()
    expect(page).to_have_url(re.compile(rf"/documents/{document['id']}/history$"))
    history = page.locator("#audit, .audit").first
    expect(history).to_contain_text("Amount: 1,000.00 → 1,250.50")  # a label and formatted values


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
    page.locator("#export-xlsx").click()  # starts a job and opens its page
    expect(page.locator("#job-progress")).to_have_attribute("data-state", "done", timeout=30_000)
    with page.expect_download() as download:
        page.locator("#job-download").click()
    assert download.value.suggested_filename.endswith(".xlsx")
