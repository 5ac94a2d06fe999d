"""The intake service's own tables: sources (a watched folder, an IMAP mailbox) with their
rules, what each source has taken in (so nothing is taken twice), and the review queue's items
with their files."""
import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger, Boolean, CheckConstraint, DateTime, ForeignKey, Index, Integer, String, Text,
    UniqueConstraint, text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from chancery_common.audit import AuditLog
from chancery_common.consumer import ProcessedEvents
from chancery_common.outbox import Outbox
from chancery_common.values import utcnow


class Base(DeclarativeBase):
    pass


class Source(Base):
    """Where incoming correspondence comes from: ``folder`` (a path a scanner drops files into)
    or ``imap`` (a mailbox read over TLS). ``settings`` holds the kind's settings; the IMAP
    password is kept apart in ``password`` and never shown (as the LDAP bind password).

    A replica polls a source only while it holds its lease (``lease_until``): two replicas
    never read one mailbox at once; what was taken in is recorded besides (``Received``)."""

    __tablename__ = "sources"
    __table_args__ = (CheckConstraint("kind IN ('folder', 'imap')", name="ck_sources_kind"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))
    settings: Mapped[dict] = mapped_column(JSONB, default=dict)
    password: Mapped[str | None] = mapped_column(String(500))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    # the rule: what an item from here becomes when registered (all may be changed on the item)
    document_type_id: Mapped[uuid.UUID | None]
    journal_id: Mapped[uuid.UUID | None]
    responsible_id: Mapped[uuid.UUID | None]
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_polled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class Received(Base):
    """One thing a source took in, by its identity there: an IMAP message by
    ``<UIDVALIDITY>:<UID>``, a folder's file by ``<name>:<sha256>``. Unique per source, so a
    message is taken once even across restarts, replicas and a lease that ran out; a row
    whose ``moved_at`` is empty still has to be moved to the processed folder."""

    __tablename__ = "received"
    __table_args__ = (UniqueConstraint("source_id", "identity", name="uq_received_source_identity"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    source_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sources.id"))
    identity: Mapped[str] = mapped_column(String(600))
    item_id: Mapped[uuid.UUID]  # no foreign key: the row is claimed before its item is written
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    moved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Item(Base):
    """A draft incoming document in the review queue: ``new`` until a secretary registers it
    (``registered``, with the document made) or discards it (``discarded``, with why)."""

    __tablename__ = "items"
    __table_args__ = (
        CheckConstraint("status IN ('new', 'registering', 'registered', 'discarded')", name="ck_items_status"),
        Index("ix_items_status_received", "status", "received_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    source_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sources.id"))
    status: Mapped[str] = mapped_column(String(12), default="new")
    sender_email: Mapped[str | None] = mapped_column(String(254))
    sender_name: Mapped[str | None] = mapped_column(String(300))
    subject: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(Text, default="")  # an e-mail's text; empty for a scan
    text: Mapped[str] = mapped_column(Text, default="")  # the files' text, as the texts service read it
    # suggestions for the card: counterparty_id, counterparty_name, matched_by (email|tax_id),
    # tax_id, document_date, sender_number, title
    suggestions: Mapped[dict] = mapped_column(JSONB, default=dict)
    texts_pending: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    suggested_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    document_id: Mapped[uuid.UUID | None]
    document_number: Mapped[str | None] = mapped_column(String(60))
    decided_by: Mapped[uuid.UUID | None]
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    discard_reason: Mapped[str | None] = mapped_column(Text)
    registering_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)

    source: Mapped[Source] = relationship(lazy="selectin")  # not joined: items are locked FOR UPDATE
    files: Mapped[list["ItemFile"]] = relationship(order_by="ItemFile.position", lazy="selectin")


class ItemFile(Base):
    """A file of an item, stored under ``intake/<item>/<file>`` in the documents' bucket; the
    texts service reads it (``thumbnail_key``, ``rendition_key`` under derived/)."""

    __tablename__ = "item_files"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("items.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    object_key: Mapped[str] = mapped_column(String(500))
    text_state: Mapped[str] = mapped_column(String(10), default="pending")  # pending | done | failed
    thumbnail_key: Mapped[str | None] = mapped_column(String(500))
    rendition_key: Mapped[str | None] = mapped_column(String(500))
    attached_version_id: Mapped[uuid.UUID | None]  # once a file of the registered document


outbox = Outbox(Base.metadata)
processed_events = ProcessedEvents(Base.metadata)
audit_log = AuditLog(Base.metadata)
