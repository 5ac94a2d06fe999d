"""The in-app inbox: what each employee is told, and what they have read.

A notification is seen by its recipient only, whatever their role (docs/permissions.md).
"""
import uuid
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import cast, func, select, text, update
from sqlalchemy.dialects.postgresql import JSONPATH, insert

from chancery_common.audit import CHAIN_LOCK, GENESIS, _canonical, diff, row_hash
from chancery_common.paging import page, page_counted
from chancery_common.values import as_uuid

from . import channels, events
from .exceptions import InvalidInput, NotFound, PermissionDenied
from .models import Delivery, Department, Employee, Notification, Preference, audit_log

# The kinds of notifications, as employees choose them in their preferences.
KINDS = {
    "approval.task_assigned": "An approval task for me",
    "approval.overdue": "An approval is overdue",
    "approval.finished": "My approval finished",
    "approval.returned": "A document returned for revision",
    "approval.stage_waiting": "An approval stage waits for approvers",
    "approval.extension_requested": "An approver asks for more time",
    "approval.extension_decided": "My request for more time was decided",
    "reminder.document": "Document date reminders",
    "reminder.manual": "Reminders set by hand",
    "reminder.activity": "Planned contacts",
    "activity.invitation": "Activities others plan for me (with a calendar invitation)",
    "reminder.important_date": "Contact persons' important dates",
    "reminder.approval_deadline": "Approval deadlines",
    "reminder.paper_copy": "Paper copies not returned",
    "reminder.contract": "Contract milestones and payments",
    "digest": "The daily digest",
}
DEFAULT_CHANNELS = ("email",)

# settings of delivery (SMTP, public URL, retries); the service sets them from its config
SETTINGS = {}


def configure(settings):
    SETTINGS.clear()
    SETTINGS.update({key: value for key, value in (settings or {}).items() if value not in (None, "")})

# The fields of a notification its "created" audit row lists; its title, body and data may
# name people, and the log keeps no personal data.
AUDITED_FIELDS = ("recipient_id", "kind", "subject_type", "subject_id", "counterparty_id", "source_event_id")


def notify(session, *, recipient_id, kind, title, body="", link=None, subject_type=None,
           subject_id=None, counterparty_id=None, data=None, source_event_id=None, now=None):
    """Put a notification in an inbox once per (event, recipient, kind); None if already there.

    It is also queued on the channels the recipient wants for its kind (e-mail by default),
    after their quiet hours, unless they take that kind in their daily digest instead.
    """
    return notify_many(session, [dict(
        recipient_id=recipient_id, kind=kind, title=title, body=body, link=link, subject_type=subject_type,
        subject_id=subject_id, counterparty_id=counterparty_id, data=data, source_event_id=source_event_id)],
        now=now)[0]


def notify_many(session, items, now=None):
    """``notify`` for many notifications at once, in a few statements (the reminder engine's
    batches); the id of each one put in an inbox, None for those already there."""
    if not items:
        return []
    created_at = now or datetime.now(timezone.utc)
    rows = [{"id": uuid.uuid4(), "recipient_id": as_uuid(i["recipient_id"]), "kind": i["kind"],
             "title": i["title"][:500], "body": i.get("body") or "", "link": i.get("link"),
             "subject_type": i.get("subject_type"), "subject_id": as_uuid(i.get("subject_id")),
             "counterparty_id": as_uuid(i.get("counterparty_id")), "data": i.get("data") or {},
             "source_event_id": as_uuid(i.get("source_event_id")), "created_at": created_at} for i in items]
    inserted = set(session.scalars(insert(Notification).on_conflict_do_nothing().returning(Notification.id),
                                   rows).all())
    made = [row for row in rows if row["id"] in inserted]
    if not made:
        return [None] * len(rows)
    _audit_created(session, made)
    events.record_many(session, events.NOTIFICATION_SENT, [{
        "notification_id": row["id"], "recipient_id": row["recipient_id"], "kind": row["kind"], "channel": "inbox",
        "subject_type": row["subject_type"], "subject_id": row["subject_id"],
        "counterparty_id": row["counterparty_id"]} for row in made])
    recipients = {row["recipient_id"] for row in made}
    preferences = {p.employee_id: p for p in session.scalars(
        select(Preference).where(Preference.employee_id.in_(recipients)))}
    employees = {e.id: e for e in session.scalars(select(Employee).where(Employee.id.in_(recipients)))}
    active = channels.active_channels(SETTINGS)
    deliveries = []
    for row in made:
        preference = preferences.get(row["recipient_id"])
        employee = employees.get(row["recipient_id"])
        not_before = None
        for name in channels_for(preference, row["kind"]):
            channel = active.get(name)
            address = channel.address_of(employee) if channel else None
            if address is None:
                continue
            if not_before is None:
                not_before = quiet_until(employee, preference, now) or datetime.now(timezone.utc)
            deliveries.append({"id": uuid.uuid4(), "notification_id": row["id"], "recipient_id": row["recipient_id"],
                               "channel": name, "address": address, "state": "pending", "attempts": 0,
                               "next_attempt_at": not_before, "created_at": datetime.now(timezone.utc), "log": []})
    if deliveries:
        session.execute(insert(Delivery).on_conflict_do_nothing(), deliveries)
    return [row["id"] if row["id"] in inserted else None for row in rows]


