"""Operators' commands of the documents service.

    python -m documents reextract [--unread] [--previews] [--document ID ...] [--no-wait]

Asks the texts service to read every stored file again (``--unread``: only those never read,
stored before the texts service existed, or that could not be read; ``--previews``: only office
files without a PDF preview and thumbnail, stored before the texts service made them or whose
conversion failed; ``--document``: only the files of these documents), in batches, each batch
one transaction with its events in the outbox (the running service's relay publishes them).
It prints how many were asked for, then, until every one is read or failed, how many are
done, failed and waiting. Reads the database from DOCUMENTS_DATABASE_URL (or DATABASE_URL).
"""
import argparse
import os
import sys
import time
import uuid

from chancery_common.database import make_engine, make_session_factory

from . import file_texts


def reextract(session, *, only_unread=False, missing_previews=False, document_ids=None, wait=True, out=print,
              poll=5.0, timeout=None):
    asked, after = [], None
    while True:
        with session.begin():
            ids = file_texts.request_reextraction(session, only_unread=only_unread,
                                                  missing_previews=missing_previews, document_ids=document_ids,
                                                  after=after)
        if not ids:
            break
        asked += ids
        after = ids[-1]
        out(f"asked for {len(asked)} files")
    out(f"{len(asked)} files to read again")
    if not wait or not asked:
        return {"asked": len(asked)}
    started = time.monotonic()
    while True:
        found = file_texts.progress(session, asked)
        session.rollback()
        out(f"{found['done'] + found['failed']}/{len(asked)} read: {found['done']} done, "
            f"{found['failed']} failed, {found['pending']} waiting")
        if not found["pending"] or (timeout is not None and time.monotonic() - started > timeout):
            return {"asked": len(asked), **found}
        time.sleep(poll)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m documents")
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("reextract", help="read the text of every stored file again")
    command.add_argument("--unread", action="store_true",
                         help="only files never read or that could not be read")
    command.add_argument("--previews", action="store_true",
                         help="only office files without a PDF preview (and so without a thumbnail)")
    command.add_argument("--document", action="append", type=uuid.UUID, metavar="ID",
                         help="only the files of this document (may be given again)")
    command.add_argument("--no-wait", action="store_true", help="ask and exit, without following the progress")
    args = parser.parse_args(argv)
    url = os.environ.get("DOCUMENTS_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if not url:
        parser.error("set DOCUMENTS_DATABASE_URL to the documents service's database")
    engine = make_engine(url, pool_size=1)
    session = make_session_factory(engine)()
    try:
        result = reextract(session, only_unread=args.unread, missing_previews=args.previews,
                           document_ids=args.document, wait=not args.no_wait)
    finally:
        session.close()
        engine.dispose()
    return 1 if result.get("failed") else 0


if __name__ == "__main__":
    sys.exit(main())
