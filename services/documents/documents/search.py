"""The registry's full text: number, subject, counterparty name and the text of the files.

Each document keeps one ``search_vector`` (GIN-indexed): its number in the 'simple'
configuration, and the subject, the counterparty's name (a copy kept from the
counterparties' events) and the extracted text of its files in both 'russian' and
'english'. A query is matched against all three configurations. The vector is rebuilt
whenever one of its sources changes.
"""
import io
import logging

from sqlalchemy import text

log = logging.getLogger(__name__)

# how much of one file's text is kept and indexed (PostgreSQL's tsvector tops out at 1 MB)
TEXT_LIMIT = 200_000
# PDFs are parsed only up to this size; text files are read only this far
PDF_LIMIT = 30 * 1024 * 1024
TEXT_READ_LIMIT = 1024 * 1024
TEXT_TYPES = ("text/plain", "text/csv", "application/json", "text/markdown")

REFRESH = text("""
UPDATE documents AS d SET search_vector =
    setweight(to_tsvector('simple', coalesce(d.number, '')), 'A')
    || setweight(to_tsvector('russian', d.title || ' ' || coalesce(c.name, '')), 'B')
    || setweight(to_tsvector('english', d.title || ' ' || coalesce(c.name, '')), 'B')
    || to_tsvector('russian', coalesce(f.body, ''))
    || to_tsvector('english', coalesce(f.body, ''))
FROM documents AS src
LEFT JOIN counterparty_names AS c ON c.counterparty_id = src.counterparty_id
LEFT JOIN LATERAL (
    SELECT left(string_agg(v.text_content, ' '), 400000) AS body
    FROM file_versions v JOIN document_files df ON df.id = v.file_id
    WHERE df.document_id = src.id AND v.text_content IS NOT NULL
) AS f ON true
WHERE d.id = src.id AND d.id = ANY(:ids)
""")


def refresh(session, document_ids):
    """Rebuild the full-text vector of these documents from their sources now."""
    ids = list(document_ids)
    if ids:
        session.execute(REFRESH, {"ids": ids})


def refresh_counterparty(session, counterparty_id):
    ids = session.scalars(text("SELECT id FROM documents WHERE counterparty_id = :id"),
                          {"id": counterparty_id}).all()
    refresh(session, ids)


def query_condition(column, query):
    """The SQL condition matching a user's words in any of the three configurations."""
    return text(
        f"{column} @@ (websearch_to_tsquery('russian', :q) || websearch_to_tsquery('english', :q) "
        "|| websearch_to_tsquery('simple', :q))").bindparams(q=query)


def extract_text(storage, key, content_type, size):
    """The text of a stored PDF or text file (bounded), or None; failures are logged, never raised."""
    try:
        if content_type == "application/pdf":
            if size > PDF_LIMIT:
                log.info("%s: PDF of %d bytes not indexed (limit %d)", key, size, PDF_LIMIT)
                return None
            from pypdf import PdfReader
            reader = PdfReader(io.BytesIO(storage.read(key, PDF_LIMIT)))
            parts, length = [], 0
            for page in reader.pages:
                part = page.extract_text() or ""
                parts.append(part)
                length += len(part)
                if length >= TEXT_LIMIT:
                    break
            body = "\n".join(parts)
        elif content_type in TEXT_TYPES or content_type.startswith("text/"):
            body = storage.read(key, TEXT_READ_LIMIT).decode("utf-8", errors="replace")
        else:
            return None
    except Exception:  # a malformed file is stored all the same, only not searchable
        log.warning("could not extract the text of %s (%s)", key, content_type, exc_info=True)
        return None
    body = body.replace("\x00", " ")[:TEXT_LIMIT].strip()
    return body or None