def _audit_created(session, made):
    """One "created" row per notification, chained as ``audit_log.record`` chains them, in one statement."""
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
    table = audit_log.table
    prev = session.execute(select(table.c.hash).order_by(table.c.id.desc()).limit(1)).scalar() or GENESIS
    entries = []
    for row in made:
        created = {name: row[name] for name in AUDITED_FIELDS}
        entry = {"occurred_at": datetime.now(timezone.utc), "actor_id": None, "on_behalf_of": None,
                 "action": "created", "record_type": "notification", "record_id": row["id"],
                 "changes": _canonical(diff({}, created, AUDITED_FIELDS))}
        entry["prev_hash"], entry["hash"] = prev, row_hash(entry, prev)
        prev = entry["hash"]
        entries.append(entry)
    session.execute(table.insert(), entries)


# Preferences.

def channels_for(preference, kind):
    """The channels (besides the inbox) the employee wants this kind by; none if it goes in the digest."""
    if preference is None:
        return list(DEFAULT_CHANNELS)
    if kind in (preference.digest_kinds or []) and kind != "digest":
        return []
    chosen = (preference.channels or {}).get(kind)
    return list(DEFAULT_CHANNELS) if chosen is None else list(chosen)


def zone_of(employee):
    try:
        return ZoneInfo(employee.time_zone) if employee is not None and employee.time_zone else ZoneInfo("UTC")
    except (KeyError, ValueError):
        return ZoneInfo("UTC")


def after_quiet_hours(session, recipient_id, preference, now=None):
    """The moment the employee's quiet hours end, if ``now`` falls in them; else None."""
    return quiet_until(session.get(Employee, recipient_id), preference, now)


def quiet_until(employee, preference, now=None):
    if preference is None or preference.quiet_start is None or preference.quiet_end is None:
        return None
    zone = zone_of(employee)
    local = (now or datetime.now(timezone.utc)).astimezone(zone)
    start, end, clock = preference.quiet_start, preference.quiet_end, local.time()
    overnight = start > end
    quiet = (clock >= start or clock < end) if overnight else (start <= clock < end)
    if not quiet:
        return None
    end_day = local.date() + timedelta(days=1) if overnight and clock >= start else local.date()
    return datetime.combine(end_day, end, tzinfo=zone).astimezone(timezone.utc)


PREFERENCE_FIELDS = ("channels", "digest_kinds", "quiet_start", "quiet_end", "digest_enabled", "digest_hour",
                     "activity_minutes")


def get_preferences(session, *, actor):
    """The actor's preferences (the defaults until they save some)."""
    preference = session.get(Preference, actor.id)
    if preference is None:
        preference = Preference(employee_id=actor.id, channels={}, digest_kinds=[], quiet_start=None,
                                quiet_end=None, digest_enabled=True, digest_hour=8, activity_minutes=15)
    return preference


def save_preferences(session, *, actor, data):
    """Replace the actor's preferences (a field left out takes its default)."""
    unknown = sorted(set(data.get("channels") or {}) - set(KINDS))
    if unknown:
        raise InvalidInput("unknown kinds of notification", {"channels": [f"Unknown kind: {k}" for k in unknown]})
    bad = sorted(set(data.get("digest_kinds") or []) - set(KINDS))
    if bad:
        raise InvalidInput("unknown kinds of notification", {"digest_kinds": [f"Unknown kind: {k}" for k in bad]})
    for kind, chosen in (data.get("channels") or {}).items():
        off = sorted(set(chosen) - set(channels.CHANNELS))
        if off:
            raise InvalidInput("unknown channel", {"channels": [f"Unknown channel for {kind}: {c}" for c in off]})
    if (data.get("quiet_start") is None) != (data.get("quiet_end") is None):
        raise InvalidInput("quiet hours need a start and an end", {"quiet_end": ["Give both ends of quiet hours."]})
    preference = session.get(Preference, actor.id)
    before = {} if preference is None else {name: getattr(preference, name) for name in PREFERENCE_FIELDS}
    if preference is None:
        preference = Preference(employee_id=actor.id)
        session.add(preference)
    for name in PREFERENCE_FIELDS:
        setattr(preference, name, data.get(name))
    for name, default in (("channels", {}), ("digest_kinds", []), ("digest_enabled", True), ("digest_hour", 8),
                          ("activity_minutes", 15)):
        if getattr(preference, name) is None:
            setattr(preference, name, default)
    preference.updated_at = datetime.now(timezone.utc)
    after = {name: getattr(preference, name) for name in PREFERENCE_FIELDS}
    audit_log.record(session, actor_id=actor.id, action="updated" if before else "created",
                     record_type="preference", record_id=actor.id,
                     changes=diff(_plain(before), _plain(after), PREFERENCE_FIELDS))
    session.flush()
    return preference


def _plain(values):
    return {k: v.isoformat() if isinstance(v, time) else v for k, v in values.items()}


