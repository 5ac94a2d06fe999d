"""The text of every stored file through the gateway: a scan (PNG, a multi-page TIFF and an
image-only PDF, Russian text with noise and a skew) is recognised by the texts service and
found by its words in the registry, with a searchable PDF beside the unchanged original and a
thumbnail; DOCX, XLSX, ODT, RTF and an e-mail with an attachment are found by their words; an
office file gets a PDF preview (LibreOffice) and its first page as its thumbnail, shown in the
registry, on the files tab and in the card's viewer; a file that cannot be read is marked
failed with the reason."""
import hashlib
import io
import uuid
import zipfile

import pytest
import requests
from openpyxl import Workbook
from prometheus_client.parser import text_string_to_metric_families
from PIL import Image
from pypdf import PdfReader

from bench import scans
from bench.office_files import docx

pytestmark = pytest.mark.system

OCR_WAIT = 240  # seconds: OCR shares two CPUs with the whole running system


@pytest.fixture
def invoice(admin, unique):
    types = {t["code"]: t for t in admin.get("/document-types/").json()["items"]}

    def make(title):
        created = admin.post("/documents/", json={"type_id": types["invoice"]["id"], "title": f"{title} {unique}"})
        assert created.status_code == 201, created.text
        return created.json()
    return make


def upload(api, document, filename, content):
    uploaded = api.post(f"/documents/{document['id']}/files", files={"file": (filename, content)})
    assert uploaded.status_code == 201, uploaded.text
    return uploaded.json()


def read_version(api, document, version_id, eventually, timeout=OCR_WAIT):
    """The version once the texts service has read it (done or failed)."""
    def probe():
        card = api.get(f"/documents/{document['id']}").json()
        found = [v for f in card["files"] for v in f["versions"] if v["id"] == version_id]
        return found and found[0]["text_state"] in ("done", "failed") and found[0]
    return eventually(probe, timeout=timeout, interval=1.0)


def found_by(api, word):
    return [d["id"] for d in api.get("/documents/", params={"search": word}).json()["items"]]


def test_a_scan_is_recognised_found_by_its_words_and_kept_beside_a_searchable_pdf(admin, invoice, unique,
                                                                                    eventually):
    png = invoice("Scanned contract")
    pdf = invoice("Scanned contract as PDF")
    tiff = invoice("Scanned contract as TIFF")
    png_bytes = scans.save([scans.contract_page(17, seed=1)], "png")
    pdf_bytes = scans.save([scans.contract_page(18, seed=2)], "pdf")
    tiff_bytes = scans.save([scans.page(["Первая страница описи"], seed=3),
                             scans.page(["Вторая страница: арматура стальная"], seed=4)], "tiff")
    png_version = upload(admin, png, "scan.png", png_bytes)
    pdf_version = upload(admin, pdf, "scan.pdf", pdf_bytes)
    tiff_version = upload(admin, tiff, "inventory.tiff", tiff_bytes)
    # an image-only PDF has no text layer: nothing is found until the OCR is done
    assert png["id"] not in found_by(admin, "щебень")

    read = read_version(admin, png, png_version["id"], eventually)
    assert read["text_state"] == "done", read
    assert read["text_method"] == "ocr" and read["has_searchable_pdf"] and read["has_thumbnail"]
    # Russian words, one in another form than on the page (the russian configuration stems it)
    assert png["id"] in found_by(admin, "щебень")
    assert png["id"] in found_by(admin, "покупателя")
    assert png["id"] in found_by(admin, "gravel")

    for document, version in ((pdf, pdf_version), (tiff, tiff_version)):
        assert read_version(admin, document, version["id"], eventually)["text_state"] == "done"
    assert pdf["id"] in found_by(admin, "поставки")
    assert tiff["id"] in found_by(admin, "арматура")  # on the TIFF's second page

    # the searchable PDF: the page with the recognised words under it
    base = f"/documents/{png['id']}/files/versions/{png_version['id']}"
    searchable = admin.get(f"{base}/searchable.pdf", params={"download": "1"})
    assert searchable.status_code == 200 and searchable.headers["Content-Type"] == "application/pdf"
    assert searchable.headers["Content-Disposition"].startswith("attachment")
    layer = PdfReader(io.BytesIO(searchable.content)).pages[0].extract_text()
    assert "Покупател" in layer
    # the original is the very bytes uploaded
    original = admin.get(f"{base}/content")
    assert hashlib.sha256(original.content).hexdigest() == hashlib.sha256(png_bytes).hexdigest()
    assert original.headers["X-Content-SHA256"] == png_version["sha256"]

    thumbnail = admin.get(f"{base}/thumbnail")
    assert thumbnail.status_code == 200 and thumbnail.headers["Content-Type"] == "image/png"
    picture = Image.open(io.BytesIO(thumbnail.content))
    assert picture.width <= 320 and picture.height > picture.width  # an A4 page, upright
    pdf_thumbnail = admin.get(f"/documents/{pdf['id']}/files/versions/{pdf_version['id']}/thumbnail")
    assert pdf_thumbnail.status_code == 200 and Image.open(io.BytesIO(pdf_thumbnail.content)).width <= 320

    # the registry lists the document with its first file's thumbnail
    listed = {d["id"]: d for d in admin.get("/documents/", params={"search": unique}).json()["items"]}[png["id"]]
    assert listed["first_file"] == {"version_id": png_version["id"], "filename": "scan.png",
                                    "content_type": "image/png", "has_thumbnail": True}
    # and so do the web pages: the registry's row and the files tab, with the searchable PDF
    thumbnail_url = f"/api/v1{base}/thumbnail"
    registry = admin.http.get(f"{admin.base_url}/documents", params={"search": unique}, timeout=30)
    assert registry.status_code == 200 and thumbnail_url in registry.text
    tab = admin.http.get(f"{admin.base_url}/documents/{png['id']}/files", timeout=30)
    assert tab.status_code == 200 and thumbnail_url in tab.text
    assert f"/api/v1{base}/searchable.pdf?download=1" in tab.text


def xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def odt(paragraphs):
    """The content of an OpenDocument text alone: its words are read, but LibreOffice, which
    opens one by its manifest, cannot convert it."""
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
            f'{body}</office:text></office:body></office:document-content>'))
    return out.getvalue()


def eml(subject, body, attachment_name, attachment):
    from email.message import EmailMessage
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "buyer@example.org", "office@example.org", subject
    message.set_content(body)
    message.add_attachment(attachment, maintype="application", subtype="octet-stream", filename=attachment_name)
    return bytes(message)


def test_office_files_and_e_mail_are_found_by_their_words(admin, invoice, unique, eventually):
    words = {kind: f"{kind}{unique[:8]}" for kind in ("docx", "xlsx", "odt", "rtf", "eml", "attached")}
    files = {
        "docx": ("offer.docx", docx(["Коммерческое предложение", f"Артикул {words['docx']} в наличии"])),
        "xlsx": ("prices.xlsx", xlsx([["Позиция", "Цена"], [words["xlsx"], 1250.5]])),
        "odt": ("letter.odt", odt(["Письмо", f"Номер {words['odt']}"])),
        "rtf": ("memo.rtf", b"{\\rtf1\\ansi\\ansicpg1251 {\\fonttbl{\\f0 Arial;}}\\f0 "
                            b"\\'d1\\'ec\\'e5\\'f2\\'e0 " + words["rtf"].encode() + b"\\par}"),
        "eml": ("request.eml", eml(f"Запрос {words['eml']}", "Просим выставить счёт.", "spec.docx",
                                   docx([f"Спецификация {words['attached']}"]))),
    }
    documents = {}
    for kind, (filename, content) in files.items():
        documents[kind] = invoice(f"Office {kind}")
        version = upload(admin, documents[kind], filename, content)
        read = read_version(admin, documents[kind], version["id"], eventually, timeout=OCR_WAIT)
        assert read["text_state"] == "done", read
        # an office file's PDF preview and thumbnail (LibreOffice); an e-mail has neither, nor
        # has the ODT, which lacks the manifest LibreOffice opens one by: its text is read, it
        # keeps its icon and says why, and it is not tried again
        previewed = kind in ("docx", "xlsx", "rtf")
        assert read["has_searchable_pdf"] == read["has_thumbnail"] == previewed, read
        assert read["text_reason"] == ("no preview: LibreOffice could not convert the file (no PDF was written)"
                                       if kind == "odt" else None), read
    for kind in ("docx", "xlsx", "odt", "rtf", "eml"):
        assert found_by(admin, words[kind]) == [documents[kind]["id"]], kind
    assert found_by(admin, words["attached"]) == [documents["eml"]["id"]]  # the attachment's words
    assert documents["rtf"]["id"] in found_by(admin, f"сметы {words['rtf']}")  # cp1251 read as Russian


