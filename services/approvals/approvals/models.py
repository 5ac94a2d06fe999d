"""The approvals service's own tables."""
import uuid
from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from chancery_common.audit import AuditLog
from chancery_common.consumer import ProcessedEvents
from chancery_common.outbox import Outbox
from chancery_common.sync import stamp_column
from chancery_common.values import utcnow  # noqa: F401  (the models' default moment)


class Base(DeclarativeBase):
    pass



class Route(Base):
    """The approval route of a document type; its content lives in versions."""

    __tablename__ = "routes"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    document_type_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    versions: Mapped[list["RouteVersion"]] = relationship(
        order_by="RouteVersion.version.desc()", lazy="selectin", back_populates="route")


class RouteVersion(Base):
    """One saved state of a route. Never changed: saving makes a new version, and an
    approval keeps following the version it started on."""

    __tablename__ = "route_versions"
    __table_args__ = (UniqueConstraint("route_id", "version"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    route_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("routes.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    stages: Mapped[list] = mapped_column(JSONB)
    created_by: Mapped[uuid.UUID]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    route: Mapped[Route] = relationship(back_populates="versions")


class Approval(Base):
    """One run of a document through its approvers."""

    __tablename__ = "approvals"
    __table_args__ = (
        # a document is on one approval at a time
        # (one returned for revision is still running: it waits for the resubmission)
        Index("uq_approvals_running_document", "document_id", unique=True,
              postgresql_where=text("status IN ('in_progress', 'returned')")),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    document_id: Mapped[uuid.UUID] = mapped_column(index=True)
    counterparty_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    document_title: Mapped[str] = mapped_column(String(500))
    document_number: Mapped[str | None] = mapped_column(String(60))
    initiator_id: Mapped[uuid.UUID] = mapped_column(index=True)
    route_version_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("route_versions.id"))
    # the version number followed (denormalised for events and lists)
    route_version: Mapped[int | None] = mapped_column(Integer)
    document_type_id: Mapped[uuid.UUID | None]
    # the document as the gateway read it when starting: stage conditions and approver
    # resolution (department, legal entity, responsible) are evaluated against it
    snapshot: Mapped[dict] = mapped_column(JSONB, default=dict, server_default=text("'{}'::jsonb"))
    # the round of the run: 1, and one more after every resubmission
    round: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    # in_progress | returned (waiting for the initiator's resubmission) | approved | rejected | withdrawn
    status: Mapped[str] = mapped_column(String(20), default="in_progress")
    outcome: Mapped[str | None] = mapped_column(String(20))
    comment: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # the gateway's attempt id of the request that made it (chancery_common.idempotency)
    idempotency_key: Mapped[uuid.UUID | None] = mapped_column(index=True, unique=True)
    # when the approval, one of its stages or tasks last changed, and the transaction that did:
    # the order of a sync (chancery_common.sync); a stage's or task's write stamps its approval
    # by trigger (migration 0009)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    changed_xid: Mapped[int] = stamp_column()

    stages: Mapped[list["Stage"]] = relationship(order_by="Stage.position", lazy="selectin",
                                                 back_populates="approval")


class Stage(Base):
    __tablename__ = "stages"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    approval_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("approvals.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(12), default="parallel", server_default="parallel")
    completion: Mapped[str] = mapped_column(String(10), default="all")  # all | any | quorum
    quorum: Mapped[int | None] = mapped_column(Integer)
    deadline_hours: Mapped[int | None] = mapped_column(Integer)  # kept for stages of old approvals
    deadline_unit: Mapped[str] = mapped_column(String(15), default="hours", server_default="hours")
    deadline_value: Mapped[int | None] = mapped_column(Integer)
    # approver specs resolved to people when the stage starts (engine.APPROVER_KINDS)
    approvers: Mapped[list] = mapped_column(JSONB, default=list, server_default=text("'[]'::jsonb"))
    conditions: Mapped[list] = mapped_column(JSONB, default=list, server_default=text("'[]'::jsonb"))
    allow_adding: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    on_return: Mapped[str] = mapped_column(String(15), default="first_stage", server_default="first_stage")
    # waiting | active | stalled (resolved to nobody) | completed | rejected | returned | skipped | cancelled
    status: Mapped[str] = mapped_column(String(20), default="waiting")
    due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    approval: Mapped[Approval] = relationship(back_populates="stages")
    tasks: Mapped[list["Task"]] = relationship(order_by="Task.position", lazy="selectin",
                                               back_populates="stage")


class Task(Base):
    """One approver's part in a stage, and their decision."""

    __tablename__ = "tasks"
    __table_args__ = (
        # the overdue sweep's claim: open tasks past due not yet reported
        Index("ix_tasks_overdue_sweep", "due_at", postgresql_where=text(
            "status = 'pending' AND overdue_notified_at IS NULL")),
        Index("ix_tasks_pending_approver", "approver_id", "due_at", postgresql_where=text("status = 'pending'")),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    stage_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stages.id"), index=True)
    approval_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("approvals.id"), index=True)
    approver_id: Mapped[uuid.UUID] = mapped_column(index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # the approver the route named, when their deputy (approver_id) acts for them
    on_behalf_of: Mapped[uuid.UUID | None]
    status: Mapped[str] = mapped_column(String(30), default="waiting")
    decision: Mapped[str | None] = mapped_column(String(30))
    comment: Mapped[str | None] = mapped_column(Text)
    assigned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decided_by: Mapped[uuid.UUID | None]
    # the run of the stage this task belongs to (an approval's round)
    round: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    # who escalations of this task reach: the approver's department head
    head_id: Mapped[uuid.UUID | None]
    department_id: Mapped[uuid.UUID | None]
    added_by: Mapped[uuid.UUID | None]  # set when the initiator added this approver
    # the request id of the decision: the same request again counts once
    decision_key: Mapped[str | None] = mapped_column(String(100))
    delay_reason: Mapped[str | None] = mapped_column(Text)
    remarks_file_id: Mapped[uuid.UUID | None]
    overdue_notified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    extension_requested_due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    extension_reason: Mapped[str | None] = mapped_column(Text)
    extension_status: Mapped[str | None] = mapped_column(String(12))  # requested | granted | refused

    stage: Mapped[Stage] = relationship(back_populates="tasks")


outbox = Outbox(Base.metadata)
processed_events = ProcessedEvents(Base.metadata)
audit_log = AuditLog(Base.metadata)
