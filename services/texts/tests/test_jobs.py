"""Extraction jobs against a real database: one job per file version, claimed with a lease,
failed at once when the file cannot be read (never retried), tried again a bounded number of
times after a passing failure, started afresh by a re-extraction; and the reading itself on
real files with a store that keeps them in a folder."""
import io
import shutil
import subprocess
import uuid
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bench import scans
from chancery_common.database import make_engine, make_session_factory
from texts import extraction, logic
from texts.models import Extraction, outbox


@pytest.fixture(scope="module")
def engine(service_database):
    url = service_database("texts", name=f"chancery_itest_texts_{uuid.uuid4().hex[:8]}")
    engine = make_engine(url, pool_size=2)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    session = make_session_factory(engine)()
    yield session
    session.close()


@pytest.fixture
def settings():
    return logic.Settings(concurrency=2, max_attempts=3, lease_seconds=60, retry_seconds=10,
                          reading=extraction.Settings())


class FolderStorage:
    """The object store as a folder: originals put in by the test, derived files written."""

    def __init__(self, root):
        self.root = Path(root)
        self.fail_reads = False

    def put(self, key, data):
        path = self.root / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def download(self, key, path):
        if self.fail_reads:
            raise ConnectionError("the object store does not answer")
        shutil.copyfile(self.root / key, path)

    def copy(self, source_key, target_key):
        self.put(target_key, (self.root / source_key).read_bytes())

    def upload(self, key, path, content_type):
        assert key.startswith("derived/")
        self.put(key, Path(path).read_bytes())
        return {"key": key, "content_type": content_type, "size": Path(path).stat().st_size, "sha256": "0" * 64}


def done_reading(session):
    """End the transaction a test's reads began, so a step of the service can begin its own."""
    if session.in_transaction():
        session.rollback()


def announce(session, filename="scan.pdf", content_type="application/pdf", again=False, version_id=None,
             sha256=None):
    """A file announced; its bytes' SHA-256 is new unless given (the same bytes are read once)."""
    payload = {"version_id": version_id or uuid.uuid4(), "document_id": uuid.uuid4(), "file_id": uuid.uuid4(),
               "object_key": f"documents/{uuid.uuid4()}/{uuid.uuid4()}", "filename": filename,
               "content_type": content_type, "size": 10, "sha256": sha256 or uuid.uuid4().hex * 2}
    done_reading(session)
    with session.begin():
        logic.request(session, payload=payload, again=again)
    return payload


def job_of(session, version_id):
    session.expire_all()
    return session.get(Extraction, version_id)


def extracted_events(session, version_id):
    return [row.payload for row in session.execute(select(outbox.table)).all()
            if row.event_type == "file_text.extracted" and row.payload["version_id"] == str(version_id)]


def claim(session, settings, now=None, limit=10):
    done_reading(session)
    with session.begin():
        return logic.claim(session, settings=settings, limit=limit, now=now)


def record(session, settings, job, outcome, now=None):
    done_reading(session)
    with session.begin():
        return logic.record(session, job=job, outcome=outcome, settings=settings, now=now)


def test_a_file_announced_twice_is_one_job_and_an_unreadable_one_is_failed_once(session, settings):
    payload = announce(session)
    announce(session, version_id=payload["version_id"])  # the same event sent again
    jobs = [j for j in claim(session, settings) if j.version_id == payload["version_id"]]
    assert len(jobs) == 1 and jobs[0].attempts == 1
    assert job_of(session, payload["version_id"]).state == "running"

    record(session, settings, jobs[0], logic.Outcome("failed", reason="the PDF is encrypted"))
    job = job_of(session, payload["version_id"])
    assert (job.state, job.reason, job.attempts) == ("failed", "the PDF is encrypted", 1)
    (event,) = extracted_events(session, payload["version_id"])
    assert event["state"] == "failed" and event["reason"] == "the PDF is encrypted" and event["text"] == ""
    # never claimed again, however often the timer looks
    far = logic.utcnow() + timedelta(days=1)
    assert payload["version_id"] not in [j.version_id for j in claim(session, settings, now=far)]


