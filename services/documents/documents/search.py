"""The registry's full text: number, subject, counterparty name and the text of the files.

Each document keeps one ``search_vector`` (GIN-indexed): its number in the 'simple'
configuration, and the subject, the counterparty's name (a copy kept from the
counterparties' events) and the extracted text of its files in both 'russian' and
'english'. A query is matched against all three configurations. The vector is rebuilt
whenever one of its sources changes.
"""
import io
import logging
import re

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


# ts_headline marks a match with these two control characters (stripped from the source text
# first), so a snippet goes back as plain parts and no markup ever crosses the bus
MATCH_START, MATCH_END = "\x02", "\x03"
HEADLINE_OPTIONS = (f"StartSel={MATCH_START}, StopSel={MATCH_END}, MaxWords=30, MinWords=12, "
                    "MaxFragments=2, FragmentDelimiter=\" … \"")
SNIPPETS = text("""
WITH q AS (SELECT websearch_to_tsquery('russian', :q) || websearch_to_tsquery('english', :q)
                  || websearch_to_tsquery('simple', :q) AS query)
SELECT d.id,
       ts_headline('russian', translate(d.title, chr(2) || chr(3), ''), q.query,
                   :options || ', HighlightAll=true') AS title,
       CASE WHEN f.body IS NOT NULL AND to_tsvector('russian', f.body) @@ q.query
            THEN ts_headline('russian', f.body, q.query, :options) END AS body
FROM documents AS d CROSS JOIN q
LEFT JOIN LATERAL (
    SELECT translate(left(string_agg(v.text_content, ' '), :body_limit), chr(2) || chr(3), '') AS body
    FROM file_versions v JOIN document_files df ON df.id = v.file_id
    WHERE df.document_id = d.id AND v.text_content IS NOT NULL
) AS f ON true
WHERE d.id = ANY(:ids)
""")
# how much of a document's file text a snippet is looked for in (a page of results stays quick)
SNIPPET_TEXT_LIMIT = 100_000


def snippets(session, document_ids, query):
    """{document id: {"title": parts, "snippet": parts or None}} where the words matched: parts
    are [text, matched] pairs, so whoever shows them escapes the text and marks the matches."""
    ids = list(document_ids)
    if not ids or not (query or "").strip():
        return {}
    rows = session.execute(SNIPPETS, {"ids": ids, "q": query.strip(), "options": HEADLINE_OPTIONS,
                                      "body_limit": SNIPPET_TEXT_LIMIT}).all()
    return {row.id: {"title": headline_parts(row.title),
                     "snippet": headline_parts(row.body) if row.body else None} for row in rows}


def headline_parts(headline):
    """ts_headline's output split at its match markers: [[text, matched], ...], empty pieces left out."""
    parts, matched = [], False
    for piece in re.split(f"([{MATCH_START}{MATCH_END}])", " ".join((headline or "").split())):
        if piece in (MATCH_START, MATCH_END):
            matched = piece == MATCH_START
        elif piece:
            parts.append([piece, matched])
    return parts


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
