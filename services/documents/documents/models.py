"""The documents service's own tables."""
import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, Numeric, PrimaryKeyConstraint,
    String, Text, UniqueConstraint, Uuid, text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSVECTOR
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from chancery_common.audit import AuditLog
from chancery_common.consumer import ProcessedEvents
from chancery_common.outbox import Outbox
from chancery_common.sync import stamp_column
from chancery_common.versions import version_column
from chancery_common.values import utcnow  # noqa: F401  (the models' default moment)

from .file_types import DEFAULT_KINDS as DEFAULT_FILE_KINDS


class Base(DeclarativeBase):
    pass



class Journal(Base):
    """A registration journal with its own gap-free numbering per year."""

    __tablename__ = "journals"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    # kept by SQLAlchemy: one more with every change of the row (chancery_common.versions)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    prefix: Mapped[str] = mapped_column(String(20))
    number_pattern: Mapped[str] = mapped_column(String(100), default="{prefix}-{year}-{seq}")
    sequence_width: Mapped[int] = mapped_column(Integer, default=6)
    # incoming | outgoing | internal | contracts | user: what the journal is for
    kind: Mapped[str] = mapped_column(String(20), default="user", server_default="user")
    is_active: Mapped[bool] = mapped_column(default=True, server_default=text("true"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    @property
    def per_parent(self):
        """Whether numbers count within the parent document (an annex of a contract)."""
        return "{parent_number}" in self.number_pattern


class ParentCounter(Base):
    """The sequence of child numbers within one parent document (annex 45/2026-A3)."""

    __tablename__ = "parent_counters"
    __table_args__ = (PrimaryKeyConstraint("journal_id", "parent_id", name="pk_parent_counters"),)

    journal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journals.id", name="fk_parent_counters_journal_id"))
    parent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id", name="fk_parent_counters_parent_id"))
    last_value: Mapped[int] = mapped_column(BigInteger, default=0)


class JournalCounter(Base):
    __tablename__ = "journal_counters"
    __table_args__ = (PrimaryKeyConstraint("journal_id", "year"),)

    journal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journals.id"))
    year: Mapped[int] = mapped_column(Integer)
    last_value: Mapped[int] = mapped_column(BigInteger, default=0)


class Registration(Base):
    """Every number a journal ever gave out: registered, reserved or cancelled; never reused."""

    __tablename__ = "registrations"
    __table_args__ = (
        Index("uq_registrations_journal_year_sequence", "journal_id", "year", "sequence", unique=True,
              postgresql_where=text("parent_id IS NULL")),
        Index("uq_registrations_journal_parent_sequence", "journal_id", "parent_id", "sequence", unique=True,
              postgresql_where=text("parent_id IS NOT NULL")),
        CheckConstraint("status IN ('reserved', 'registered', 'cancelled')", name="ck_registrations_status"),
        # a document holds one number at a time
        Index("uq_registrations_registered_document", "document_id", unique=True,
              postgresql_where=text("status = 'registered'")),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    journal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("journals.id"))
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(BigInteger)
    # numbered within this parent document (per-parent patterns), not within the year
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("documents.id", name="fk_registrations_parent_id_documents"))
    number: Mapped[str] = mapped_column(String(60), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="registered")
    # the document that holds (or held, when cancelled) the number; none while only reserved
    document_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("documents.id"))
    # when and by whom the number was given out: reserved, or registered to its document
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    registrar_id: Mapped[uuid.UUID]
    note: Mapped[str | None] = mapped_column(Text)
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    cancelled_by: Mapped[uuid.UUID | None]
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    # the gateway's attempt id of the request that made it (chancery_common.idempotency)
    idempotency_key: Mapped[uuid.UUID | None] = mapped_column(index=True, unique=True)


