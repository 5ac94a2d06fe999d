"""Electronic copies: written once through a presigned URL at their final key, verified
(against the uploader's checksums, or read back), versioned, and never left behind when
something fails."""
import hashlib
import io
import uuid
from datetime import datetime, timedelta, timezone

import pytest
import requests
from sqlalchemy import func, select

from chancery_common.errors import Conflict, InvalidInput, NotFound
from documents import events, files, models, schemas
from documents.storage import STAGING_PREFIX, ObjectInfo

PDF = b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n" + bytes(range(256)) * 8
TEXT = "Акт сверки: долг погашен.\n".encode() * 40


def claim(content):
    """What the gateway computes while it sends the bytes."""
    return {"size": len(content), "sha256": hashlib.sha256(content).hexdigest(),
            "md5": hashlib.md5(content).hexdigest()}


def versions_of(reader, document_id):
    return reader(lambda s: s.scalar(select(func.count()).select_from(models.FileVersion).join(models.DocumentFile)
                                     .where(models.DocumentFile.document_id == document_id)))


def test_an_attached_file_records_checksum_size_and_the_sniffed_type(make_document, upload, attach, actor):
    document = make_document()

    version = attach(document, upload(document, PDF), filename="scan.pdf")

    assert (version.version, version.filename, version.size, version.sha256) == (
        1, "scan.pdf", len(PDF), hashlib.sha256(PDF).hexdigest())
    assert version.content_type == "application/pdf"  # sniffed from the contents
    assert version.uploaded_by == actor.id


def test_an_upload_is_written_once_at_its_final_key(make_document, upload, attach, storage, stored_bytes):
    document = make_document()
    started = upload(document, PDF)
    assert started.object_key == f"documents/{document.id}/{started.id}"

    version = attach(document, started, claimed=claim(PDF))

    assert version.object_key == started.object_key  # recorded where it was written: no copy
    assert stored_bytes(version.object_key) == PDF
    assert list(storage.keys(STAGING_PREFIX)) == []


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
        started, _ = files.start_upload(session, storage=storage, document_id=document.id, actor=actor)

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
        files.start_upload(session, storage=storage, document_id=document.id, actor=actor)


def test_a_failed_transaction_leaves_the_object_to_its_upload(session, make_document, upload, attach, storage,
                                                                actor, reader):
    document = make_document()
    document_id, started = document.id, upload(document, PDF)
    upload_id, key = started.id, started.object_key

    with session.begin() as transaction:
        version, cleanup = files.attach_file(
            session, storage=storage, document_id=document_id, upload_id=upload_id,
            filename="contract.pdf", file_id=None, actor=actor, max_bytes=len(PDF), claimed=claim(PDF))
        transaction.rollback()  # as when the commit fails
    cleanup(committed=False)

    assert versions_of(reader, document_id) == 0
    assert reader(lambda s: s.get(models.Upload, upload_id).attached_at) is None
    # the bytes stay with their upload, which may still be attached (or is swept later)
    assert storage.exists(key)
    assert attach(document, started, claimed=claim(PDF)).object_key == key


def test_a_download_link_serves_the_stored_bytes(session, make_document, upload, attach, storage, actor):
    document = make_document()
    version = attach(document, upload(document, PDF), filename="Договор №1.pdf")

    with session.begin():
        found, url = files.file_download(session, storage=storage, document_id=document.id,
                                         version_id=version.id, actor=actor, inline=False)
    response = requests.get(url, timeout=30)

    assert found.id == version.id
    assert response.content == PDF
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")


def test_a_failure_inside_attach_records_nothing_and_the_upload_can_be_attached_again(
        make_document, upload, attach, storage, reader, monkeypatch):
    document = make_document()
    document_id, started = document.id, upload(document, PDF)
    record = events.catalog.record

    def outbox_unavailable(session, event_type, payload, version=1):
        if event_type == events.DOCUMENT_FILE_ADDED:
            raise ConnectionError("the database connection was lost")
        return record(session, event_type, payload, version)

    with monkeypatch.context() as patched:
        patched.setattr(events.catalog, "record", outbox_unavailable)
        with pytest.raises(ConnectionError):
            attach(document, started, claimed=claim(PDF))

    assert versions_of(reader, document_id) == 0
    assert attach(document, started, claimed=claim(PDF)).sha256 == hashlib.sha256(PDF).hexdigest()


def test_an_upload_never_attached_is_swept_after_the_grace_period_and_an_attached_one_never(
        session, make_document, upload, attach, storage):
    document = make_document()
    attached = attach(document, upload(document, PDF), claimed=claim(PDF))
    abandoned = upload(document, TEXT)

    with session.begin():
        assert files.sweep_orphans(session, storage=storage) == 0  # still within the grace period
    with session.begin():
        files.sweep_orphans(session, storage=storage, older_than=timedelta(seconds=-60))

    assert not storage.exists(abandoned.object_key)
    assert storage.exists(attached.object_key)


def test_a_matching_claim_is_verified_without_reading_the_file_back(make_document, upload, attach, storage,
                                                                     monkeypatch):
    document = make_document()
    started = upload(document, PDF)
    monkeypatch.setattr(storage, "inspect", lambda key: pytest.fail("the whole object was read back"))

    version = attach(document, started, filename="scan.pdf", claimed=claim(PDF))

    assert (version.size, version.sha256) == (len(PDF), hashlib.sha256(PDF).hexdigest())
    assert version.content_type == "application/pdf"  # sniffed from the stored bytes, never claimed


