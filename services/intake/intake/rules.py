"""Intake sources and their rules (administrators): a watched folder or an IMAP mailbox, and
what its items become when registered (document type, journal, responsible). The IMAP
password is write-only: kept to log in, never answered, audited only as "(changed)".

Polling is leased per source: a replica takes the sources that are due (``FOR UPDATE SKIP
LOCKED``), marks them leased and commits before it reads them, so two replicas never read
one source at once and no row stays locked while a mailbox is read.
"""
from datetime import timedelta

from sqlalchemy import or_, select

from chancery_common.errors import load

from .exceptions import InvalidInput, NotFound, PermissionDenied
from .folder import FolderSettingsSchema
from .logic import utcnow
from .mailbox import ImapSettingsSchema
from .models import Source, audit_log

SETTINGS_SCHEMAS = {"folder": FolderSettingsSchema, "imap": ImapSettingsSchema}
RULE_FIELDS = ("document_type_id", "journal_id", "responsible_id")


def ensure_admin(actor):
    if not actor.has_role("administrator"):
        raise PermissionDenied("only administrators manage intake sources")


def _settings(kind, settings):
    try:
        return load(SETTINGS_SCHEMAS[kind](), settings or {})
    except InvalidInput as exc:
        raise InvalidInput(f"Invalid input: settings ({exc})", {
            f"settings.{name}": messages for name, messages in (exc.details or {}).items()}) from None


def list_sources(session, *, actor):
    ensure_admin(actor)
    return session.scalars(select(Source).order_by(Source.name, Source.id)).all()


def get_source(session, *, source_id, actor):
    ensure_admin(actor)
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"intake source {source_id} not found")
    return source


def create_source(session, *, data, actor):
    ensure_admin(actor)
    settings = _settings(data["kind"], data.get("settings"))
    if data["kind"] == "imap" and not data.get("password"):
        raise InvalidInput("Invalid input: password", {"password": ["A mailbox needs its password."]})
    source = Source(name=data["name"], kind=data["kind"], settings=settings, password=data.get("password"),
                    is_active=data.get("is_active", True), **{name: data.get(name) for name in RULE_FIELDS})
    session.add(source)
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="created", record_type="intake_source", record_id=source.id,
                     changes={"name": {"from": None, "to": source.name}, "kind": {"from": None, "to": source.kind},
                              **({"password": {"from": None, "to": "(set)"}} if source.password else {})})
    return source


def update_source(session, *, source_id, changes, actor):
    """Change a source; a password left out keeps the stored one."""
    ensure_admin(actor)
    source = session.get(Source, source_id, with_for_update=True)
    if source is None:
        raise NotFound(f"intake source {source_id} not found")
    diff = {}
    if "settings" in changes:
        settings = _settings(source.kind, changes["settings"])
        if settings != source.settings:
            diff["settings"] = {"from": source.settings, "to": settings}
            source.settings = settings
    for name in ("name", "is_active", *RULE_FIELDS):
        if name in changes and changes[name] != getattr(source, name):
            diff[name] = {"from": _plain(getattr(source, name)), "to": _plain(changes[name])}
            setattr(source, name, changes[name])
    if changes.get("password"):
        diff["password"] = {"from": "(set)" if source.password else None, "to": "(changed)"}
        source.password = changes["password"]
    if diff:
        audit_log.record(session, actor_id=actor.id, action="updated", record_type="intake_source",
                         record_id=source.id, changes=diff)
    return source


def _plain(value):
    return str(value) if value is not None and not isinstance(value, (bool, int, str)) else value


def lease_due(session, *, lease_seconds, limit=10, now=None):
    """Sources this replica reads now: active, not leased by another; leased here and returned
    as plain values (the caller commits before reading them)."""
    now = now or utcnow()
    rows = session.scalars(select(Source).where(Source.is_active.is_(True), or_(
        Source.lease_until.is_(None), Source.lease_until < now)).order_by(Source.last_polled_at.nullsfirst())
        .limit(limit).with_for_update(skip_locked=True)).all()
    leased = []
    for row in rows:
        row.lease_until = now + timedelta(seconds=lease_seconds)
        leased.append({"id": row.id, "kind": row.kind, "name": row.name, "settings": dict(row.settings),
                       "password": row.password})
    return leased


def release(session, *, source_id, error=None):
    source = session.get(Source, source_id, with_for_update=True)
    if source is not None:
        source.lease_until, source.last_polled_at, source.last_error = None, utcnow(), error
