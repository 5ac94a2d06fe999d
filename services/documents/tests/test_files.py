"""Electronic copies: staged in S3 through a presigned URL, verified, moved under the
document, versioned, and never left behind when something fails."""
import hashlib

import pytest
import requests
from sqlalchemy import func, select

from chancery_common.errors import Conflict, InvalidInput, NotFound
from documents import events, logic, models
from documents.storage import STAGING_PREFIX

PDF = b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n" + bytes(range(256)) * 8
TEXT = "Акт сверки: долг погашен.\n".encode() * 40


def versions_of(reader, document_id):
    return reader(lambda s: s.scalar(select(func.count()).select_from(models.FileVersion).join(models.DocumentFile)
                                     .where(models.DocumentFile.document_id == document_id)))


def test_an_attached_file_records_checksum_size_and_the_sniffed_type(make_document, upload, attach, actor):
    document = make_document()

    version = attach(document, upload(document, PDF), filename="scan.txt")

    assert (version.version, version.filename, version.size, version.sha256) == (
        1, "scan.txt", len(PDF), hashlib.sha256(PDF).hexdigest())
    assert version.content_type == "application/pdf"  # the content decides, not the name
    assert version.uploaded_by == actor.id


def test_an_attached_file_is_moved_under_its_document(make_document, upload, attach, storage, stored_bytes):
    document = make_document()
    staged = upload(document, PDF)
    assert staged.object_key.startswith(STAGING_PREFIX)

    version = attach(document, staged)

    assert version.object_key.startswith(f"documents/{document.id}/{version.file_id}/v1-")
    assert stored_bytes(version.object_key) == PDF
    assert not storage.exists(staged.object_key)


def test_an_attached_file_is_announced(make_document, upload, attach, outbox_events):
    document = make_document()

    version = attach(document, upload(document, TEXT), filename="act.txt")

    [added] = outbox_events(events.DOCUMENT_FILE_ADDED, document.id)
    assert (added["version_id"], added["file_id"], added["version"], added["sha256"], added["content_type"]) == (
        str(version.id), str(version.file_id), 1, hashlib.sha256(TEXT).hexdigest(), "text/plain")


def test_a_path_in_the_file_name_is_dropped(make_document, upload, attach):
    document = make_document()

    version = attach(document, upload(document, TEXT), filename="C:\\Users\\anna\\..\\act.txt")

    assert version.filename == "act.txt"


def test_an_empty_file_is_refused_and_nothing_is_kept(make_document, upload, attach, storage, reader):
    document = make_document()
    staged = upload(document, b"")

    with pytest.raises(InvalidInput) as refused:
        attach(document, staged)

    assert refused.value.details == {"file": ["The file is empty."]}
    assert versions_of(reader, document.id) == 0
    assert not storage.exists(staged.object_key)


def test_a_file_over_the_limit_is_refused_and_nothing_is_kept(make_document, upload, attach, storage, reader):
    document = make_document()
    staged = upload(document, PDF)

    with pytest.raises(InvalidInput) as refused:
        attach(document, staged, max_bytes=len(PDF) - 1)

    assert list(refused.value.details) == ["file"]
    assert f"limit is {len(PDF) - 1} bytes" in refused.value.details["file"][0]
    assert versions_of(reader, document.id) == 0
    assert not storage.exists(staged.object_key)


def test_a_file_of_exactly_the_limit_is_accepted(make_document, upload, attach):
    document = make_document()

    assert attach(document, upload(document, PDF), max_bytes=len(PDF)).size == len(PDF)


def test_attaching_without_uploading_is_refused(session, make_document, storage, attach, actor):
    document = make_document()
    with session.begin():
        started, _ = logic.start_upload(session, storage=storage, document_id=document.id, actor=actor)

    with pytest.raises(InvalidInput) as refused:
        attach(document, started)
    assert refused.value.details == {"file": ["Nothing was uploaded."]}


