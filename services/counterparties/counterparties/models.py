"""The counterparties service's own tables."""
import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean, CheckConstraint, Computed, Date, DateTime, ForeignKey, Index, Integer, Numeric, String, Text,
    UniqueConstraint, false, func, literal_column, text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from chancery_common.audit import AuditLog
from chancery_common.consumer import ProcessedEvents
from chancery_common.outbox import Outbox
from chancery_common.sync import stamp_column
from chancery_common.versions import version_column
from chancery_common.values import utcnow  # noqa: F401  (the models' default moment)


class Base(DeclarativeBase):
    pass



# what Counterparty.search_fields holds (lower-cased by PostgreSQL)
SEARCH_FIELDS_SQL = ("lower(coalesce(name, '') || E'\\x1f' || coalesce(short_name, '') || E'\\x1f' "
                     "|| coalesce(tax_id, '') || E'\\x1f' || coalesce(email, '') || E'\\x1f' "
                     "|| coalesce(main_contact, '') || E'\\x1f' || contact_names)")


class Counterparty(Base):
    __tablename__ = "counterparties"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    # kept by SQLAlchemy: one more with every change of the row (chancery_common.versions)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}
    kind: Mapped[str] = mapped_column(String(20), default="organisation")
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str | None] = mapped_column(String(150))
    country: Mapped[str] = mapped_column(String(2), default="RU", server_default="RU")
    tax_id: Mapped[str | None] = mapped_column(String(20), index=True)
    registration_number: Mapped[str | None] = mapped_column(String(30))
    kpp: Mapped[str | None] = mapped_column(String(9))
    legal_address: Mapped[str | None] = mapped_column(Text)
    postal_address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(50))
    fax: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(254))
    # the gateway's attempt id of the request that made it (chancery_common.idempotency)
    idempotency_key: Mapped[uuid.UUID | None] = mapped_column(index=True, unique=True)
    website: Mapped[str | None] = mapped_column(String(300))
    main_contact: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    responsible_employee_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    # characteristics: values of the reference books, by id (renaming a value is free)
    activity_type_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("reference_values.id", name="fk_counterparties_activity_type_id"), index=True)
    region_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("reference_values.id", name="fk_counterparties_region_id"), index=True)
    group_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("reference_values.id", name="fk_counterparties_group_id"), index=True)
    category_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("reference_values.id", name="fk_counterparties_category_id"), index=True)
    advertising_source_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("reference_values.id", name="fk_counterparties_advertising_source_id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="active")
    # a merged-away counterparty stays as a tombstone naming the one it went into
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("counterparties.id", name="fk_counterparties_merged_into_id"), index=True)
    merged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # its contact persons' names, apart by a unit separator, for the directory search: kept by
    # triggers on contact_persons (migration 0010), never written by the application
    contact_names: Mapped[str] = mapped_column(Text, server_default=text("''"))
    # the text fields a part search looks into, lower-cased, apart by a unit separator (which
    # nobody types): kept by PostgreSQL (migration 0019), under a trigram index; never loaded
    search_fields: Mapped[str] = mapped_column(Text, Computed(SEARCH_FIELDS_SQL, persisted=True), deferred=True)
    created_by: Mapped[uuid.UUID]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    # the transaction that wrote the row last: the order of a sync (chancery_common.sync)
    changed_xid: Mapped[int] = stamp_column()
    # not a column: the stage of the latest negotiation note, set where the card is read
    negotiation_stage = None
    # additional responsible employees (the primary one is responsible_employee_id)
    responsibles: Mapped[list["CounterpartyResponsible"]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="CounterpartyResponsible.employee_id")

    @property
    def additional_responsible_ids(self):
        return sorted(row.employee_id for row in self.responsibles)

    @additional_responsible_ids.setter
    def additional_responsible_ids(self, employee_ids):
        wanted = list(dict.fromkeys(employee_ids or ()))
        keep = [row for row in self.responsibles if row.employee_id in wanted]
        have = {row.employee_id for row in keep}
        self.responsibles = keep + [CounterpartyResponsible(employee_id=employee_id)
                                    for employee_id in wanted if employee_id not in have]


