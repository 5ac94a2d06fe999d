"""The review queue: items taken in from the sources, their suggestions as their text
arrives, and the secretary's decision (registered through the documents service, or
discarded with a reason). Sources and their rules are in rules.py; the registration's calls
to the documents service in registration.py.

Who may do what (docs/permissions.md, "Intake"): the queue is seen and decided by whoever
may register documents (``register_documents``); sources and rules by administrators.
"""
import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert

from . import events, suggestions
from .exceptions import Conflict, InvalidInput, NotFound, PermissionDenied
from .models import Item, ItemFile, Received, audit_log

PERMISSION = "register_documents"
STATUSES = ("new", "registering", "registered", "discarded")


def utcnow():
    return datetime.now(timezone.utc)


def ensure_may_review(actor):
    if not (actor.may(PERMISSION) or actor.has_role("administrator")):
        raise PermissionDenied("your roles do not allow registering documents", {"permission": PERMISSION})


# Taking in (the pollers in service.py: no transaction is open while they read a source).

def already_received(session, *, source_id, identity):
    """The record of a thing this source took in before, or None."""
    return session.scalar(select(Received).where(Received.source_id == source_id, Received.identity == identity))


def take_in(session, *, source, incoming, item_id, stored, suggested):
    """Record an item with its stored files and what the source took in (one transaction),
    and ask the texts service to read each file. Returns the item, or None when another
    process took the same thing in first (the unique identity per source)."""
    taken = session.execute(
        insert(Received).values(id=uuid.uuid4(), source_id=source.id, identity=incoming.identity, item_id=item_id,
                                received_at=utcnow())
        .on_conflict_do_nothing(constraint="uq_received_source_identity").returning(Received.id)).scalar()
    if taken is None:
        return None
    item = Item(id=item_id, source_id=source.id, status="new", sender_email=incoming.sender_email,
                sender_name=(incoming.sender_name or None) and incoming.sender_name[:300],
                subject=incoming.subject or "", body=(incoming.body or "")[:200_000], text="",
                suggestions=suggested, texts_pending=len(stored), received_at=utcnow(),
                suggested_at=utcnow())
    session.add(item)
    session.flush()
    for position, file in enumerate(stored):
        session.add(ItemFile(item_id=item.id, position=position, **file))
        events.catalog.record(session, events.INTAKE_FILE_RECEIVED, {
            "document_id": item.id, "file_id": file["id"], "version_id": file["id"],
            "object_key": file["object_key"], "filename": file["filename"], "content_type": file["content_type"],
            "size": file["size"], "sha256": file["sha256"]})
    session.flush()
    return item


def mark_moved(session, *, source_id, identity):
    session.execute(update(Received).where(Received.source_id == source_id, Received.identity == identity)
                    .values(moved_at=utcnow()))


# Suggestions: from the e-mail at once, from the files' text when the texts service has read them.

def suggest(*, subject, body, text, sender_email, match_sender):
    """The card's suggestions from everything known of an item; ``match_sender(email, tax_ids)``
    asks the counterparties service (None when it does not answer: the match is left out)."""
    found = suggestions.suggest("\n".join(part for part in (subject, body, text) if part), subject=subject)
    match = match_sender(sender_email, found["tax_ids"])
    if match:
        found.update(counterparty_id=match["id"], counterparty_name=match["name"], matched_by=match["matched_by"],
                     counterparty_tax_id=match.get("tax_id"))
    return found


def file_of_version(session, version_id):
    """The item file a texts event is about, or None (the event is about a document's file)."""
    try:
        return session.get(ItemFile, uuid.UUID(str(version_id)))
    except ValueError:
        return None


def apply_text(session, *, payload, suggested):
    """Keep what the texts service read of an item's file, and the suggestions made with it."""
    file = session.get(ItemFile, uuid.UUID(str(payload["version_id"])), with_for_update=True)
    if file is None or file.text_state != "pending":
        return None
    item = session.get(Item, file.item_id, with_for_update=True)
    file.text_state = payload["state"]
    file.thumbnail_key = (payload.get("thumbnail") or {}).get("key")
    file.rendition_key = (payload.get("rendition") or {}).get("key")
    text = (payload.get("text") or "").replace("\x00", " ").strip()
    if text:
        item.text = (item.text + "\n\n" + text).strip()[:200_000]
    item.texts_pending = max(0, item.texts_pending - 1)
    if item.status == "new":
        kept = {key: value for key, value in (item.suggestions or {}).items() if key.startswith("edited_")}
        item.suggestions = {**suggested, **kept}
        item.suggested_at = utcnow()
    return item


# The queue.

