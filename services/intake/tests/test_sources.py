"""The pollers against real things: Debian's dovecot over TLS on the loopback (messages
APPENDed over IMAP), a folder on disk, the intake's and the counterparties' databases and the
S3 server. Each message is taken once, also by two replicas polling at once and after a
restart, and is moved to the processed folder; a folder's file moves to processed/."""
import email.message
import imaplib
import io
import importlib.util
import os
import shutil
import ssl
import tempfile
import threading
import time
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from chancery_common.actor import Actor
from chancery_common.database import make_engine, make_session_factory
from chancery_local.profile import REPO
from counterparties import sender_match
from counterparties.models import Counterparty
from intake import logic, rules
from intake.models import Item, Received, outbox
from intake.service import IntakeService
from intake.storage import Storage

spec = importlib.util.spec_from_file_location("intake_dovecot", REPO / "tests" / "intake" / "dovecot.py")
dovecot = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dovecot)

TAX_ID = "7707083893"
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@pytest.fixture(scope="module")
def imap_server():
    if not os.path.exists(dovecot.DOVECOT):
        pytest.fail("Debian's dovecot-imapd is needed (scripts/test installs it)")
    # not under pytest's folder (0700 under root): dovecot's own users read its files
    root = tempfile.mkdtemp(prefix="chancery-dovecot-")
    server = dovecot.Dovecot(root)
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def databases(service_database):
    suffix = uuid.uuid4().hex[:8]
    engines = [make_engine(service_database(name, name=f"chancery_itest_{name}_{suffix}"), pool_size=4)
               for name in ("intake", "counterparties")]
    yield engines
    for engine in engines:
        engine.dispose()


@pytest.fixture(scope="module")
def storage(s3_server):
    bucket = Storage.from_config({"S3_ENDPOINT": s3_server.s3_endpoint, "S3_ACCESS_KEY": s3_server.s3_access_key,
                                  "S3_SECRET_KEY": s3_server.s3_secret_key, "S3_BUCKET": s3_server.s3_bucket})
    bucket.ensure_bucket()
    return bucket


@pytest.fixture(scope="module")
def counterparty(databases):
    session = make_session_factory(databases[1])()
    with session.begin():
        found = Counterparty(name="ООО «Ромашка»", tax_id=TAX_ID, email="office@romashka.test", status="active",
                             created_by=uuid.uuid4())
        session.add(found)
    yield found
    session.close()


class Counterparties:
    """The counterparties service's match_sender, on its real database (no broker here)."""

    def __init__(self, engine):
        self.engine = engine

    def match_sender(self, query):
        session = make_session_factory(self.engine)()
        try:
            found = sender_match.match(session, **sender_match.SenderQuerySchema().load(query))
            return None if found is None else sender_match.SenderMatchSchema().dump(found)
        finally:
            session.close()


def replica(databases, storage):
    """An intake service's instance as nameko would give it its dependencies."""
    service = IntakeService()
    service.db = make_session_factory(databases[0])()
    service.storage = storage
    service.counterparties = Counterparties(databases[1])
    service.config = {"INTAKE_LEASE_SECONDS": 300}
    return service


def make_source(databases, kind, settings, password=None):
    session = make_session_factory(databases[0])()
    admin = Actor(id=uuid.uuid4(), roles=["administrator"])
    with session.begin():
        source = rules.create_source(session, data={"name": f"{kind} {uuid.uuid4().hex[:6]}", "kind": kind,
                                                    "settings": settings, "password": password}, actor=admin)
    session.close()
    return source.id


def append(server, subject, sender, attachment=None):
    message = email.message.EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, server.user, subject
    message.set_content(f"Добрый день!\nНаше письмо Исх. № 55/7 от 02.12.2026.\nИНН {TAX_ID}\n")
    if attachment:
        message.add_attachment(attachment, maintype="application", subtype="pdf", filename="Письмо.pdf")
    connection = imaplib.IMAP4_SSL("127.0.0.1", server.port, ssl_context=ssl.create_default_context(
        cafile=str(server.cert)))
    connection.login(server.user, server.password)
    status, _ = connection.append("INBOX", None, None, message.as_bytes())
    assert status == "OK"
    connection.logout()


def mailbox_counts(server):
    connection = imaplib.IMAP4_SSL("127.0.0.1", server.port, ssl_context=ssl.create_default_context(
        cafile=str(server.cert)))
    connection.login(server.user, server.password)
    counts = {}
    for name in ("INBOX", "Processed"):
        status, data = connection.select(f'"{name}"', readonly=True)
        counts[name] = int(data[0]) if status == "OK" else None
    connection.logout()
    return counts


def items_of(databases, source_id):
    session = make_session_factory(databases[0])()
    try:
        return session.scalars(select(Item).where(Item.source_id == source_id).order_by(Item.received_at)).all()
    finally:
        session.close()


