"""The notifications service's own tables."""
import uuid
from datetime import datetime

from datetime import date, time

from sqlalchemy import Boolean, Date, DateTime, Index, Integer, String, Text, Time, UniqueConstraint, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from chancery_common.audit import AuditLog
from chancery_common.consumer import ProcessedEvents
from chancery_common.outbox import Outbox
from chancery_common.values import utcnow  # noqa: F401  (the models' default moment)


class Base(DeclarativeBase):
    pass



class Notification(Base):
    """One message in one employee's inbox."""

    __tablename__ = "notifications"
    __table_args__ = (
        UniqueConstraint("source_event_id", "recipient_id", "kind"),
        Index("ix_notifications_unread", "recipient_id", postgresql_where=text("read_at IS NULL")),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    recipient_id: Mapped[uuid.UUID] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str | None] = mapped_column(String(500))
    subject_type: Mapped[str | None] = mapped_column(String(40))
    subject_id: Mapped[uuid.UUID | None]
    counterparty_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    data: Mapped[dict] = mapped_column(JSONB, default=dict)
    source_event_id: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


# Projections of other services' records, kept from their events.

class Employee(Base):
    """An employee as staff's events describe them: where to write and in which time zone."""

    __tablename__ = "employees"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str | None] = mapped_column(String(320))
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    locale: Mapped[str] = mapped_column(String(16), default="en")
    department_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    roles: Mapped[list] = mapped_column(JSONB, default=list)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class Department(Base):
    __tablename__ = "departments"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    parent_id: Mapped[uuid.UUID | None]
    head_id: Mapped[uuid.UUID | None]


class Counterparty(Base):
    """A counterparty's responsible employee: a recipient of reminders about it."""

    __tablename__ = "counterparties"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500), default="")
    responsible_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    merged_into: Mapped[uuid.UUID | None]