def get_item(session, *, item_id, actor):
    ensure_may_review(actor)
    item = session.get(Item, item_id)
    if item is None:
        raise NotFound(f"intake item {item_id} not found")
    return item


def list_items(session, *, actor, status=None, source_id=None, limit=50, offset=0):
    """Items of the queue, oldest first among the new ones, newest first otherwise; with the total."""
    ensure_may_review(actor)
    query = select(Item)
    if status:
        query = query.where(Item.status.in_(status))
    if source_id:
        query = query.where(Item.source_id == source_id)
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    order = (Item.received_at,) if status == ["new"] else (Item.received_at.desc(),)
    items = session.scalars(query.order_by(*order, Item.id).limit(limit).offset(offset)).all()
    return items, total


def count_new(session, *, actor):
    ensure_may_review(actor)
    return session.scalar(select(func.count()).select_from(Item).where(Item.status == "new"))


def discard(session, *, item_id, actor, reason):
    ensure_may_review(actor)
    item = session.get(Item, item_id, with_for_update=True)
    if item is None:
        raise NotFound(f"intake item {item_id} not found")
    if item.status != "new":
        raise Conflict(f"intake item {item_id} is {item.status}: only a new one can be discarded")
    if not reason.strip():
        raise InvalidInput("Invalid input: reason", {"reason": ["A reason must not be blank."]})
    item.status, item.decided_by, item.decided_at, item.discard_reason = "discarded", actor.id, utcnow(), reason
    audit_log.record(session, actor_id=actor.id, action="discarded", record_type="intake_item", record_id=item.id,
                     changes={"status": {"from": "new", "to": "discarded"}, "reason": {"from": None, "to": reason}})
    events.catalog.record(session, events.INTAKE_ITEM_DISCARDED, {
        "item_id": item.id, "source_id": item.source_id, "reason": reason, "discarded_by": actor.id})
    return item


# Registration: claimed here, done by registration.py outside any transaction, finished here.

REGISTERING_LEASE = timedelta(minutes=5)


def claim_for_registration(session, *, item_id, actor):
    """Mark a new item as being registered (two clicks, two secretaries: one registers)."""
    ensure_may_review(actor)
    item = session.get(Item, item_id, with_for_update=True)
    if item is None:
        raise NotFound(f"intake item {item_id} not found")
    now = utcnow()
    stale = item.status == "registering" and (item.registering_until is None or item.registering_until < now)
    if item.status != "new" and not stale:
        raise Conflict(f"intake item {item_id} is {item.status}")
    item.status, item.registering_until, item.last_error = "registering", now + REGISTERING_LEASE, None
    return item


def registration_failed(session, *, item_id, document_id, attached, error):
    """Back to the queue with the error; a document already made is kept for the next attempt."""
    item = session.get(Item, item_id, with_for_update=True)
    item.status, item.registering_until, item.last_error = "new", None, error[:2000]
    item.document_id = document_id or item.document_id
    for file in item.files:
        if file.id in attached:
            file.attached_version_id = attached[file.id]
    return item


def registered(session, *, item_id, actor, document, attached):
    item = session.get(Item, item_id, with_for_update=True)
    item.status, item.registering_until, item.last_error = "registered", None, None
    item.document_id, item.document_number = uuid.UUID(document["id"]), document.get("number")
    item.decided_by, item.decided_at = actor.id, utcnow()
    for file in item.files:
        if file.id in attached:
            file.attached_version_id = attached[file.id]
    audit_log.record(session, actor_id=actor.id, action="registered", record_type="intake_item", record_id=item.id,
                     changes={"status": {"from": "new", "to": "registered"},
                              "document_id": {"from": None, "to": document["id"]}})
    events.catalog.record(session, events.INTAKE_ITEM_REGISTERED, {
        "item_id": item.id, "source_id": item.source_id, "document_id": item.document_id,
        "number": item.document_number, "registered_by": actor.id})
    return item


# The audit log (discards, registrations, changes of sources).

def audit_entries(session, *, actor, **query):
    """Audit rows newest first: an item's for whoever reviews the queue, any with view_audit."""
    checks = {"intake_item": lambda record_id: get_item(session, item_id=record_id, actor=actor)}
    return audit_log.readable(session, actor=actor, checks=checks, **query)


def verify_audit(session, *, actor):
    return audit_log.verified(session, actor=actor)


def sweep_orphans(session, *, storage, older_than=timedelta(days=1)):
    """Remove the files under intake/ that no item names, once older than the grace period:
    stored by a process that died before the item taking them in committed (an item is
    committed seconds after its files are stored). Returns how many were removed."""
    return storage.sweep_unnamed("intake/", lambda keys: session.scalars(
        select(ItemFile.object_key).where(ItemFile.object_key.in_(keys))), older_than=older_than)

