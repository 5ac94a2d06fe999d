"""The intake service's entrypoints: the review queue and the sources over RPC, the pollers
of the sources on a timer, and the texts service's readings of the files taken in.

A source is read only by the replica holding its lease (rules.lease_due), outside any
transaction; each thing taken in is committed as an item (unique per source and identity:
taken once even across restarts and replicas) before it is moved away from the source.
"""
import hashlib
import logging
import uuid

from nameko.dependency_providers import Config
from nameko.events import event_handler
from nameko.timer import timer

from chancery_common import event_log
from chancery_common.actor import load_actor
from chancery_common.consumer import handle_once
from chancery_common.database import Database, reads_only
from chancery_common.errors import load, parse_uuid
from chancery_common.observability import Observability
from chancery_common.outbox import OutboxRelay
from chancery_common.rpc import TimedRpcProxy, rpc
from chancery_common.timers import every

from . import logic, registration, rules, schemas
from .exceptions import NotFound
from .folder import Folder
from .mailbox import Mailbox
from .models import Item, ItemFile, Source, outbox, processed_events
from .storage import ObjectStorage

log = logging.getLogger(__name__)

source_schema = schemas.SourceSchema()
item_schema = schemas.ItemSchema()
summary_schema = schemas.ItemSummarySchema(many=True)


