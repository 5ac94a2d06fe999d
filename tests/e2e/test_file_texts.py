"""The text of every stored file through the gateway: a scan (PNG, a multi-page TIFF and an
image-only PDF, Russian text with noise and a skew) is recognised by the texts service and
found by its words in the registry, with a searchable PDF beside the unchanged original and a
thumbnail; DOCX, XLSX, ODT, RTF and an e-mail with an attachment are found by their words; a
file that cannot be read is marked failed with the reason."""
import hashlib
import io
import uuid
import zipfile

import pytest
from openpyxl import Workbook
from PIL import Image
from pypdf import PdfReader

from bench import scans

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


def docx(paragraphs):
    """A minimal WordprocessingML document, built as Word's zip."""
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
            'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'))
        archive.writestr("word/document.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'))
    return out.getvalue()


def xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def odt(paragraphs):
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
        read = read_version(admin, documents[kind], version["id"], eventually, timeout=60)
        assert read["text_state"] == "done", read
        assert not read["has_searchable_pdf"] and not read["has_thumbnail"]
    for kind in ("docx", "xlsx", "odt", "rtf", "eml"):
        assert found_by(admin, words[kind]) == [documents[kind]["id"]], kind
    assert found_by(admin, words["attached"]) == [documents["eml"]["id"]]  # the attachment's words
    assert documents["rtf"]["id"] in found_by(admin, f"сметы {words['rtf']}")  # cp1251 read as Russian


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