class CounterpartyResponsible(Base):
    """An additional responsible employee of a counterparty: sees it and works with it."""

    __tablename__ = "counterparty_responsibles"

    counterparty_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("counterparties.id", name="fk_counterparty_responsibles_counterparty_id"), primary_key=True)
    employee_id: Mapped[uuid.UUID] = mapped_column(primary_key=True, index=True)


Index("ix_counterparties_name_lower", func.lower(Counterparty.name))
# what full-text search of the directory reads (logic.list_counterparties builds the same)
_SPACE = literal_column("' '")  # constants as SQL literals: the query's expression is then the index's
COUNTERPARTY_SEARCH_TEXT = func.to_tsvector(literal_column("'simple'"), (
    func.coalesce(Counterparty.name, literal_column("''")) + _SPACE
    + func.coalesce(Counterparty.short_name, literal_column("''")) + _SPACE
    + func.coalesce(Counterparty.email, literal_column("''")) + _SPACE
    + func.coalesce(Counterparty.main_contact, literal_column("''")) + _SPACE + Counterparty.contact_names))
Index("ix_counterparties_search", COUNTERPARTY_SEARCH_TEXT, postgresql_using="gin", _table=Counterparty.__table__)

# The phone's digits, for a substring search by a trigram index; constants are SQL literals so
# that the query's expression is the index's.


def _blank(column):
    return func.coalesce(column, literal_column("''"))


COUNTERPARTY_PHONE_DIGITS = func.regexp_replace(_blank(Counterparty.phone), literal_column("'\\D'"),
                                                literal_column("''"), literal_column("'g'"))
# the trigram indexes (migrations 0009, 0010 and 0019: ix_counterparties_search_fields_trgm,
# ix_counterparties_phone_digits_trgm, ix_contact_persons_full_name_trgm) need pg_trgm's
# operator class, which is written in the migrations only. Contact persons' names are in
# the counterparty's own row (contact_names), so one index scan of counterparties answers a
# search and PostgreSQL can intersect it with the filters' indexes.

REFERENCE_KINDS = ("activity_type", "region", "group", "category", "advertising_source")
# the counterparty column each reference book fills
REFERENCE_COLUMNS = {kind: f"{kind}_id" for kind in REFERENCE_KINDS}
# an ordered reference book the negotiation log's notes take their stage from
NEGOTIATION_STAGE = "negotiation_stage"
BOOK_KINDS = (*REFERENCE_KINDS, NEGOTIATION_STAGE)


class ReferenceValue(Base):
    """A value of one of the reference books users keep (activity type, region, group...)."""

    __tablename__ = "reference_values"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    # kept by SQLAlchemy: one more with every change of the row (chancery_common.versions)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}
    kind: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    is_archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # ordered books (negotiation stages) list by position; a stable code names the value in events
    position: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    code: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


Index("uq_reference_values_kind_name", ReferenceValue.kind, func.lower(ReferenceValue.name), unique=True)