def test_a_passing_failure_is_tried_again_until_the_attempts_run_out(session, settings):
    payload = announce(session)
    now = logic.utcnow()
    for attempt in (1, 2, 3):
        (job,) = [j for j in claim(session, settings, now=now) if j.version_id == payload["version_id"]]
        assert job.attempts == attempt
        record(session, settings, job, logic.Outcome("retry", reason="ConnectionError: away"), now=now)
        row = job_of(session, payload["version_id"])
        if attempt < 3:
            assert row.state == "pending" and row.lease_until == now + timedelta(seconds=10 * attempt)
            # not before its pause
            assert payload["version_id"] not in [j.version_id for j in claim(session, settings, now=now)]
            now = row.lease_until + timedelta(seconds=1)
    assert (row.state, row.attempts) == ("failed", 3)
    assert row.reason == "gave up after 3 attempts; the last: ConnectionError: away"
    assert [e["state"] for e in extracted_events(session, payload["version_id"])] == ["failed"]


def test_a_job_whose_worker_died_is_claimed_again_after_its_lease(session, settings):
    payload = announce(session)
    now = logic.utcnow()
    (job,) = [j for j in claim(session, settings, now=now) if j.version_id == payload["version_id"]]
    # its worker never records: within the lease nobody else takes it
    assert payload["version_id"] not in [j.version_id for j in claim(session, settings, now=now)]
    later = now + timedelta(seconds=61)
    (again,) = [j for j in claim(session, settings, now=later) if j.version_id == payload["version_id"]]
    assert again.attempts == 2
    # the first worker's late result is not taken: the job is another attempt's now
    assert record(session, settings, job, logic.Outcome("done", method="plain", text="late")) is None
    assert record(session, settings, again, logic.Outcome("done", method="plain", text="on time")).state == "done"


def test_a_re_extraction_starts_a_finished_job_afresh(session, settings):
    payload = announce(session, filename="notes.txt", content_type="text/plain")
    (job,) = [j for j in claim(session, settings) if j.version_id == payload["version_id"]]
    record(session, settings, job, logic.Outcome("failed", reason="no words"))
    announce(session, filename="notes.txt", content_type="text/plain", again=True, version_id=payload["version_id"])
    row = job_of(session, payload["version_id"])
    assert (row.state, row.attempts, row.reason) == ("pending", 0, None)