def test_a_claimed_md5_the_stored_object_does_not_have_is_refused_and_nothing_is_kept(
        make_document, upload, attach, storage, reader):
    document = make_document()
    started = upload(document, PDF)
    sent = claim(PDF[:-1] + b"?")

    with pytest.raises(InvalidInput) as refused:
        attach(document, started, claimed=sent)

    [message] = refused.value.details["file"]
    assert message == (f"The stored file's MD5 {hashlib.md5(PDF).hexdigest()} differs from the MD5 "
                       f"{sent['md5']} of the bytes sent.")
    assert versions_of(reader, document.id) == 0
    assert not storage.exists(started.object_key)


def test_a_claimed_size_the_stored_object_does_not_have_is_refused_and_nothing_is_kept(
        make_document, upload, attach, storage, reader):
    document = make_document()
    started = upload(document, PDF)

    with pytest.raises(InvalidInput) as refused:
        attach(document, started, claimed={**claim(PDF), "size": len(PDF) + 1})

    assert refused.value.details == {"file": [f"The stored file is {len(PDF)} bytes, but {len(PDF) + 1} bytes "
                                              "were sent."]}
    assert versions_of(reader, document.id) == 0
    assert not storage.exists(started.object_key)


def test_when_the_etag_is_no_md5_the_object_is_read_back_and_checked(make_document, upload, attach, storage,
                                                                      reader, monkeypatch):
    document = make_document()
    kept, refused_upload = upload(document, PDF), upload(document, TEXT)
    stat = storage.stat
    monkeypatch.setattr(storage, "stat", lambda key: ObjectInfo(stat(key).size, "0" * 32 + "-3"))  # multipart

    version = attach(document, kept, claimed=claim(PDF))
    with pytest.raises(InvalidInput) as refused:
        attach(document, refused_upload, claimed={**claim(TEXT), "sha256": "0" * 64})

    assert (version.sha256, version.content_type) == (hashlib.sha256(PDF).hexdigest(), "application/pdf")
    assert refused.value.details == {"file": [
        f"The stored file's SHA-256 {hashlib.sha256(TEXT).hexdigest()} differs from the SHA-256 {'0' * 64} "
        "of the bytes sent."]}
    assert versions_of(reader, document.id) == 1
    assert not storage.exists(refused_upload.object_key)


def test_a_claim_comes_whole_or_not_at_all():
    upload_id = str(uuid.uuid4())
    partial = {"upload_id": upload_id, "filename": "a.pdf", "sha256": "a" * 64}

    assert list(schemas.AttachSchema().validate(partial)) == ["size"]
    assert schemas.AttachSchema().validate({**partial, "size": 1, "md5": "b" * 32}) == {}
    assert schemas.AttachSchema().load({"upload_id": upload_id, "filename": "a.pdf"})["sha256"] is None


def test_an_upload_older_than_the_attach_window_is_refused(session, make_document, upload, attach, reader):
    document = make_document()
    started = upload(document, PDF)
    with session.begin():
        session.get(models.Upload, started.id).created_at = (
            datetime.now(timezone.utc) - files.ATTACH_WINDOW - timedelta(minutes=1))

    with pytest.raises(Conflict) as refused:
        attach(document, started, claimed=claim(PDF))

    assert "expired" in str(refused.value)
    assert versions_of(reader, document.id) == 0


def test_an_upload_staged_by_an_older_release_is_copied_under_its_document(session, make_document, attach,
                                                                           storage, actor, stored_bytes):
    document = make_document()
    staged_key = f"{STAGING_PREFIX}{uuid.uuid4()}"
    storage.client.put_object(storage.bucket, staged_key, io.BytesIO(PDF), len(PDF))
    with session.begin():
        staged = models.Upload(document_id=document.id, object_key=staged_key, created_by=actor.id)
        session.add(staged)

    version = attach(document, staged)

    assert version.object_key.startswith(f"documents/{document.id}/{version.file_id}/v1-")
    assert stored_bytes(version.object_key) == PDF
    assert not storage.exists(staged_key)


def test_a_failed_transaction_of_a_staged_upload_leaves_no_copy(session, make_document, storage, actor, reader):
    document = make_document()
    document_id, staged_key = document.id, f"{STAGING_PREFIX}{uuid.uuid4()}"
    storage.client.put_object(storage.bucket, staged_key, io.BytesIO(PDF), len(PDF))
    staged_id = uuid.uuid4()
    with session.begin():
        session.add(models.Upload(id=staged_id, document_id=document_id, object_key=staged_key, created_by=actor.id))

    with session.begin() as transaction:
        version, cleanup = files.attach_file(
            session, storage=storage, document_id=document_id, upload_id=staged_id,
            filename="contract.pdf", file_id=None, actor=actor, max_bytes=len(PDF))
        copied = version.object_key
        assert storage.exists(copied)
        transaction.rollback()  # as when the commit fails
    cleanup(committed=False)

    assert not storage.exists(copied)
    assert versions_of(reader, document_id) == 0
    assert storage.exists(staged_key)  # the staged bytes stay with their upload
