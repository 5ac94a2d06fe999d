"""Which files a document takes: a name that contradicts the contents is refused, and each
document type names the kinds of file it accepts."""
import io
import uuid
import zipfile

import pytest

from chancery_common.actor import Actor
from chancery_common.errors import InvalidInput
from documents import configuration, file_types

PDF = b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n" + bytes(range(256)) * 8
# the start of a Windows program: the DOS header, then a PE header
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 44 + b"\x80\x00\x00\x00" + \
      b"\x00" * 64 + b"PE\x00\x00" + bytes(range(256)) * 4


def zipped(**members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name.replace("__", "/"), content)
    return buffer.getvalue()


@pytest.fixture
def configurer():
    return Actor(id=uuid.uuid4(), roles=["administrator"], permissions=["configure_document_types"])


def refused_reason(attach, document, started, filename):
    with pytest.raises(InvalidInput) as refused:
        attach(document, started, filename=filename)
    return refused.value.details["file"][0]


def test_a_program_named_pdf_is_refused_naming_the_file(make_document, upload, attach, storage):
    document = make_document()
    started = upload(document, EXE)

    reason = refused_reason(attach, document, started, "invoice.pdf")

    assert reason.startswith("invoice.pdf:") and ".pdf" in reason and "application/x-msdownload" in reason
    assert not storage.exists(started.object_key)


def test_archives_are_refused_unless_the_type_accepts_them(make_document, upload, attach, session, configurer,
                                                           make_journal_type):
    doc_type = make_journal_type()
    document = make_document(type_id=doc_type.id)
    archive = zipped(readme__txt=b"hello")

    assert "archives" in refused_reason(attach, document, upload(document, archive), "bundle.zip")

    with session.begin():
        changed = configuration.update_type(session, type_id=doc_type.id, actor=configurer,
                                            changes={"accepted_file_kinds": ["archives", "pdf"]})
        assert changed.accepted_file_kinds == ["pdf", "archives"]
    assert attach(document, upload(document, archive), filename="bundle.zip").content_type == "application/zip"
    assert "text" in refused_reason(attach, document, upload(document, b"plain words\n" * 10), "notes.txt")


def test_the_default_kinds_take_office_files_pdf_and_unnamed_pdf(make_document, upload, attach):
    document = make_document()
    docx = zipped(**{"[Content_Types].xml": b"<Types/>", "word__document.xml": b"<w:document/>"})

    assert attach(document, upload(document, docx), filename="Договор.docx").filename == "Договор.docx"
    assert attach(document, upload(document, PDF), filename="scan").content_type == "application/pdf"
    assert attach(document, upload(document, b"Subject: hi\r\n\r\nbody\r\n"), filename="mail.eml")
    assert "not accepted" in refused_reason(attach, document, upload(document, PDF), "scan.exe")


def test_a_new_type_accepts_the_default_kinds_and_unknown_kinds_are_refused(session, configurer):
    with session.begin():
        made = configuration.create_type(session, actor=configurer, data={
            "code": f"t_{uuid.uuid4().hex[:8]}", "name": "Memo with scans", "kind": "internal"})
        assert made.accepted_file_kinds == list(file_types.DEFAULT_KINDS)
    for kinds in (["pdf", "executables"], []):
        with pytest.raises(InvalidInput) as refused, session.begin():
            configuration.update_type(session, type_id=made.id, actor=configurer,
                                      changes={"accepted_file_kinds": kinds})
        assert "accepted_file_kinds" in refused.value.details


@pytest.mark.parametrize("filename, content_type, accepted", [
    ("a.pdf", "application/pdf", True), ("A.PDF", "application/pdf", True),
    ("a.pdf", "application/x-msdownload", False), ("a.txt", "application/pdf", False),
    ("a.docx", "application/zip", True), ("a.doc", "application/x-ole-storage", True),
    ("a.msg", "application/x-ole-storage", True), ("a.jpg", "image/png", False),
    ("a.exe", "application/x-msdownload", False), ("noext", "application/x-msdownload", False),
])
def test_names_against_contents(filename, content_type, accepted):
    assert (file_types.refusal(filename, content_type, file_types.DEFAULT_KINDS) is None) is accepted
