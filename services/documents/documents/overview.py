"""The documents service's part of the unified counterparty view, in one call.

The gateway composes the view (gateway/chancery_gateway/overview.py) from every service in
parallel; this service's part is the counterparty's documents (newest first, as
``list_documents`` answers them but with each type in brief: id, code, name, kind), their
paper copies (as ``paper_copies``), the completeness of the contracts shown (as
``completeness_of``) and, for those that keep one, their execution in brief (execution.py's
``summaries``: overdue counts, totals, the next milestone). The answer is the same as those
calls' (services/documents/tests/test_overview.py checks it), read for speed,
since the view is the screen opened most: rows instead of ORM objects (a page's documents
with their total, file counts and the configuration version in one query, each document
rendered as JSON by PostgreSQL but for its times; paper copies with their document's number
and title in one query), the types from the process's copy (type_cache.py), the rest dumped
by compiled schemas. With it, which of the counterparty's documents the reader sees
(``records_seen``, chancery_common.visibility): the gateway keeps by it the history's entries
that tell of them.
"""
from itertools import chain
from types import SimpleNamespace

from marshmallow import fields
from sqlalchemy import Text, cast, func, literal, select

from chancery_common import visibility
from chancery_common.dumping import compiled

from . import access, execution, logic, schemas
from .models import Document, DocumentFile, PaperCopy, PaperMovement
from .type_cache import TypeCache, version_column

DOCUMENTS, PAPER_COPIES, COMPLETENESS = 200, 100, 30

_SUMMARY = schemas.DocumentSummarySchema(exclude=("type", "extra_fields", "file_count"))
# a summary's times as Python writes them (isoformat); every other value rendered as JSON by
# PostgreSQL, exactly as the schema would dump it (uuids, text, dates, numbers, the extra dict)
_TIMES = [name for name, field in _SUMMARY.dump_fields.items() if isinstance(field, fields.DateTime)]


def _rendered(name, field):
    column = Document.__table__.c[field.attribute or name]
    return cast(column, Text) if isinstance(field, fields.Decimal) else column  # as_string, 2 places


_SUMMARY_JSON = func.json_build_object(*chain.from_iterable(
    (literal(name), _rendered(name, field)) for name, field in _SUMMARY.dump_fields.items()
    if name not in _TIMES)).label("summary")
_SUMMARY_TIMES = [Document.__table__.c[name] for name in _TIMES]
_COPY_COLUMNS = list(PaperCopy.__table__.c)


class _CopyRowSchema(schemas.PaperCopySchema):
    """A paper copy as PaperCopySchema dumps it, read from a row carrying its document's title
    and number (the movements are added from their own query)."""

    document_title = fields.String()
    document_number = fields.String(allow_none=True)

    class Meta:
        exclude = ("movements",)


_dump_copies = compiled(_CopyRowSchema())
_dump_movements = compiled(schemas.PaperMovementSchema())
_dump_completeness = compiled(schemas.CompletenessSchema())
_dump_execution = compiled(schemas.ExecutionSummarySchema())
_types = TypeCache()
_file_count = (select(func.count()).where(DocumentFile.document_id == Document.id)
               .scalar_subquery().label("file_count"))


def part(session, *, actor, counterparty_id):
    """{documents, paper_copies, completeness, execution} of the counterparty as the actor sees
    them, and ``records_seen``: which of its documents the actor sees."""
    rows = session.execute(
        select(Document.id, Document.type_id, Document.extra, _SUMMARY_JSON, *_SUMMARY_TIMES, _file_count,
               version_column, func.count().over().label("total_count"))
        .where(Document.counterparty_id == counterparty_id, access.visible_to(actor))
        .order_by(Document.created_at.desc(), Document.id).limit(DOCUMENTS)).all()
    types = _types.types(session, rows[0].configuration_version) if rows else {}
    documents = []
    for row in rows:
        doc_type = types[row.type_id]
        document = row.summary
        for name in _TIMES:
            value = getattr(row, name)
            document[name] = value.isoformat() if value is not None else None
        document["extra_fields"] = schemas.shown_fields(doc_type, row.extra)
        document["file_count"] = row.file_count
        document["type"] = doc_type.brief
        documents.append(document)
    contracts = [SimpleNamespace(id=row.id, type=types[row.type_id], extra=row.extra)
                 for row in rows if types[row.type_id].kind == "contract"][:COMPLETENESS]
    completeness = logic.completeness_of_visible(
        session, contracts, type_names={type_id: doc_type.name for type_id, doc_type in types.items()})
    kept = execution.summaries(session, [c.id for c in contracts])
    return {"documents": {"items": documents, "total": rows[0].total_count if rows else 0},
            "paper_copies": _paper_copies(session, actor=actor, counterparty_id=counterparty_id),
            "completeness": dict(zip(map(str, completeness), _dump_completeness(list(completeness.values())),
                                     strict=True)),
            "execution": dict(zip(map(str, kept), _dump_execution(list(kept.values())), strict=True)),
            "records_seen": visibility.records_seen(session, ids=Document.id,
                                                    where=Document.counterparty_id == counterparty_id,
                                                    visible=access.visible_to(actor))}


def _paper_copies(session, *, actor, counterparty_id):
    """The counterparty's paper copies with their movements, ordered as ``paper_copies.paper_copies``."""
    rows = session.execute(
        select(*_COPY_COLUMNS, Document.title.label("document_title"), Document.number.label("document_number"),
               func.count().over().label("total_count"))
        .join(Document, Document.id == PaperCopy.document_id)
        .where(Document.counterparty_id == counterparty_id, access.visible_to(actor))
        .order_by(PaperCopy.expected_return_on.asc().nulls_last(), PaperCopy.created_at, PaperCopy.id)
        .limit(PAPER_COPIES)).all()
    if not rows:
        return {"items": [], "total": 0}
    movements = {row.id: [] for row in rows}
    moves = session.execute(select(*PaperMovement.__table__.c)
                            .where(PaperMovement.paper_copy_id.in_(list(movements)))
                            .order_by(PaperMovement.at)).all()
    for move, dumped in zip(moves, _dump_movements(moves), strict=True):
        movements[move.paper_copy_id].append(dumped)
    copies = _dump_copies(rows)
    for row, copy in zip(rows, copies, strict=True):
        copy["movements"] = movements[row.id]
    return {"items": copies, "total": rows[0].total_count}