def test_the_same_bytes_are_read_once_and_a_re_extraction_reads_them_afresh(tmp_path, session, settings,
                                                                            monkeypatch):
    """A scan the intake read, attached to a document when its draft is registered: the copy
    (same SHA-256 and type) takes the reading, text and derived files, without OCR."""
    storage = FolderStorage(tmp_path / "bucket")
    digest = uuid.uuid4().hex * 2
    first = announce(session, filename="scan.jpg", content_type="image/jpeg", sha256=digest)
    (job,) = [j for j in claim(session, settings) if j.version_id == first["version_id"]]
    assert job.twin is None
    prefix = f"derived/{job.document_id}/{job.version_id}"
    storage.put(f"{prefix}/searchable.pdf", b"%PDF-1.7 searchable")
    storage.put(f"{prefix}/thumbnail.png", b"\x89PNG thumbnail")
    rendition = {"key": f"{prefix}/searchable.pdf", "content_type": "application/pdf", "size": 19, "sha256": "a" * 64}
    thumbnail = {"key": f"{prefix}/thumbnail.png", "content_type": "image/png", "size": 14, "sha256": "b" * 64}
    record(session, settings, job, logic.Outcome("done", method="ocr", pages=2, text="ДОГОВОР ПОСТАВКИ",
                                                 rendition=rendition, thumbnail=thumbnail))

    def no_ocr(*args, **kwargs):
        raise AssertionError("the same bytes were read again")
    monkeypatch.setattr(extraction, "extract", no_ocr)
    copy = announce(session, filename="Скан договора.jpg", content_type="image/jpeg", sha256=digest)
    (job,) = [j for j in claim(session, settings) if j.version_id == copy["version_id"]]
    assert job.twin.version_id == first["version_id"]
    outcome = logic.process(job, storage=storage, settings=settings, scratch=tmp_path)  # its original is not even there
    assert (outcome.state, outcome.method, outcome.pages, outcome.text) == ("done", "ocr", 2, "ДОГОВОР ПОСТАВКИ")
    own = f"derived/{copy['document_id']}/{copy['version_id']}"
    assert outcome.rendition == {**rendition, "key": f"{own}/searchable.pdf"}
    assert outcome.thumbnail == {**thumbnail, "key": f"{own}/thumbnail.png"}
    assert (storage.root / own / "searchable.pdf").read_bytes() == b"%PDF-1.7 searchable"
    record(session, settings, job, outcome)
    (event,) = extracted_events(session, copy["version_id"])
    assert event["text"] == "ДОГОВОР ПОСТАВКИ" and event["rendition"]["key"] == f"{own}/searchable.pdf"

    # another type of the same bytes, or a re-extraction, is read
    other = announce(session, filename="scan.pdf", content_type="application/pdf", sha256=digest)
    assert [j.twin for j in claim(session, settings) if j.version_id == other["version_id"]] == [None]
    announce(session, filename="Скан договора.jpg", content_type="image/jpeg", sha256=digest, again=True,
             version_id=copy["version_id"])
    assert [j.twin for j in claim(session, settings) if j.version_id == copy["version_id"]] == [None]


def test_a_twin_whose_derived_files_are_gone_is_read_as_any_file(tmp_path, session, settings):
    storage = FolderStorage(tmp_path / "bucket")
    digest = uuid.uuid4().hex * 2
    first = announce(session, filename="notes.txt", content_type="text/plain", sha256=digest)
    (job,) = [j for j in claim(session, settings) if j.version_id == first["version_id"]]
    gone = {"key": f"derived/{job.document_id}/{job.version_id}/thumbnail.png", "content_type": "image/png",
            "size": 1, "sha256": "c" * 64}
    record(session, settings, job, logic.Outcome("done", method="plain", text="old", thumbnail=gone))
    copy = announce(session, filename="notes.txt", content_type="text/plain", sha256=digest)
    storage.put(copy["object_key"], "Акт сверки взаиморасчётов".encode())
    (job,) = [j for j in claim(session, settings) if j.version_id == copy["version_id"]]
    assert job.twin is not None
    outcome = logic.process(job, storage=storage, settings=settings, scratch=tmp_path)
    assert outcome.state == "done" and "Акт сверки" in outcome.text


