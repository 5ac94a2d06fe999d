"""The texts service's own tables: one extraction job per stored file version."""
import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, CheckConstraint, DateTime, Index, Integer, String, Text, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from chancery_common.consumer import ProcessedEvents
from chancery_common.outbox import Outbox
from chancery_common.values import utcnow  # noqa: F401  (the models' default moment)


class Base(DeclarativeBase):
    pass



class Extraction(Base):
    """Reading the text of one stored file version, its searchable PDF (or an office file's PDF
    preview) and its thumbnail.

    ``pending`` until a worker claims it (``running``, leased until ``lease_until``: a
    worker that died leaves it to be claimed again), then ``done`` or ``failed`` with the
    reason (``done`` with a reason: the text was read, an office file's preview could not be
    made; not tried again either). Each claim counts an attempt; past the limit it is
    ``failed``, never retried for ever. A re-extraction puts it back to ``pending`` with no
    attempts.
    """

    __tablename__ = "extractions"
    __table_args__ = (
        CheckConstraint("state IN ('pending', 'running', 'done', 'failed')", name="ck_extractions_state"),
        Index("ix_extractions_waiting", "requested_at", postgresql_where=text("state IN ('pending', 'running')")),
        Index("ix_extractions_read_by_content", "sha256", "content_type",
              postgresql_where=text("state = 'done' AND text IS NOT NULL")),
    )

    version_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    document_id: Mapped[uuid.UUID] = mapped_column(index=True)
    file_id: Mapped[uuid.UUID]
    object_key: Mapped[str] = mapped_column(String(500))
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str | None] = mapped_column(Text)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # what was read: how (text layer, ocr, office, e-mail, plain), pages, characters
    method: Mapped[str | None] = mapped_column(String(20))
    pages: Mapped[int | None] = mapped_column(Integer)
    text_length: Mapped[int | None] = mapped_column(Integer)
    # derived objects, never the original's key: derived/<document>/<version>/...
    rendition_key: Mapped[str | None] = mapped_column(String(500))
    thumbnail_key: Mapped[str | None] = mapped_column(String(500))
    seconds: Mapped[float | None]
    # a re-extraction: read the file itself, whatever was read of the same bytes before
    read_afresh: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    # what was read, kept so that the same bytes are copied, not read again (logic.claim's twin):
    # {"rendition": ..., "thumbnail": ...} as the event told them, and the text (last: the name
    # hides sqlalchemy's text() in the rest of the class)
    derived: Mapped[dict | None] = mapped_column(JSONB)
    text: Mapped[str | None] = mapped_column(Text)
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


outbox = Outbox(Base.metadata)
processed_events = ProcessedEvents(Base.metadata)