def visible_to(actor):
    """The SQL condition on notifications that selects those the actor may see: their own."""
    return Notification.recipient_id == actor.id


def list_notifications(session, *, actor, unread_only=False, kind=None, counterparty_id=None,
                       limit=50, offset=0):
    """The actor's own notifications, newest first; with a counterparty, those about it."""
    query = select(Notification).where(visible_to(actor))
    if counterparty_id is not None:
        query = query.where(Notification.counterparty_id == counterparty_id)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    if kind:  # a kind, or a family of kinds ("approval", "reminder")
        query = query.where((Notification.kind == kind) | Notification.kind.startswith(kind + ".", autoescape=True))
    # one counterparty's notifications are few: counted in the same query
    paged = page_counted if counterparty_id is not None else page
    return paged(session, query, order_by=(Notification.created_at.desc(), Notification.id), limit=limit,
                 offset=offset)


def unread_count(session, *, actor):
    return session.scalar(select(func.count()).where(
        Notification.recipient_id == actor.id, Notification.read_at.is_(None)))


def get_notification(session, *, notification_id, actor):
    """The notification, or NotFound when it does not exist or is someone else's."""
    notification = session.scalars(select(Notification).where(
        Notification.id == notification_id, visible_to(actor))).first()
    if notification is None:
        raise NotFound(f"notification {notification_id} not found")
    return notification


def mark_read(session, *, actor, notification_id):
    """Mark one of the actor's notifications read; the first read time stays."""
    notification = get_notification(session, notification_id=notification_id, actor=actor)
    if notification.read_at is None:
        notification.read_at = datetime.now(timezone.utc)
    return notification


def mark_all_read(session, *, actor):
    result = session.execute(update(Notification).where(
        Notification.recipient_id == actor.id, Notification.read_at.is_(None),
    ).values(read_at=datetime.now(timezone.utc)))
    return result.rowcount



# Access, the audit log and personal data.

def explain_access(session, *, asked_by, actor, record_id):
    """Whether the actor sees the notification, and the rule that decides it, as a sentence."""
    if not asked_by.has_role("administrator"):
        raise PermissionDenied("only administrators may ask why an employee sees a record")
    notification = session.get(Notification, record_id)
    if notification is None:
        raise NotFound(f"notification {record_id} not found")
    if notification.recipient_id == actor.id:
        return {"visible": True, "reasons": ["They are its recipient."]}
    return {"visible": False, "reasons": [
        "Only its recipient sees a notification, whatever their role, and they are not its recipient."]}


def audit_entries(session, *, actor, **query):
    """Audit rows newest first: of a record the actor sees, or of the whole log with view_audit."""
    checks = {"notification": lambda record_id: get_notification(session, notification_id=record_id, actor=actor)}
    return audit_log.readable(session, actor=actor, checks=checks, **query)


def verify_audit(session, *, actor):
    """Whether the audit chain is whole, and the first row that breaks it."""
    return audit_log.verified(session, actor=actor)


def _referencing(contact_person_id):
    """The condition on notifications whose data names the contact person's id, at any depth."""
    return func.jsonb_path_exists(Notification.data, cast("$.** ? (@ == $id)", JSONPATH),
                                  func.jsonb_build_object("id", str(contact_person_id)))


def process_erasure(session, *, event):
    """A contact person was erased: empty the data and body of every notification about them."""
    p = event.payload
    contact_person_id, erased_by = as_uuid(p["contact_person_id"]), as_uuid(p.get("erased_by"))
    scrubbed = session.scalars(
        update(Notification).where(_referencing(contact_person_id))
        .values(data={}, body="").returning(Notification.id)).all()
    for notification_id in scrubbed:
        audit_log.record(session, actor_id=erased_by, action="personal_data_erased", record_type="notification",
                         record_id=notification_id, changes={"data": {"changed": True}, "body": {"changed": True}})
    audit_log.erasure_processed(session, event=event, records_removed=len(scrubbed),
                                notification_ids=sorted(str(i) for i in scrubbed))
    return scrubbed


def export_personal_data(session, *, actor, contact_person_id):
    """Every notification whose data names the contact person, and the audit rows about them.

    Reading them is a read of personal data, so it is audited.
    """
    records = session.scalars(select(Notification).where(_referencing(contact_person_id))
                              .order_by(Notification.created_at, Notification.id)).all()
    audit_log.record(session, actor_id=actor.id, action="personal_data_exported", record_type="contact_person",
                     record_id=contact_person_id, changes={"notification_ids": [str(n.id) for n in records]})
    return {"service": "notifications", "records": records,
            "audit_entries": audit_log.about_contact_person(session, contact_person_id)}


def with_sub_departments(session, department_ids):
    """The departments and every department inside them (at any depth), from staff's tree."""
    ids = {_as_uuid(department_id) for department_id in department_ids}
    if not ids:
        return set()
    tree = select(Department.id).where(Department.id.in_(ids)).cte("tree", recursive=True)
    tree = tree.union(select(Department.id).where(Department.parent_id == tree.c.id))
    return ids | set(session.scalars(select(tree.c.id)))


def _as_uuid(value):
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))

