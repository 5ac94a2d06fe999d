"""The jobs service's tables: each job (its state, progress, parameters and result), and the
events it has handled."""
import uuid
from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, Integer, String, Text, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from chancery_common.consumer import ProcessedEvents
from chancery_common.values import utcnow  # noqa: F401  (the models' default moment)


class Base(DeclarativeBase):
    pass



STATES = ("queued", "running", "done", "failed", "cancelled")
FINISHED = ("done", "failed", "cancelled")


class Job(Base):
    """One long operation asked for by one employee, run by a worker of this service."""

    __tablename__ = "jobs"
    __table_args__ = (
        # the workers' claim: the oldest queued job, or a running one whose worker stopped renewing
        Index("ix_jobs_claimable", "created_at", postgresql_where=text("state IN ('queued', 'running')")),
        # the expiry sweep: finished jobs still holding a file
        Index("ix_jobs_expiring", "expires_at", postgresql_where=text("result_key IS NOT NULL")),
        Index("ix_jobs_created_by", "created_by", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(60))
    state: Mapped[str] = mapped_column(String(20), default="queued")
    # what to do (the kind's parameters) and on whose behalf (the actor the gateway built)
    params: Mapped[dict] = mapped_column(JSONB)
    actor: Mapped[dict] = mapped_column(JSONB)
    language: Mapped[str] = mapped_column(String(10), default="en")
    # the requester's IANA time zone: the times an export writes are its wall clock (None: UTC)
    time_zone: Mapped[str | None] = mapped_column(String(64))
    created_by: Mapped[uuid.UUID]
    idempotency_key: Mapped[uuid.UUID | None] = mapped_column(unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    progress_done: Mapped[int] = mapped_column(Integer, default=0)
    progress_total: Mapped[int | None] = mapped_column(Integer)
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    # a running job belongs to its worker while the lease lasts; the worker renews it with
    # every page, and a job whose lease ran out (its process died) is taken up again
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # the result: a file in S3 (until expires_at), and/or a report (an import's per-row results)
    result_key: Mapped[str | None] = mapped_column(String(300))
    result_filename: Mapped[str | None] = mapped_column(String(300))
    result_content_type: Mapped[str | None] = mapped_column(String(200))
    result_size: Mapped[int | None] = mapped_column(Integer)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    result_expired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    report: Mapped[dict | None] = mapped_column(JSONB)
    error: Mapped[str | None] = mapped_column(Text)


processed_events = ProcessedEvents(Base.metadata)