def docx_bytes(text):
    """A DOCX as Word writes it: its parts named in [Content_Types].xml, the document in _rels."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
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
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            f'<w:p><w:r><w:t>{text}</w:t></w:r><w:r><w:tab/><w:t>end</w:t></w:r></w:p></w:body></w:document>'))
    return out.getvalue()


def xlsx_bytes(*rows):
    from openpyxl import Workbook
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def eml_bytes():
    from email.message import EmailMessage
    message = EmailMessage()
    message["From"], message["Subject"] = "buyer@example.org", "Заявка на щебень"
    message.set_content("Просим выставить счёт.")
    message.add_attachment(docx_bytes("Спецификация во вложении"), maintype="application",
                           subtype="octet-stream", filename="spec.docx")
    return bytes(message)


@pytest.mark.parametrize("filename, content_type, data, state, found", [
    ("request.eml", "text/plain", eml_bytes(), "done", "--- spec.docx ---\nСпецификация во вложении"),
    ("memo.rtf", "text/plain", b"{\\rtf1\\ansi\\ansicpg1251 \\'d1\\'ec\\'e5\\'f2\\'e0\\par}", "done", "Смета"),
    ("offer.docx", "application/zip", docx_bytes("Поставка щебня"), "done", "Поставка щебня\tend"),
    ("prices.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     xlsx_bytes(["Позиция", "Цена"], ["Щебень", 1250.5]), "done", "Щебень\t1250.5"),
    ("broken.pdf", "application/pdf", b"%PDF-1.4\nnothing else", "failed", "the PDF is damaged"),
    ("archive.zip", "application/zip", b"PK\x05\x06" + b"\x00" * 18, "failed", "no DOCX, XLSX"),
    ("setup.exe", "application/x-msdownload", b"MZ\x90\x00", "failed", "no text can be read"),
])
def test_reading_files_by_their_kind(tmp_path, settings, filename, content_type, data, state, found):
    storage = FolderStorage(tmp_path / "bucket")
    job = logic.Job(uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), "documents/x/1", filename, content_type, 1)
    storage.put(job.object_key, data)
    outcome = logic.process(job, storage=storage, settings=settings, scratch=tmp_path)
    assert outcome.state == state
    assert found in (outcome.text if state == "done" else outcome.reason)
    assert not list(tmp_path.glob("chancery-texts-*"))  # the scratch folder is removed


def test_a_scan_is_recognised_with_a_searchable_pdf_and_a_thumbnail(tmp_path, settings):
    storage = FolderStorage(tmp_path / "bucket")
    job = logic.Job(uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), "documents/x/2", "scan.jpg", "image/jpeg", 1)
    storage.put(job.object_key, scans.save([scans.contract_page(5)], "jpeg"))
    outcome = logic.process(job, storage=storage, settings=settings, scratch=tmp_path)
    assert outcome.state == "done" and outcome.method == "ocr" and outcome.pages == 1
    assert "Покупател" in outcome.text and "ДОГОВОР" in outcome.text
    assert outcome.rendition["key"] == f"derived/{job.document_id}/{job.version_id}/searchable.pdf"
    assert (storage.root / outcome.rendition["key"]).read_bytes().startswith(b"%PDF")
    assert (storage.root / outcome.thumbnail["key"]).read_bytes().startswith(b"\x89PNG")
    # the original is only read
    assert (storage.root / job.object_key).read_bytes() == scans.save([scans.contract_page(5)], "jpeg")


def test_a_store_that_does_not_answer_is_a_passing_failure(tmp_path, settings):
    storage = FolderStorage(tmp_path / "bucket")
    storage.fail_reads = True
    job = logic.Job(uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), "documents/x/3", "a.txt", "text/plain", 1)
    outcome = logic.process(job, storage=storage, settings=settings, scratch=tmp_path)
    assert outcome.state == "retry" and "ConnectionError" in outcome.reason


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def assert_a_drawn_page(data):
    """A PNG of a page: a real picture, as wide as a thumbnail, white with dark marks on it."""
    from PIL import Image
    assert data.startswith(b"\x89PNG")
    picture = Image.open(io.BytesIO(data)).convert("L")
    assert picture.width == extraction.THUMBNAIL_WIDTH and 200 <= picture.height <= 2 * picture.width
    histogram = picture.histogram()
    dark, total = sum(histogram[:128]), picture.width * picture.height
    assert 20 <= dark <= total // 4, (dark, total)  # words drawn, on a page that is mostly white
    assert sum(histogram[240:]) > total // 2


@pytest.mark.parametrize("filename, content_type, data, word", [
    ("offer.docx", DOCX, docx_bytes("Поставка щебня " + "гранитного " * 40), "Поставка щебня"),
    ("prices.xlsx", XLSX, xlsx_bytes(["Позиция", "Цена"], *[[f"Щебень {n}", 1250.5 + n] for n in range(30)]),
     "Щебень 7"),
])
def test_an_office_file_gets_a_pdf_preview_and_a_thumbnail_of_its_first_page(tmp_path, settings, filename,
                                                                              content_type, data, word):
    """LibreOffice, as installed (scripts/ocr-packages), converts it; the first page is drawn."""
    from pypdf import PdfReader
    storage = FolderStorage(tmp_path / "bucket")
    job = logic.Job(uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), "documents/x/4", filename, content_type, 1)
    storage.put(job.object_key, data)
    outcome = logic.process(job, storage=storage, settings=settings, scratch=tmp_path)
    assert (outcome.state, outcome.method, outcome.reason, outcome.pages) == ("done", "office", None, 1)
    assert word in outcome.text
    prefix = f"derived/{job.document_id}/{job.version_id}"
    assert outcome.rendition["key"] == f"{prefix}/preview.pdf" and outcome.thumbnail["key"] == f"{prefix}/thumbnail.png"
    preview = (storage.root / outcome.rendition["key"]).read_bytes()
    assert word in PdfReader(io.BytesIO(preview)).pages[0].extract_text()
    assert_a_drawn_page((storage.root / outcome.thumbnail["key"]).read_bytes())
    assert (storage.root / job.object_key).read_bytes() == data  # the original is only read
    assert not list(tmp_path.glob("chancery-texts-*"))  # nor is LibreOffice's profile left behind


def test_an_old_binary_doc_is_read_from_its_preview(tmp_path, settings):
    """A .doc (Word 97, made here by LibreOffice from a DOCX) has no words the service parses
    itself: its preview's text layer is its text."""
    source = tmp_path / "memo.docx"
    source.write_bytes(docx_bytes("Служебная записка о поставке"))
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(source)], check=True, capture_output=True,
                   timeout=120)
    storage = FolderStorage(tmp_path / "bucket")
    job = logic.Job(uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), "documents/x/5", "memo.doc", "application/msword", 1)
    storage.put(job.object_key, (tmp_path / "memo.doc").read_bytes())
    outcome = logic.process(job, storage=storage, settings=settings, scratch=tmp_path)
    assert (outcome.state, outcome.method) == ("done", "office")
    assert "Служебная записка о поставке" in outcome.text
    assert_a_drawn_page((storage.root / outcome.thumbnail["key"]).read_bytes())