def assert_a_drawn_page(data):
    """A thumbnail of a page: a real PNG, as wide as thumbnails are, white with words on it."""
    assert data.startswith(b"\x89PNG")
    picture = Image.open(io.BytesIO(data)).convert("L")
    assert picture.width == 320 and 200 <= picture.height <= 640, picture.size
    histogram = picture.histogram()
    total = picture.width * picture.height
    assert 20 <= sum(histogram[:128]) <= total // 4 and sum(histogram[240:]) > total // 2


def test_an_office_file_gets_a_thumbnail_and_a_pdf_preview_shown_in_lists_and_on_its_card(
        admin, invoice, unique, eventually):
    offer, prices = invoice("Office preview DOCX"), invoice("Office preview XLSX")
    versions = {
        "Коммерческое": (offer, upload(admin, offer, "offer.docx", docx(["Коммерческое предложение",
                                                                   "Поставка щебня " * 30]))),
        "Щебень": (prices, upload(admin, prices, "prices.xlsx",
                                xlsx([["Позиция", "Цена"], *[[f"Щебень {n}", 1250 + n] for n in range(25)]]))),
    }
    for word, (document, version) in versions.items():
        read = read_version(admin, document, version["id"], eventually)
        assert (read["text_state"], read["text_method"], read["text_reason"]) == ("done", "office", None), read
        assert read["has_thumbnail"] and read["has_searchable_pdf"]
        base = f"/documents/{document['id']}/files/versions/{version['id']}"
        thumbnail = admin.get(f"{base}/thumbnail")
        assert thumbnail.status_code == 200 and thumbnail.headers["Content-Type"] == "image/png"
        assert_a_drawn_page(thumbnail.content)
        preview = admin.get(f"{base}/searchable.pdf", params={"download": "1"})
        assert preview.status_code == 200 and preview.headers["Content-Type"] == "application/pdf"
        assert f"{version['filename'].rsplit('.', 1)[0]} (preview).pdf" in preview.headers["Content-Disposition"]
        assert word in PdfReader(io.BytesIO(preview.content)).pages[0].extract_text()

    document, version = versions["Коммерческое"]
    thumbnail_url = f"/api/v1/documents/{document['id']}/files/versions/{version['id']}/thumbnail"
    preview_url = f"/api/v1/documents/{document['id']}/files/versions/{version['id']}/searchable.pdf"
    listed = {d["id"]: d for d in admin.get("/documents/", params={"search": unique}).json()["items"]}
    assert listed[document["id"]]["first_file"]["has_thumbnail"] is True
    registry = admin.http.get(f"{admin.base_url}/documents", params={"search": unique}, timeout=30)
    assert registry.status_code == 200 and thumbnail_url in registry.text
    tab = admin.http.get(f"{admin.base_url}/documents/{document['id']}/files", timeout=30)
    assert tab.status_code == 200 and thumbnail_url in tab.text and f"{preview_url}?download=1" in tab.text
    assert "PDF preview" in tab.text
    # the card shows the office file as its preview, drawn by pdf.js; its own bytes are downloaded
    card = admin.http.get(f"{admin.base_url}/documents/{document['id']}", timeout=30)
    assert card.status_code == 200 and f'data-src="{preview_url}"' in card.text
    assert f"/api/v1/documents/{document['id']}/files/versions/{version['id']}/content?download=1" in card.text


def test_office_files_stored_without_a_preview_get_one_by_the_re_extraction(admin, invoice, eventually, system):
    """A file stored before the texts service made previews (here: its preview forgotten in the
    documents service's database) gets one from ``python -m documents reextract --previews``;
    files that have theirs are not asked for again."""
    from sqlalchemy import text

    from chancery_common.database import make_engine, make_session_factory
    from documents.__main__ import reextract

    old, current = invoice("Office file stored before previews"), invoice("Office file with its preview")
    old_version = upload(admin, old, "act.docx", docx(["Акт сверки"]))
    current_version = upload(admin, current, "letter.docx", docx(["Письмо"]))
    for document, version in ((old, old_version), (current, current_version)):
        assert read_version(admin, document, version["id"], eventually)["has_thumbnail"]
    engine = make_engine(system.database_urls["documents"], pool_size=1)
    session = make_session_factory(engine)()
    try:
        with session.begin():
            session.execute(text("UPDATE file_versions SET rendition_key = NULL, rendition_size = NULL, "
                                 "rendition_sha256 = NULL, thumbnail_key = NULL, thumbnail_size = NULL, "
                                 "thumbnail_sha256 = NULL WHERE id = :id"), {"id": old_version["id"]})
        assert not read_version(admin, old, old_version["id"], eventually)["has_thumbnail"]
        result = reextract(session, missing_previews=True, out=lambda line: None, poll=0.5, timeout=OCR_WAIT,
                           document_ids=[uuid.UUID(old["id"]), uuid.UUID(current["id"])])
    finally:
        session.close()
        engine.dispose()
    assert result == {"asked": 1, "pending": 0, "done": 1, "failed": 0}
    again = read_version(admin, old, old_version["id"], eventually)
    assert again["has_thumbnail"] and again["has_searchable_pdf"]
    assert_a_drawn_page(admin.get(f"/documents/{old['id']}/files/versions/{old_version['id']}/thumbnail").content)


