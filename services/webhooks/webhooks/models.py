"""The webhooks service's own tables: endpoints, the events received, deliveries and attempts."""
import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger, Boolean, DateTime, ForeignKey, Identity, Index, Integer, String, Text, UniqueConstraint, text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from chancery_common.audit import AuditLog
from chancery_common.consumer import ProcessedEvents
from chancery_common.outbox import Outbox
from chancery_common.versions import version_column
from chancery_common.values import utcnow  # noqa: F401  (the models' default moment)


class Base(DeclarativeBase):
    pass



class Endpoint(Base):
    """An HTTPS address another system registered, with the event types it wants."""

    __tablename__ = "endpoints"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    # kept by SQLAlchemy: one more with every change of the row (chancery_common.versions)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}
    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str] = mapped_column(String(500), default="", server_default="")
    event_types: Mapped[list] = mapped_column(ARRAY(String(100)))
    # the signing secret (whsec_...): needed in clear to sign; shown to people once
    secret: Mapped[str] = mapped_column(String(200))
    # the secret before the last rotation, still signing (a second signature) until it expires
    previous_secret: Mapped[str | None] = mapped_column(String(200))
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    # how each event is sent: "chancery" (the envelope as JSON), "cloudevents-binary" (the
    # envelope with ce-* headers) or "cloudevents-structured" (application/cloudevents+json)
    event_format: Mapped[str] = mapped_column(String(30), default="chancery", server_default="chancery")
    created_by: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ReceivedEvent(Base):
    """An event as it came off the bus, with the exact JSON body its deliveries send."""

    __tablename__ = "received_events"

    event_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    event_type: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[int] = mapped_column(Integer)
    producer: Mapped[str] = mapped_column(String(60))
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    body: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Delivery(Base):
    """One event to one endpoint: pending until a 2xx answer, failed after the last retry."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("endpoint_id", "event_id", name="uq_deliveries_endpoint_event"),
        Index("ix_deliveries_due", "next_attempt_at", postgresql_where=text("status = 'pending'")),
        Index("ix_deliveries_endpoint_created", "endpoint_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    endpoint_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("endpoints.id", name="fk_deliveries_endpoint"))
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("received_events.event_id", name="fk_deliveries_event"))
    event_type: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending | succeeded | failed
    # failed attempts since the delivery (or its last replay) began: picks the next delay
    failures: Mapped[int] = mapped_column(Integer, default=0)
    # an administrator asked to send it again: the next attempt is logged as a replay
    replay_requested: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_status_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    endpoint: Mapped[Endpoint] = relationship(lazy="joined")
    event: Mapped[ReceivedEvent] = relationship(lazy="joined")


class Attempt(Base):
    """One HTTP request of a delivery: when, how it answered, how long it took."""

    __tablename__ = "attempts"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    delivery_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("deliveries.id", name="fk_attempts_delivery"), index=True)
    attempted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    webhook_timestamp: Mapped[int] = mapped_column(BigInteger)
    status_code: Mapped[int | None]
    error: Mapped[str | None] = mapped_column(Text)
    response_body: Mapped[str | None] = mapped_column(Text)
    duration_ms: Mapped[int] = mapped_column(Integer)
    succeeded: Mapped[bool] = mapped_column(Boolean)
    replay: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))


outbox = Outbox(Base.metadata)
processed_events = ProcessedEvents(Base.metadata)
audit_log = AuditLog(Base.metadata)