def test_a_file_libreoffice_cannot_convert_keeps_its_text_and_is_marked_once(tmp_path, session, settings):
    """A conversion past its time (here a limit no LibreOffice meets) leaves the file its text
    and its icon; the job is done with the reason, and never claimed again."""
    settings.reading.preview_timeout = 0.05
    payload = announce(session, filename="offer.docx", content_type=DOCX)
    storage = FolderStorage(tmp_path / "bucket")
    storage.put(payload["object_key"], docx_bytes("Поставка щебня"))
    (job,) = [j for j in claim(session, settings) if j.version_id == payload["version_id"]]
    outcome = logic.process(job, storage=storage, settings=settings, scratch=tmp_path)
    assert (outcome.state, outcome.rendition, outcome.thumbnail) == ("done", None, None)
    assert outcome.reason == "no preview: LibreOffice ran past its time limit"
    assert "Поставка щебня" in outcome.text
    record(session, settings, job, outcome)
    row = job_of(session, payload["version_id"])
    assert (row.state, row.reason, row.rendition_key, row.thumbnail_key) == ("done", outcome.reason, None, None)
    (event,) = extracted_events(session, payload["version_id"])
    assert event["state"] == "done" and event["reason"] == outcome.reason and "Поставка щебня" in event["text"]
    far = logic.utcnow() + timedelta(days=1)
    assert payload["version_id"] not in [j.version_id for j in claim(session, settings, now=far)]
    # a damaged DOC, which LibreOffice cannot open at all, cannot be read: failed at once
    settings.reading.preview_timeout = 120
    job = logic.Job(uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), "documents/x/6", "old.doc", "application/msword", 1)
    storage.put(job.object_key, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    failed = logic.process(job, storage=storage, settings=settings, scratch=tmp_path)
    assert failed.state == "failed" and failed.reason.startswith("the office file cannot be read: LibreOffice")