def test_a_file_that_cannot_be_read_is_marked_failed_with_the_reason(admin, invoice, eventually):
    document = invoice("Damaged scan")
    version = upload(admin, document, "damaged.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    read = read_version(admin, document, version["id"], eventually, timeout=60)
    assert read["text_state"] == "failed"
    assert "damaged" in read["text_reason"]
    assert admin.get(f"/documents/{document['id']}/files/versions/{version['id']}/searchable.pdf").status_code == 404
    assert admin.get(f"/documents/{document['id']}/files/versions/{version['id']}/thumbnail").status_code == 404


def test_re_extraction_reads_the_files_again_with_its_progress(admin, invoice, unique, eventually, system):
    from chancery_common.database import make_engine, make_session_factory
    from documents.__main__ import reextract

    document = invoice("Re-read")
    word = f"reread{unique[:8]}"
    version = upload(admin, document, "memo.docx", docx([f"Служебная записка {word}"]))
    first = read_version(admin, document, version["id"], eventually, timeout=60)
    assert first["text_state"] == "done"
    engine = make_engine(system.database_urls["documents"], pool_size=1)
    session = make_session_factory(engine)()
    lines = []
    try:
        result = reextract(session, document_ids=[uuid.UUID(document["id"])], out=lines.append, poll=0.5,
                           timeout=120)
    finally:
        session.close()
        engine.dispose()
    assert result == {"asked": 1, "pending": 0, "done": 1, "failed": 0}
    assert lines[0] == "asked for 1 files" and lines[1] == "1 files to read again"
    assert lines[-1] == "1/1 read: 1 done, 0 failed, 0 waiting"
    assert found_by(admin, word) == [document["id"]]


def copied_readings(system):
    """How many readings the texts service copied from the same bytes read before (every instance)."""
    total = 0
    for instance in system.instances["texts"]:
        metrics = requests.get(f"http://127.0.0.1:{system.http_ports[instance]}/metrics", timeout=10).text
        total += sum(sample.value for family in text_string_to_metric_families(metrics) for sample in family.samples
                     if sample.name == "chancery_text_extractions_total" and sample.labels.get("outcome") == "copied")
    return total


def test_the_same_scan_attached_again_is_not_recognised_again(admin, invoice, unique, eventually, system):
    """A scan the intake read, attached to the document its draft became, is the same bytes:
    the second copy takes the first one's reading (text, searchable PDF, thumbnail), no OCR."""
    scan = scans.save([scans.contract_page(23, seed=7)], "png")
    first, second = invoice("Scan as received"), invoice("The same scan, registered")
    first_version = upload(admin, first, "scan.png", scan)
    assert read_version(admin, first, first_version["id"], eventually)["text_state"] == "done"
    before = copied_readings(system)
    second_version = upload(admin, second, "Договор (скан).png", scan)
    read = read_version(admin, second, second_version["id"], eventually)
    assert (read["text_state"], read["text_method"], read["has_searchable_pdf"], read["has_thumbnail"]) == (
        "done", "ocr", True, True)
    assert copied_readings(system) == before + 1
    assert second["id"] in found_by(admin, "щебень")
    base = f"/documents/{second['id']}/files/versions/{second_version['id']}"
    layer = PdfReader(io.BytesIO(admin.get(f"{base}/searchable.pdf").content)).pages[0].extract_text()
    assert "Покупател" in layer
    assert admin.get(f"{base}/thumbnail").headers["Content-Type"] == "image/png"