class SavedFilter(Base):
    """A directory search an employee keeps under a name; only its owner sees it."""

    __tablename__ = "saved_filters"
    __table_args__ = (UniqueConstraint("owner_id", "name", name="uq_saved_filters_owner_name"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    owner_id: Mapped[uuid.UUID] = mapped_column(index=True)
    name: Mapped[str] = mapped_column(String(200))
    query: Mapped[dict] = mapped_column(JSONB, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class HistoryEntry(Base):
    """The relationship history: every change to the counterparty and every event about it."""

    __tablename__ = "history_entries"
    # a card's timeline: one counterparty's entries, newest first
    __table_args__ = (Index("ix_history_entries_counterparty_occurred", "counterparty_id", "occurred_at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    counterparty_id: Mapped[uuid.UUID] = mapped_column(index=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    kind: Mapped[str] = mapped_column(String(60))
    actor_id: Mapped[uuid.UUID | None]
    summary: Mapped[str] = mapped_column(Text)
    data: Mapped[dict] = mapped_column(JSONB, default=dict)
    source_event_id: Mapped[uuid.UUID | None] = mapped_column(unique=True)


class ContactPerson(Base):
    """A person at a counterparty we deal with."""

    __tablename__ = "contact_persons"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    # kept by SQLAlchemy: one more with every change of the row (chancery_common.versions)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}
    counterparty_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("counterparties.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str | None] = mapped_column(String(200))
    phones: Mapped[list] = mapped_column(JSONB, default=list)
    emails: Mapped[list] = mapped_column(JSONB, default=list)
    # [{kind, handle}] and [{kind: birthday|anniversary|other, label, date, remind_yearly}]
    messengers: Mapped[list] = mapped_column(JSONB, default=list, server_default=text("'[]'::jsonb"))
    important_dates: Mapped[list] = mapped_column(JSONB, default=list, server_default=text("'[]'::jsonb"))
    birthday: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    consent_to_mailings: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_given_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    consent_method: Mapped[str | None] = mapped_column(String(100))
    consent_withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    anonymised_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[uuid.UUID]
    # the gateway's attempt id of the request that made it (chancery_common.idempotency)
    idempotency_key: Mapped[uuid.UUID | None] = mapped_column(index=True, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    changed_xid: Mapped[int] = stamp_column()  # chancery_common.sync


class Activity(Base):
    """A planned interaction: a call, meeting, e-mail, fax, letter or task."""

    __tablename__ = "activities"
    __table_args__ = (
        Index("ix_activities_responsible_planned", "responsible_id", "planned_at"),
        # the agenda: an employee's planned activities of a day, and the overdue ones
        Index("ix_activities_planned_by_responsible", "responsible_id", "planned_at",
              postgresql_where=text("status = 'planned'")),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    counterparty_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("counterparties.id"), index=True)
    contact_person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contact_persons.id"))
    kind: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    phone_or_place: Mapped[str | None] = mapped_column(String(300))
    planned_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    responsible_id: Mapped[uuid.UUID]
    scheduled_by: Mapped[uuid.UUID]
    status: Mapped[str] = mapped_column(String(20), default="planned")
    result: Mapped[str | None] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(Text)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    follow_up_of: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("activities.id"))
    # the gateway's attempt id of the request that made it (chancery_common.idempotency)
    idempotency_key: Mapped[uuid.UUID | None] = mapped_column(index=True, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    changed_xid: Mapped[int] = stamp_column()  # chancery_common.sync
    on_behalf_of = None  # not a column: set in a calendar for a colleague's activity I deputise for


class NegotiationNote(Base):
    """A note of the negotiation log: where the negotiation stands, what was decided, what the client wants."""

    __tablename__ = "negotiation_notes"
    __table_args__ = (Index("ix_negotiation_notes_counterparty_noted", "counterparty_id", "noted_at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    counterparty_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("counterparties.id", name="fk_negotiation_notes_counterparty_id"))
    stage_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("reference_values.id", name="fk_negotiation_notes_stage_id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    decided: Mapped[str | None] = mapped_column(Text)
    client_priorities: Mapped[str | None] = mapped_column(Text)
    author_id: Mapped[uuid.UUID]
    noted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    stage = None  # not a column: the stage's value, set where notes are read


class Negotiation(Base):
    """The deal a negotiation with a counterparty aims at: its expected amount (with its currency)
    and the expected close date; one row per counterparty, made when first set."""

    __tablename__ = "negotiations"
    __table_args__ = (
        CheckConstraint("(expected_amount IS NULL) = (currency IS NULL)", name="ck_negotiations_amount_currency"),
        CheckConstraint("expected_amount IS NULL OR expected_amount > 0", name="ck_negotiations_amount_positive"),
    )

    counterparty_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("counterparties.id", name="fk_negotiations_counterparty_id"), primary_key=True)
    expected_amount: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    currency: Mapped[str | None] = mapped_column(String(3))
    expected_close_on: Mapped[date | None] = mapped_column(Date)
    updated_by: Mapped[uuid.UUID]
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class StaffMember(Base):
    """Who works where, as the staff service's events last said: visibility follows it."""

    __tablename__ = "staff_directory"

    employee_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    department_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    # when the staff service made the change (the event's occurred_at): an older event
    # arriving late never overwrites a newer one
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


outbox = Outbox(Base.metadata)
processed_events = ProcessedEvents(Base.metadata)
# reads of personal data (contact persons) are audited too: in audit_reads, sealed in batches
audit_log = AuditLog(Base.metadata, reads=True)
