"""Re-read every stored file version and report those whose bytes no longer match.

    python -m documents.integrity [--since ISO-DATE] [--limit N]

Reads the database (DOCUMENTS_DATABASE_URL or DATABASE_URL) and object storage (S3_ENDPOINT,
S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET, S3_SECURE, S3_REGION), streams each object through
SHA-256 (never holding it whole) and prints one line per version that is missing or whose
checksum or size differs from what was recorded at upload. Exits 1 when any is found.
"""
import argparse
import os
import sys
from datetime import datetime

from sqlalchemy import select

from .models import DocumentFile, FileVersion


def check(session, storage, *, since=None, limit=None, report=print):
    """The versions whose object is missing or changed: list of (version, problem)."""
    query = select(FileVersion, DocumentFile.document_id).join(DocumentFile, DocumentFile.id == FileVersion.file_id)
    if since is not None:
        query = query.where(FileVersion.uploaded_at >= since)
    query = query.order_by(FileVersion.uploaded_at, FileVersion.id)
    if limit:
        query = query.limit(limit)
    problems, checked = [], 0
    for version, document_id in session.execute(query):
        checked += 1
        found = storage.checksum(version.object_key)
        if found is None:
            problem = "missing"
        elif found != (version.sha256, version.size):
            problem = f"checksum mismatch (stored {found[0]}, {found[1]} bytes)"
        else:
            continue
        problems.append((version, problem))
        report(f"document {document_id} file {version.file_id} v{version.version} {version.object_key}: "
               f"{problem}; recorded {version.sha256}, {version.size} bytes")
    report(f"{checked} versions checked, {len(problems)} with problems")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--since", type=datetime.fromisoformat, help="only versions uploaded since")
    parser.add_argument("--limit", type=int, help="check at most this many versions")
    args = parser.parse_args(argv)
    from chancery_common.database import make_engine, make_session_factory
    from .storage import Storage
    url = os.environ.get("DOCUMENTS_DATABASE_URL") or os.environ.get("DATABASE_URL") \
        or "postgresql://postgres@127.0.0.1:5432/chancery_documents"
    config = {name: os.environ.get(name, default) for name, default in (
        ("S3_ENDPOINT", "127.0.0.1:8333"), ("S3_ACCESS_KEY", "chancery"), ("S3_SECRET_KEY", "chancery-dev-secret"),
        ("S3_BUCKET", "chancery-documents"), ("S3_SECURE", "false"), ("S3_REGION", "us-east-1"))}
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            problems = check(session, Storage.from_config(config), since=args.since, limit=args.limit)
    finally:
        engine.dispose()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
