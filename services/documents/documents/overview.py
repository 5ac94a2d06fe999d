"""The documents service's part of the unified counterparty view, in one call.

The gateway composes the view (gateway/chancery_gateway/overview.py) from every service in
parallel; this service's part is the counterparty's documents (newest first, as
``list_documents`` answers them), their paper copies (as ``paper_copies``) and the
completeness of the contracts shown (as ``completeness_of``). The answer is the same as
those three calls' (services/documents/tests/test_overview.py checks it), read for speed,
since the view is the screen opened most: rows instead of ORM objects (a page's documents
with their total, file counts and the configuration version in one query, paper copies
with their document's number and title in one), the types from the process's copy
(type_cache.py), the rows dumped by compiled schemas.
"""
from types import SimpleNamespace

from marshmallow import fields
from sqlalchemy import func, select

from chancery_common.dumping import compiled

from . import configuration, logic, schemas
from .models import Document, DocumentFile, PaperCopy, PaperMovement
from .type_cache import TypeCache, version_column

DOCUMENTS, PAPER_COPIES, COMPLETENESS = 200, 100, 30

# every column of a card but the search vector, and the total of the page's query
_DOCUMENT_COLUMNS = [column for column in Document.__table__.c if column.name != "search_vector"]
_COPY_COLUMNS = list(PaperCopy.__table__.c)


class _CopyRowSchema(schemas.PaperCopySchema):
    """A paper copy as PaperCopySchema dumps it, read from a row carrying its document's title
    and number (the movements are added from their own query)."""

    document_title = fields.String()
    document_number = fields.String(allow_none=True)

    class Meta:
        exclude = ("movements",)


_dump_documents = compiled(schemas.DocumentSummarySchema(exclude=("type", "extra_fields", "file_count")))
_dump_copies = compiled(_CopyRowSchema())
_dump_movements = compiled(schemas.PaperMovementSchema())
_completeness_schema = schemas.CompletenessSchema()
_types = TypeCache(schemas.DocumentTypeSchema().dump)
_file_count = (select(func.count()).where(DocumentFile.document_id == Document.id)
               .scalar_subquery().label("file_count"))


def part(session, *, actor, counterparty_id):
    """{documents, paper_copies, completeness} of the counterparty as the actor sees them."""
    rows = session.execute(
        select(*_DOCUMENT_COLUMNS, _file_count, version_column, func.count().over().label("total_count"))
        .where(Document.counterparty_id == counterparty_id, logic.visible_to(actor))
        .order_by(Document.created_at.desc(), Document.id).limit(DOCUMENTS)).all()
    types = _types.types(session, rows[0].configuration_version) if rows else {}
    documents = _dump_documents(rows)
    for row, document in zip(rows, documents):
        doc_type = types[row.type_id]
        document["extra_fields"] = configuration.shown_fields(doc_type, row.extra)
        document["file_count"] = row.file_count
        document["type"] = doc_type.dumped
    contracts = [SimpleNamespace(id=row.id, type=types[row.type_id], extra=row.extra)
                 for row in rows if types[row.type_id].kind == "contract"][:COMPLETENESS]
    completeness = logic.completeness_of_visible(
        session, contracts, type_names={type_id: doc_type.name for type_id, doc_type in types.items()})
    return {"documents": {"items": documents, "total": rows[0].total_count if rows else 0},
            "paper_copies": _paper_copies(session, actor=actor, counterparty_id=counterparty_id),
            "completeness": {str(document_id): _completeness_schema.dump(result)
                             for document_id, result in completeness.items()}}


def _paper_copies(session, *, actor, counterparty_id):
    """The counterparty's paper copies with their movements, ordered as ``logic.paper_copies``."""
    rows = session.execute(
        select(*_COPY_COLUMNS, Document.title.label("document_title"), Document.number.label("document_number"),
               func.count().over().label("total_count"))
        .join(Document, Document.id == PaperCopy.document_id)
        .where(Document.counterparty_id == counterparty_id, logic.visible_to(actor))
        .order_by(PaperCopy.expected_return_on.asc().nulls_last(), PaperCopy.created_at, PaperCopy.id)
        .limit(PAPER_COPIES)).all()
    if not rows:
        return {"items": [], "total": 0}
    movements = {row.id: [] for row in rows}
    moves = session.execute(select(*PaperMovement.__table__.c)
                            .where(PaperMovement.paper_copy_id.in_(list(movements)))
                            .order_by(PaperMovement.at)).all()
    for move, dumped in zip(moves, _dump_movements(moves)):
        movements[move.paper_copy_id].append(dumped)
    copies = _dump_copies(rows)
    for row, copy in zip(rows, copies):
        copy["movements"] = movements[row.id]
    return {"items": copies, "total": rows[0].total_count}
