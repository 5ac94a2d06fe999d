"""The document types as this process last read them, kept while they do not change.

Every page of documents shows each document's type (its name, kind, extra fields, what it
requires for completeness); the types themselves change a few times a year. Reading them
for each page was a fifth of the unified view's documents part. The process
keeps them with the configuration version they were read at: triggers bump that number in
the transaction that changes any type or journal (migration 0011), and the readers select
it with their rows, so a page whose rows see a change also sees the new number and the
types are read again. Nothing is ever older than the rows it is shown with.
"""
from types import SimpleNamespace

from sqlalchemy import select

from .models import ConfigurationVersion, DocumentType

# the current version, as a column of the query that reads the rows needing the types
version_column = (select(ConfigurationVersion.value).where(ConfigurationVersion.id == 1)
                  .scalar_subquery().label("configuration_version"))


class TypeCache:
    """``types(session, version)``: {type id: the type} as of at least ``version``; each type
    carries what readers use (id, code, name, kind, fields, stages_field, required_documents)
    and ``brief``, its id, code, name and kind as text."""

    def __init__(self):
        self._version, self._types = None, {}

    def types(self, session, version):
        if version != self._version:
            # read after the version was: what is read is at least that version
            types = {doc_type.id: SimpleNamespace(
                id=doc_type.id, code=doc_type.code, name=doc_type.name, kind=doc_type.kind,
                fields=doc_type.fields, stages_field=doc_type.stages_field,
                required_documents=doc_type.required_documents,
                brief={"id": str(doc_type.id), "code": doc_type.code, "name": doc_type.name, "kind": doc_type.kind})
                for doc_type in session.scalars(select(DocumentType))}
            self._types, self._version = types, version
        return self._types