def stored_file(storage, item_id, filename, content_type, data):
    file_id = uuid.uuid4()
    key = f"intake/{item_id}/{file_id}"
    storage.put(key, data, content_type)
    return {"id": file_id, "filename": filename[:255], "content_type": content_type[:255], "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(), "object_key": key}


class IntakeService(event_log.EventLogEntrypoints):
    name = "intake"

    db = Database()
    observability = Observability()
    relay = OutboxRelay(outbox)
    event_outbox = outbox  # its published-event log (event_log.EventLogEntrypoints)
    storage = ObjectStorage()
    config = Config()
    counterparties = TimedRpcProxy("counterparties", timeout=5)
    # registering makes a document and attaches files: a few calls, each bounded
    documents = TimedRpcProxy("documents", timeout=20, setting="INTAKE_DOCUMENTS_TIMEOUT")

    @rpc
    def ping(self):
        return "pong"

    # Sources and their rules (administrators).

    @rpc
    @reads_only
    def list_sources(self, actor):
        return source_schema.dump(rules.list_sources(self.db, actor=load_actor(actor)), many=True)

    @rpc
    @reads_only
    def get_source(self, actor, source_id):
        return source_schema.dump(rules.get_source(self.db, source_id=parse_uuid(source_id, "source_id"),
                                                   actor=load_actor(actor)))

    @rpc
    def create_source(self, actor, source):
        actor = load_actor(actor)
        data = load(schemas.SourceSchema(), source)
        with self.db.begin():
            return source_schema.dump(rules.create_source(self.db, data=data, actor=actor))

    @rpc
    def update_source(self, actor, source_id, changes):
        actor = load_actor(actor)
        data = load(schemas.SourceChangesSchema(), changes)
        with self.db.begin():
            return source_schema.dump(rules.update_source(
                self.db, source_id=parse_uuid(source_id, "source_id"), changes=data, actor=actor))

    # The review queue (whoever may register documents).

    @rpc
    @reads_only
    def list_items(self, actor, query=None):
        params = load(schemas.ItemQuerySchema(), query or {})
        items, total = logic.list_items(self.db, actor=load_actor(actor), **params)
        return {"items": summary_schema.dump(items), "total": total}

    @rpc
    @reads_only
    def count_new(self, actor):
        return logic.count_new(self.db, actor=load_actor(actor))

    @rpc
    @reads_only
    def get_item(self, actor, item_id):
        return item_schema.dump(logic.get_item(self.db, item_id=parse_uuid(item_id, "item_id"),
                                               actor=load_actor(actor)))

    @rpc
    @reads_only
    def file_link(self, actor, item_id, file_id, query=None):
        """A short-lived URL to show an item's file (or its thumbnail or searchable PDF)."""
        params = load(schemas.FileLinkQuerySchema(), query or {})
        item = logic.get_item(self.db, item_id=parse_uuid(item_id, "item_id"), actor=load_actor(actor))
        file = next((f for f in item.files if f.id == parse_uuid(file_id, "file_id")), None)
        if file is None:
            raise NotFound(f"file {file_id} not found in intake item {item_id}")
        key, content_type, filename = file.object_key, file.content_type, file.filename
        if params["variant"] == "thumbnail":
            key, content_type, filename = file.thumbnail_key, "image/png", f"{filename}.png"
        elif params["variant"] == "searchable_pdf":
            key, content_type, filename = file.rendition_key, "application/pdf", f"{filename}.pdf"
        if key is None:
            raise NotFound(f"file {file_id} has no {params['variant'].replace('_', ' ')} (yet)")
        return {"url": self.storage.presigned_get(key, filename, content_type), "content_type": content_type}

    @rpc
    def discard_item(self, actor, item_id, discard):
        actor = load_actor(actor)
        data = load(schemas.DiscardSchema(), discard)
        with self.db.begin():
            return item_schema.dump(logic.discard(self.db, item_id=parse_uuid(item_id, "item_id"), actor=actor,
                                                  reason=data["reason"]))

    @rpc
    def register_item(self, actor, item_id, request):
        """Register the draft as an incoming document (documents service) with its files."""
        actor_data, actor = actor, load_actor(actor)
        data = load(schemas.RegistrationRequestSchema(), request)
        item_id = parse_uuid(item_id, "item_id")
        with self.db.begin():
            item = logic.claim_for_registration(self.db, item_id=item_id, actor=actor)
            files = list(item.files)
        try:
            document, attached = registration.register(item=_Detached(item, files), data=data, actor_data=actor_data,
                                                       documents=self.documents, storage=self.storage)
        except Exception as exc:
            document_id, attached = getattr(exc, "done", (None, {}))
            with self.db.begin():
                logic.registration_failed(self.db, item_id=item_id, document_id=document_id and uuid.UUID(
                    str(document_id)), attached={k: uuid.UUID(str(v)) for k, v in attached.items()},
                    error=str(exc) or type(exc).__name__)
            raise
        with self.db.begin():
            done = logic.registered(self.db, item_id=item_id, actor=actor, document=document,
                                    attached={k: uuid.UUID(str(v)) for k, v in attached.items()})
            return item_schema.dump(done)

    # The audit log.

    @rpc
    def audit_entries(self, actor, query=None):
        actor = load_actor(actor)
        params = load(schemas.AuditQuerySchema(), query or {})
        items, total = logic.audit_entries(self.db, actor=actor, **params)
        return {"items": schemas.AuditEntrySchema().dump(items, many=True), "total": total}

    @rpc
    def verify_audit(self, actor):
        return logic.verify_audit(self.db, actor=load_actor(actor))

    # The texts service read a file taken in.

    @event_handler("texts", "file_text.extracted", requeue_on_error=True)
    @handle_once(processed_events)
    def on_file_text_extracted(self, session, event):
        payload = event.payload
        file = logic.file_of_version(session, payload["version_id"])
        if file is None:
            return  # a document's file: not ours
        item = session.get(Item, file.item_id)
        text = "\n\n".join(part for part in (item.text, payload.get("text") or "") if part)
        suggested = logic.suggest(subject=item.subject, body=item.body, text=text, sender_email=item.sender_email,
                                  match_sender=self.match_sender)
        logic.apply_text(session, payload=payload, suggested=suggested)

    def match_sender(self, email, tax_ids):
        """The counterparty of the sender, or None when the counterparties service does not answer
        (the suggestion is then left out; the secretary picks the counterparty)."""
        if not email and not tax_ids:
            return None
        try:
            return self.counterparties.match_sender({"email": email, "tax_ids": tax_ids[:20]})
        except Exception:  # noqa: BLE001  (a suggestion is never worth failing the intake)
            log.warning("intake: the counterparties service did not match the sender", exc_info=True)
            return None

    @timer(interval=3600)
    def sweep_orphans(self):
        """Files a process stored and died before its item committed (logic.sweep_orphans)."""
        removed = logic.sweep_orphans(self.db, storage=self.storage)
        self.db.rollback()
        if removed:
            log.info("intake: removed %d stored files no item names", removed)

    # Polling the sources.

    @every("INTAKE_POLL_SECONDS", 10)
    def poll(self):
        lease = int(self.config.get("INTAKE_LEASE_SECONDS", 300))
        with self.db.begin():
            sources = rules.lease_due(self.db, lease_seconds=lease)
        for source in sources:
            error = None
            try:
                taken = self.poll_source(source)
                if taken:
                    log.info("intake: %d item(s) from %s", taken, source["name"])
            except Exception as exc:  # noqa: BLE001  (recorded on the source, tried at the next poll)
                error = f"{type(exc).__name__}: {exc}"[:2000]
                log.warning("intake: reading %s failed: %s", source["name"], error)
            with self.db.begin():
                rules.release(self.db, source_id=source["id"], error=error)

    def poll_source(self, source):
        reader = (Mailbox(source["settings"], source["password"]) if source["kind"] == "imap"
                  else Folder(source["settings"]))
        taken = 0
        with reader:
            for handle in (reader.uids() if source["kind"] == "imap" else reader.names()):
                identity = reader.identity(handle) if source["kind"] == "imap" else None
                if identity is not None:
                    with self.db.begin():
                        known = logic.already_received(self.db, source_id=source["id"], identity=identity)
                    if known is not None:  # committed before, not moved away (a crash between)
                        reader.move_away(handle)
                        continue
                incoming = reader.fetch(handle)
                if incoming is None:
                    continue
                if self.take(source, incoming, checked=identity is not None):
                    taken += 1
                reader.move_away(handle)
                with self.db.begin():
                    logic.mark_moved(self.db, source_id=source["id"], identity=incoming.identity)
        return taken

    def take(self, source, incoming, checked=False):
        """Store the files and commit the item; False when it was taken in before (``checked``:
        the caller looked just now, before fetching it)."""
        if not checked:
            with self.db.begin():
                if logic.already_received(self.db, source_id=source["id"], identity=incoming.identity) is not None:
                    return False
        item_id = uuid.uuid4()
        stored = [stored_file(self.storage, item_id, *file) for file in incoming.files]
        suggested = logic.suggest(subject=incoming.subject, body=incoming.body, text="",
                                  sender_email=incoming.sender_email, match_sender=self.match_sender)
        with self.db.begin():
            source_row = self.db.get(Source, source["id"])
            item = logic.take_in(self.db, source=source_row, incoming=incoming, item_id=item_id, stored=stored,
                                 suggested=suggested)
        if item is None:
            for file in stored:
                self.storage.remove(file["object_key"])
        return item is not None


class _Detached:
    """An item's values for registration.register, read before its session ended."""

    def __init__(self, item, files):
        self.id, self.document_id = item.id, item.document_id
        self.files = [ItemFile(id=f.id, filename=f.filename, object_key=f.object_key,
                               attached_version_id=f.attached_version_id) for f in files]