class Document(Base):
    """A document card's dates and status, from every document.* event."""

    __tablename__ = "documents"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    document_type_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    number: Mapped[str | None] = mapped_column(String(100))
    counterparty_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(40), default="draft")
    responsible_id: Mapped[uuid.UUID | None]
    department_id: Mapped[uuid.UUID | None]
    dates: Mapped[dict] = mapped_column(JSONB, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Activity(Base):
    """A planned contact (for the daily agenda)."""

    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_agenda", "responsible_id", "planned_at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    counterparty_id: Mapped[uuid.UUID | None]
    responsible_id: Mapped[uuid.UUID]
    kind: Mapped[str] = mapped_column(String(40), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    planned_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    state: Mapped[str] = mapped_column(String(20), default="planned")


class ActivityInvitation(Base):
    """The calendar invitation one employee was last sent for an activity someone else planned
    for them (invitations.py): its version, and what a cancellation must name again."""

    __tablename__ = "activity_invitations"

    activity_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    recipient_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    organizer_id: Mapped[uuid.UUID]
    method: Mapped[str] = mapped_column(String(10))  # REQUEST | CANCEL
    sequence: Mapped[int] = mapped_column(Integer)
    counterparty_id: Mapped[uuid.UUID | None]
    kind: Mapped[str] = mapped_column(String(40), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    planned_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ApprovalTask(Base):
    """An open approval task (for the digest's "my approvals" and deadline reminders)."""

    __tablename__ = "approval_tasks"
    __table_args__ = (Index("ix_approval_tasks_approver", "approver_id", "state"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    approval_id: Mapped[uuid.UUID] = mapped_column(index=True)
    document_id: Mapped[uuid.UUID | None]
    approver_id: Mapped[uuid.UUID]
    label: Mapped[str] = mapped_column(String(600), default="")
    due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    state: Mapped[str] = mapped_column(String(20), default="open")


# Reminders: configured schemes, and the rows the engine fires.

class ReminderScheme(Base):
    """Reminders for every document of a type, relative to one of its date fields.

    ``offsets``: days relative to the date (-30 = 30 days before, 0 = on the day, 3 = three
    days after); ``recipients``: {"responsible": bool, "counterparty_responsible": bool,
    "employee_ids": [...], "department_ids": [...], "roles": [...]}; ``stop_statuses``: no
    reminder fires once the document has reached one of them.
    """

    __tablename__ = "reminder_schemes"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    document_type_id: Mapped[uuid.UUID] = mapped_column(index=True)
    name: Mapped[str] = mapped_column(String(200))
    date_field: Mapped[str] = mapped_column(String(100))
    offsets: Mapped[list] = mapped_column(JSONB, default=list)
    at_time: Mapped[time] = mapped_column(Time, default=time(9, 0))
    recipients: Mapped[dict] = mapped_column(JSONB, default=dict)
    stop_statuses: Mapped[list] = mapped_column(JSONB, default=list)
    message: Mapped[str] = mapped_column(Text, default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[uuid.UUID | None]
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Reminder(Base):
    """One reminder to one employee at one moment; fired once.

    ``source`` names what planned it (e.g. ``scheme:<id>:<document id>``, ``activity:<id>``)
    and ``occurrence`` which of its offsets; recalculating a source is an idempotent
    upsert of its wanted rows and a delete of its pending rows no longer wanted.
    """

    __tablename__ = "reminders"
    __table_args__ = (
        UniqueConstraint("source", "occurrence", "recipient_id", "due_at", name="uq_reminders_occurrence"),
        Index("ix_reminders_due", "due_at", postgresql_where=text("state = 'pending'")),
        Index("ix_reminders_subject", "subject_type", "subject_id"),
        Index("ix_reminders_source", "source"),
        Index("ix_reminders_recipient", "recipient_id", "due_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(200))
    occurrence: Mapped[str] = mapped_column(String(60), default="")
    recipient_id: Mapped[uuid.UUID]
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    subject_type: Mapped[str | None] = mapped_column(String(40))
    subject_id: Mapped[uuid.UUID | None]
    counterparty_id: Mapped[uuid.UUID | None]
    title: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str | None] = mapped_column(String(500))
    payload: Mapped[dict] = mapped_column(JSONB, default=dict)
    state: Mapped[str] = mapped_column(String(20), default="pending")
    created_by: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    fired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    notification_id: Mapped[uuid.UUID | None]


# Delivery beyond the inbox.

class Preference(Base):
    """How one employee wants to be told: channels per kind, quiet hours, the daily digest."""

    __tablename__ = "preferences"

    employee_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    channels: Mapped[dict] = mapped_column(JSONB, default=dict)
    digest_kinds: Mapped[list] = mapped_column(JSONB, default=list)
    quiet_start: Mapped[time | None] = mapped_column(Time)
    quiet_end: Mapped[time | None] = mapped_column(Time)
    digest_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    digest_hour: Mapped[int] = mapped_column(Integer, default=8)
    activity_minutes: Mapped[int] = mapped_column(Integer, default=15)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Delivery(Base):
    """One notification to send through one channel: retried with backoff until sent."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("notification_id", "channel", name="uq_deliveries_notification_channel"),
        Index("ix_deliveries_pending", "next_attempt_at", postgresql_where=text("state = 'pending'")),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    notification_id: Mapped[uuid.UUID] = mapped_column(index=True)
    recipient_id: Mapped[uuid.UUID]
    channel: Mapped[str] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(320))
    state: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    log: Mapped[list] = mapped_column(JSONB, default=list)


class Digest(Base):
    """The daily digest of one employee for one local date: made once, whatever the replicas."""

    __tablename__ = "digests"
    __table_args__ = (UniqueConstraint("employee_id", "local_date", name="uq_digests_employee_date"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    employee_id: Mapped[uuid.UUID]
    local_date: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    notification_id: Mapped[uuid.UUID | None]


outbox = Outbox(Base.metadata)
processed_events = ProcessedEvents(Base.metadata)
audit_log = AuditLog(Base.metadata)