class DocumentType(Base):
    __tablename__ = "document_types"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    # kept by SQLAlchemy: one more with every change of the row (chancery_common.versions)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    journal_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("journals.id"))
    is_active: Mapped[bool] = mapped_column(default=True)
    # every employee with one of these roles sees the documents of this type
    visible_to_roles: Mapped[list[str]] = mapped_column(
        ARRAY(String(40)), default=list, server_default=text("'{}'"))
    # the card's extra fields: [{code, label, kind, required, reference_book, retired}]; a field
    # is never deleted, only retired, so documents made with it still show its value and label
    fields: Mapped[list] = mapped_column(JSONB, default=list, server_default=text("'[]'::jsonb"))
    # types whose documents may be children of this type's documents; NULL: any type
    allowed_child_type_ids: Mapped[list[uuid.UUID] | None] = mapped_column(ARRAY(Uuid))
    default_responsible_ids: Mapped[list[uuid.UUID]] = mapped_column(
        ARRAY(Uuid), default=list, server_default=text("'{}'"))
    department_id: Mapped[uuid.UUID | None]
    # what the {department} token of a journal's pattern gives for documents of this type
    department_code: Mapped[str | None] = mapped_column(String(20))
    # accounting completeness: [{type_id, per: "document" | "stage", count}]
    required_documents: Mapped[list] = mapped_column(JSONB, default=list, server_default=text("'[]'::jsonb"))
    # the number-kind extra field that says how many stages a document of this type has
    stages_field: Mapped[str | None] = mapped_column(String(40))
    # the kinds of file its documents take (file_types.KINDS)
    accepted_file_kinds: Mapped[list[str]] = mapped_column(
        ARRAY(String(20)), default=lambda: list(DEFAULT_FILE_KINDS),
        server_default=text("'{pdf,images,office,text,email}'"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), onupdate=utcnow)

    journal: Mapped[Journal | None] = relationship(lazy="joined")


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        # words, type and status in one GIN index (btree_gin): a registry search reads only its matches
        Index("ix_documents_search_type_status", "search_vector", "type_id", "status", postgresql_using="gin"),
        Index("ix_documents_extra", "extra", postgresql_using="gin", postgresql_ops={"extra": "jsonb_path_ops"}),
        Index("ix_documents_type_id", "type_id"),
        Index("ix_documents_created_at", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    # kept by SQLAlchemy: one more with every change of the row (chancery_common.versions)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}
    type_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("document_types.id"))
    number: Mapped[str | None] = mapped_column(String(60), unique=True)
    registered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    registrar_id: Mapped[uuid.UUID | None]
    document_date: Mapped[date | None] = mapped_column(Date)
    signing_date: Mapped[date | None] = mapped_column(Date)
    counterparty_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    legal_entity_id: Mapped[uuid.UUID | None]
    title: Mapped[str] = mapped_column(String(500))
    amount: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    currency: Mapped[str | None] = mapped_column(String(3))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    responsible_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    # when the last approval event applied to the status happened (to ignore stale ones)
    approval_event_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("documents.id"), index=True)
    department_id: Mapped[uuid.UUID | None]
    # values of the type's extra fields, by field code
    extra: Mapped[dict] = mapped_column(JSONB, default=dict, server_default=text("'{}'::jsonb"))
    # full text over number, subject, counterparty name and the text of its files; written and
    # searched in SQL only, never loaded with the document (it holds the files' words)
    search_vector: Mapped[str | None] = mapped_column(TSVECTOR, deferred=True)
    created_by: Mapped[uuid.UUID]
    # the gateway's attempt id of the request that made it (chancery_common.idempotency)
    idempotency_key: Mapped[uuid.UUID | None] = mapped_column(index=True, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    # the transaction that wrote the row last: the order of a sync (chancery_common.sync)
    changed_xid: Mapped[int] = stamp_column()

    type: Mapped[DocumentType] = relationship(lazy="joined")
    # not a column: the number of files, set where a list of documents is read in one query
    file_count = None
    files: Mapped[list["DocumentFile"]] = relationship(
        order_by="DocumentFile.created_at", back_populates="document")
    status_changes: Mapped[list["StatusChange"]] = relationship(order_by="StatusChange.changed_at")


class DocumentFile(Base):
    """One electronic copy of a document; its content lives in versions."""

    __tablename__ = "document_files"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    document: Mapped[Document] = relationship(back_populates="files")
    versions: Mapped[list["FileVersion"]] = relationship(
        order_by="FileVersion.version.desc()", back_populates="file", lazy="selectin")


class FileVersion(Base):
    __tablename__ = "file_versions"
    __table_args__ = (UniqueConstraint("file_id", "version"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    file_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("document_files.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    object_key: Mapped[str] = mapped_column(String(500), unique=True)
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    content_type: Mapped[str] = mapped_column(String(255))
    uploaded_by: Mapped[uuid.UUID]
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # the file's text (bounded), for full-text search: a text PDF's or a text file's read on
    # upload, everything else's (scans by OCR, office files, e-mail) from the texts service
    text_content: Mapped[str | None] = mapped_column(Text, deferred=True)
    # the texts service's reading: pending | done | failed (with the reason); null for a version
    # stored before it existed, until a re-extraction (python -m documents reextract)
    text_state: Mapped[str | None] = mapped_column(String(10))
    text_reason: Mapped[str | None] = mapped_column(Text)
    text_method: Mapped[str | None] = mapped_column(String(20))
    text_extracted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # what the texts service derived (under derived/, never the original's key): a scan's
    # searchable PDF and a thumbnail of the first page (a PNG)
    rendition_key: Mapped[str | None] = mapped_column(String(500))
    rendition_size: Mapped[int | None] = mapped_column(BigInteger)
    rendition_sha256: Mapped[str | None] = mapped_column(String(64))
    thumbnail_key: Mapped[str | None] = mapped_column(String(500))
    thumbnail_size: Mapped[int | None] = mapped_column(BigInteger)
    thumbnail_sha256: Mapped[str | None] = mapped_column(String(64))

    file: Mapped[DocumentFile] = relationship(back_populates="versions")


class StatusChange(Base):
    __tablename__ = "status_changes"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    changed_by: Mapped[uuid.UUID | None]
    reason: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DocumentParticipant(Base):
    """Someone who takes part in the document's approvals, and so sees the document.

    Kept from the approvals service's ``approval.started`` events.
    """

    __tablename__ = "document_participants"
    __table_args__ = (PrimaryKeyConstraint("document_id", "employee_id", "reason"),)

    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id"))
    employee_id: Mapped[uuid.UUID] = mapped_column(index=True)
    reason: Mapped[str] = mapped_column(String(40))  # approval initiator | approver
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DocumentLink(Base):
    """A free "related to" link between two documents; it reads the same from either end."""

    __tablename__ = "document_links"
    __table_args__ = (
        PrimaryKeyConstraint("from_id", "to_id", name="pk_document_links"),
        CheckConstraint("from_id <> to_id", name="ck_document_links_not_to_itself"),
    )

    from_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("documents.id", name="fk_document_links_from_id_documents"))
    to_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("documents.id", name="fk_document_links_to_id_documents"), index=True)
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[uuid.UUID]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PaperCopy(Base):
    """A paper original or copy of a document: where it is kept and who holds it now."""

    __tablename__ = "paper_copies"
    __table_args__ = (
        CheckConstraint("kind IN ('original', 'copy')", name="ck_paper_copies_kind"),
        CheckConstraint("status IN ('in_place', 'handed_out', 'lost')", name="ck_paper_copies_status"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    document_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("documents.id", name="fk_paper_copies_document_id_documents"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    # archive, room, cabinet, folder: where it is kept (and goes back to)
    location: Mapped[str] = mapped_column(String(300))
    holder_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(20), default="in_place", index=True)
    expected_return_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[uuid.UUID]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    document: Mapped[Document] = relationship(lazy="joined")
    movements: Mapped[list["PaperMovement"]] = relationship(
        order_by="PaperMovement.at", lazy="selectin", back_populates="paper_copy")


class PaperMovement(Base):
    """One step in a paper copy's life: handed to someone, or returned to a location."""

    __tablename__ = "paper_movements"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    paper_copy_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("paper_copies.id", name="fk_paper_movements_paper_copy_id_paper_copies"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    from_holder: Mapped[uuid.UUID | None]
    to_holder: Mapped[uuid.UUID | None]
    to_location: Mapped[str | None] = mapped_column(String(300))
    reason: Mapped[str | None] = mapped_column(Text)
    expected_return_on: Mapped[date | None] = mapped_column(Date)
    by: Mapped[uuid.UUID]

    paper_copy: Mapped[PaperCopy] = relationship(back_populates="movements")


class ContractTerms(Base):
    """How a contract is settled: which side we are (the supplier is paid, the customer pays)."""

    __tablename__ = "contract_terms"
    __table_args__ = (CheckConstraint("we_are IN ('supplier', 'customer')", name="ck_contract_terms_we_are"),)

    document_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("documents.id", name="fk_contract_terms_document_id_documents"), primary_key=True)
    we_are: Mapped[str] = mapped_column(String(20))
    updated_by: Mapped[uuid.UUID]
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class Milestone(Base):
    """An obligation of a contract with its deadline, closed by a signed completion act (a child
    document of the contract) or marked done by hand."""

    __tablename__ = "contract_milestones"
    __table_args__ = (
        CheckConstraint("amount IS NULL OR amount > 0", name="ck_contract_milestones_amount"),
        Index("ix_contract_milestones_open_due", "due_on", postgresql_where=text("completed_on IS NULL")),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    # kept by SQLAlchemy: one more with every change of the row (chancery_common.versions)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}
    document_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("documents.id", name="fk_contract_milestones_document_id_documents"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    currency: Mapped[str | None] = mapped_column(String(3))
    note: Mapped[str | None] = mapped_column(Text)
    act_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("documents.id", name="fk_contract_milestones_act_id_documents"), unique=True)
    # set by hand (done without an act), or kept null while an act decides
    completed_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[uuid.UUID]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    act: Mapped[Document | None] = relationship(foreign_keys=[act_id], lazy="joined")


class Payment(Base):
    """A payment of a contract: planned (a line of the schedule, due on a date) or actual (paid on
    a date). Payments are never deleted: a wrong one is cancelled with a reason."""

    __tablename__ = "contract_payments"
    __table_args__ = (
        CheckConstraint("kind IN ('planned', 'actual')", name="ck_contract_payments_kind"),
        CheckConstraint("amount > 0", name="ck_contract_payments_amount"),
        Index("ix_contract_payments_planned_due", "on_date",
              postgresql_where=text("kind = 'planned' AND cancelled_at IS NULL")),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    document_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("documents.id", name="fk_contract_payments_document_id_documents"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    on_date: Mapped[date] = mapped_column(Date)  # the planned date, or the date paid
    amount: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    currency: Mapped[str] = mapped_column(String(3))
    invoice_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("documents.id", name="fk_contract_payments_invoice_id_documents"))
    reference: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[uuid.UUID]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    cancelled_by: Mapped[uuid.UUID | None]
    cancel_reason: Mapped[str | None] = mapped_column(Text)

    invoice: Mapped[Document | None] = relationship(foreign_keys=[invoice_id], lazy="joined")


class CounterpartyName(Base):
    """A copy of counterparties' names (from their events), for searching documents by them."""

    __tablename__ = "counterparty_names"

    counterparty_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    merged_into: Mapped[uuid.UUID | None]


class SavedDocumentFilter(Base):
    """A registry query an employee keeps under a name; only theirs."""

    __tablename__ = "saved_document_filters"
    __table_args__ = (UniqueConstraint("owner_id", "name", name="uq_saved_document_filters_owner_name"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    owner_id: Mapped[uuid.UUID]
    name: Mapped[str] = mapped_column(String(200))
    query: Mapped[dict] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Upload(Base):
    """A file being uploaded: its bytes sit in the staging area until attached."""

    __tablename__ = "uploads"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id"))
    object_key: Mapped[str] = mapped_column(String(500), unique=True)
    created_by: Mapped[uuid.UUID]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    attached_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ConfigurationVersion(Base):
    """One number, bumped by triggers whenever a document type or a journal changes (migration
    0011): what documents/type_cache.py checks its copy of the types against."""

    __tablename__ = "configuration_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


outbox = Outbox(Base.metadata)
processed_events = ProcessedEvents(Base.metadata)
audit_log = AuditLog(Base.metadata)