def test_mail_with_a_pdf_becomes_one_draft_even_with_two_replicas_and_a_restart(
        imap_server, databases, storage, counterparty):
    source_id = make_source(databases, "imap", imap_server.settings(), password=imap_server.password)
    for n in range(3):
        append(imap_server, f"Письмо {n}", "Ромашка <Office@Romashka.test>", attachment=PDF)
    first, second = replica(databases, storage), replica(databases, storage)

    barrier = threading.Barrier(2)

    def poll(service):
        barrier.wait()
        service.poll()

    threads = [threading.Thread(target=poll, args=(service,)) for service in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    items = items_of(databases, source_id)
    assert [item.subject for item in items] == ["Письмо 0", "Письмо 1", "Письмо 2"]
    assert mailbox_counts(imap_server) == {"INBOX": 0, "Processed": 3}
    item = items[0]
    assert item.sender_email == "office@romashka.test"
    assert item.suggestions["counterparty_id"] == str(counterparty.id)
    assert item.suggestions["matched_by"] == "email"
    assert item.suggestions["sender_number"] == "55/7" and item.suggestions["document_date"] == "2026-12-02"
    assert [(f.filename, f.content_type, f.size) for f in item.files] == [("Письмо.pdf", "application/pdf", len(PDF))]
    assert storage.exists(item.files[0].object_key)
    session = make_session_factory(databases[0])()
    asked = session.scalars(select(outbox.table.c.payload).where(
        outbox.table.c.event_type == "intake_file.received")).all()
    assert {row["version_id"] for row in asked} >= {str(f.id) for i in items for f in i.files}

    # a restart (a new process) and a new poll: nothing taken twice
    restarted = replica(databases, storage)
    restarted.poll()
    assert len(items_of(databases, source_id)) == 3
    assert session.scalar(select(func.count()).select_from(Received).where(Received.source_id == source_id)) == 3
    session.close()


def test_a_message_committed_but_not_moved_is_moved_not_taken_again(imap_server, databases, storage, counterparty):
    """A process that died between the commit and the MOVE: the next poll only moves it."""
    source_id = make_source(databases, "imap", imap_server.settings(processed_mailbox="Done"),
                            password=imap_server.password)
    append(imap_server, "Без вложения", "someone@else.test")
    service = replica(databases, storage)
    moves = []
    original = service.poll_source

    def dying(source):
        from intake import mailbox
        real_move = mailbox.Mailbox.move_away
        mailbox.Mailbox.move_away = lambda self, uid: moves.append(uid) or (_ for _ in ()).throw(OSError("killed"))
        try:
            return original(source)
        finally:
            mailbox.Mailbox.move_away = real_move

    service.poll_source = dying
    service.poll()
    assert moves and len(items_of(databases, source_id)) == 1
    replica(databases, storage).poll()
    items = items_of(databases, source_id)
    assert len(items) == 1
    assert items[0].files[0].filename == "message.eml"
    assert "suggestions" and items[0].suggestions.get("counterparty_id") == str(counterparty.id)  # by the tax id
    assert items[0].suggestions["matched_by"] == "tax_id"


def test_folder_file_becomes_a_draft_and_moves_to_processed(tmp_path, databases, storage):
    inbox = tmp_path / "scanner"
    inbox.mkdir()
    source_id = make_source(databases, "folder", {"path": str(inbox), "settle_seconds": 0})
    (inbox / "скан 001.pdf").write_bytes(PDF)
    (inbox / ".partial").write_bytes(b"being written")
    replica(databases, storage).poll()
    items = items_of(databases, source_id)
    assert [(i.subject, [f.filename for f in i.files]) for i in items] == [("скан 001", ["скан 001.pdf"])]
    assert sorted(os.listdir(inbox)) == [".partial", "processed"]
    assert os.listdir(inbox / "processed") == ["скан 001.pdf"]
    time.sleep(0.01)
    replica(databases, storage).poll()
    assert len(items_of(databases, source_id)) == 1


def test_the_text_read_of_a_scan_suggests_the_counterparty_by_its_tax_id(tmp_path, databases, storage,
                                                                         counterparty):
    """The texts service's reading (file_text.extracted) of a folder's scan: the text is kept,
    the thumbnail noted, the counterparty found by the tax id the OCR read."""
    import types
    inbox = tmp_path / "scans"
    inbox.mkdir()
    source_id = make_source(databases, "folder", {"path": str(inbox), "settle_seconds": 0})
    (inbox / "scan.pdf").write_bytes(PDF)
    service = replica(databases, storage)
    service.poll()
    item = items_of(databases, source_id)[0]
    assert "counterparty_id" not in item.suggestions and item.texts_pending == 1
    file = item.files[0]
    payload = {"document_id": str(item.id), "file_id": str(file.id), "version_id": str(file.id), "state": "done",
               "reason": None, "method": "ocr", "pages": 1, "attempts": 1, "extracted_at": "2026-12-07T10:00:00+00:00",
               "text": f"ООО «Ромашка»\nИНН {TAX_ID}\nИсх. № 9/1 от 04.12.2026\nПросим поставить щебень",
               "rendition": {"key": f"derived/{item.id}/{file.id}/searchable.pdf", "content_type": "application/pdf",
                             "size": 1, "sha256": "0" * 64},
               "thumbnail": {"key": f"derived/{item.id}/{file.id}/thumbnail.png", "content_type": "image/png",
                             "size": 1, "sha256": "0" * 64}}
    handler = IntakeService.on_file_text_extracted.__wrapped__
    with service.db.begin():
        handler(service, service.db, types.SimpleNamespace(payload=payload))
    with service.db.begin():  # the same reading again (an event sent twice) changes nothing
        handler(service, service.db, types.SimpleNamespace(payload=payload))
    item = items_of(databases, source_id)[0]
    assert item.texts_pending == 0 and "щебень" in item.text and item.text.count("щебень") == 1
    assert item.suggestions["counterparty_id"] == str(counterparty.id)
    assert item.suggestions["matched_by"] == "tax_id"
    assert (item.suggestions["sender_number"], item.suggestions["document_date"]) == ("9/1", "2026-12-04")
    assert item.files[0].thumbnail_key.endswith("thumbnail.png") and item.files[0].text_state == "done"


def test_a_discard_is_audited_and_the_chain_verifies(tmp_path, databases, storage):
    inbox = tmp_path / "discards"
    inbox.mkdir()
    source_id = make_source(databases, "folder", {"path": str(inbox), "settle_seconds": 0})
    (inbox / "spam.pdf").write_bytes(PDF)
    replica(databases, storage).poll()
    item = items_of(databases, source_id)[0]
    from intake import logic
    from intake.exceptions import Conflict, InvalidInput, PermissionDenied
    secretary = Actor(id=uuid.uuid4(), roles=["secretary"], permissions=["register_documents"])
    manager = Actor(id=uuid.uuid4(), roles=["manager"])
    session = make_session_factory(databases[0])()
    with pytest.raises(PermissionDenied), session.begin():
        logic.discard(session, item_id=item.id, actor=manager, reason="spam")
    with pytest.raises(InvalidInput), session.begin():
        logic.discard(session, item_id=item.id, actor=secretary, reason="  ")
    with session.begin():
        logic.discard(session, item_id=item.id, actor=secretary, reason="spam")
    with pytest.raises(Conflict), session.begin():
        logic.discard(session, item_id=item.id, actor=secretary, reason="again")
    entries, total = logic.audit_entries(session, actor=secretary, record_type="intake_item", record_id=item.id)
    assert total == 1 and entries[0]["action"] == "discarded" and entries[0]["actor_id"] == secretary.id
    auditor = Actor(id=uuid.uuid4(), roles=["administrator"], permissions=["view_audit"])
    assert logic.verify_audit(session, actor=auditor)["intact"] is True
    session.close()


@pytest.fixture
def own_bucket(s3_server):
    """A bucket of this test alone: a sweep takes whatever no item of its database names."""
    bucket = Storage.from_config({"S3_ENDPOINT": s3_server.s3_endpoint, "S3_ACCESS_KEY": s3_server.s3_access_key,
                                  "S3_SECRET_KEY": s3_server.s3_secret_key,
                                  "S3_BUCKET": f"intake-sweep-{uuid.uuid4().hex[:8]}"})
    bucket.ensure_bucket()
    return bucket


def test_files_of_a_process_that_died_before_its_item_committed_are_swept(tmp_path, databases, own_bucket,
                                                                         monkeypatch):
    storage = own_bucket
    inbox = tmp_path / "scanner"
    inbox.mkdir()
    source_id = make_source(databases, "folder", {"path": str(inbox), "settle_seconds": 0})
    (inbox / "скан 002.pdf").write_bytes(PDF)
    replica(databases, storage).poll()
    kept = [f.object_key for item in items_of(databases, source_id) for f in item.files]

    def died(*args, **kwargs):  # the files are stored; the process ends before the item's commit
        raise RuntimeError("killed")
    monkeypatch.setattr(logic, "take_in", died)
    (inbox / "скан 003.pdf").write_bytes(PDF)
    replica(databases, storage).poll()
    monkeypatch.undo()
    orphans = [key for key, _ in storage.keys("intake/") if key not in kept]
    assert len(kept) == 1 and len(orphans) == 1 and all(storage.exists(key) for key in kept + orphans)
    elsewhere = f"documents/{uuid.uuid4()}/{uuid.uuid4()}"
    storage.client.put_object(storage.bucket, elsewhere, io.BytesIO(b"not intake's"), 12)

    session = make_session_factory(databases[0])()
    try:
        assert logic.sweep_orphans(session, storage=storage) == 0  # within the day's grace: still being written?
        assert logic.sweep_orphans(session, storage=storage, older_than=timedelta(0)) == len(orphans)
    finally:
        session.close()
    assert not any(storage.exists(key) for key in orphans)
    assert all(storage.exists(key) for key in kept) and storage.exists(elsewhere)
    # the file is still in the scanner's folder: taken in at the next poll
    replica(databases, storage).poll()
    assert [f.filename for item in items_of(databases, source_id) for f in item.files] == ["скан 002.pdf",
                                                                                        "скан 003.pdf"]