def test_an_upload_is_attached_once(make_document, upload, attach):
    document = make_document()
    staged = upload(document, PDF)
    attach(document, staged)

    with pytest.raises(Conflict):
        attach(document, staged)


def test_another_documents_upload_is_not_found(make_document, upload, attach):
    document, other = make_document(), make_document()

    with pytest.raises(NotFound):
        attach(document, upload(other, PDF))


def test_a_new_version_keeps_the_old_one(make_document, upload, attach, reader, stored_bytes):
    document = make_document()
    first = attach(document, upload(document, PDF), filename="contract.pdf")

    second = attach(document, upload(document, TEXT), filename="contract-v2.txt", file_id=first.file_id)

    assert (second.file_id, second.version) == (first.file_id, 2)
    kept = reader(lambda s: [(v.version, v.sha256) for v in s.get(models.DocumentFile, first.file_id).versions])
    assert kept == [(2, hashlib.sha256(TEXT).hexdigest()), (1, hashlib.sha256(PDF).hexdigest())]
    assert stored_bytes(first.object_key) == PDF
    assert stored_bytes(second.object_key) == TEXT


def test_a_new_version_of_another_documents_file_is_not_found(make_document, upload, attach):
    document, other = make_document(), make_document()
    theirs = attach(other, upload(other, PDF))

    with pytest.raises(NotFound):
        attach(document, upload(document, PDF), file_id=theirs.file_id)


def test_the_files_of_a_signed_document_cannot_be_changed(make_document, upload, attach, change_status,
                                                          session, storage, actor):
    document = make_document()
    existing = attach(document, upload(document, PDF))
    staged_before_signing = upload(document, TEXT)
    change_status(document, "signed")

    with pytest.raises(Conflict):
        attach(document, staged_before_signing, file_id=existing.file_id)
    with pytest.raises(Conflict), session.begin():
        logic.start_upload(session, storage=storage, document_id=document.id, actor=actor)


def test_a_failed_transaction_leaves_no_orphan_object(session, make_document, upload, storage, actor, reader):
    document = make_document()
    document_id, staged = document.id, upload(document, PDF)

    with session.begin() as transaction:
        version, cleanup = logic.attach_file(
            session, storage=storage, document_id=document_id, upload_id=staged.id,
            filename="contract.pdf", file_id=None, actor=actor, max_bytes=len(PDF))
        copied = version.object_key
        assert storage.exists(copied)
        transaction.rollback()  # as when the commit fails
    cleanup(committed=False)

    assert not storage.exists(copied)
    assert versions_of(reader, document_id) == 0
    # the staged bytes stay with their upload, which may still be attached
    assert storage.exists(staged.object_key)
    assert reader(lambda s: s.get(models.Upload, staged.id).attached_at) is None


def test_a_download_link_serves_the_stored_bytes(session, make_document, upload, attach, storage, actor):
    document = make_document()
    version = attach(document, upload(document, PDF), filename="Договор №1.pdf")

    with session.begin():
        found, url = logic.file_download(session, storage=storage, document_id=document.id,
                                         version_id=version.id, actor=actor, inline=False)
    response = requests.get(url, timeout=30)

    assert found.id == version.id
    assert response.content == PDF
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")


def test_a_failure_after_the_copy_inside_attach_leaves_no_orphan_object(
        make_document, upload, attach, storage, reader, monkeypatch):
    document = make_document()
    staged = upload(document, PDF)
    record = events.catalog.record

    def outbox_unavailable(session, event_type, payload, version=1):
        if event_type == events.DOCUMENT_FILE_ADDED:
            raise ConnectionError("the database connection was lost")
        return record(session, event_type, payload, version)

    monkeypatch.setattr(events.catalog, "record", outbox_unavailable)

    with pytest.raises(ConnectionError):
        attach(document, staged)

    assert versions_of(reader, document.id) == 0
    left = [o.object_name for o in storage.client.list_objects(
        storage.bucket, prefix=f"documents/{document.id}/", recursive=True)]
    assert left == []
