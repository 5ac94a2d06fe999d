"""The notifications service's own tables."""
import uuid
from datetime import datetime, timezone

from sqlalchemy import DateTime, Index, String, Text, UniqueConstraint, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from chancery_common.audit import AuditLog
from chancery_common.consumer import ProcessedEvents
from chancery_common.outbox import Outbox


class Base(DeclarativeBase):
    pass


def utcnow():
    return datetime.now(timezone.utc)


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


outbox = Outbox(Base.metadata)
processed_events = ProcessedEvents(Base.metadata)
audit_log = AuditLog(Base.metadata)
