"""Sync by change: page through a table in the order its rows were written, while others
write, without skipping a row (docs/api.md, "Sync by change").

Every synced table has a column ``changed_xid`` (PostgreSQL ``xid8``): the id of the
transaction that last wrote the row, set when the row is inserted (its default) and by a
trigger on every update (``stamp_trigger_sql``), with an index on ``(changed_xid, id)``. A
sync page is the rows after the cursor's ``(changed_xid, id)`` in that order, and only the
*settled* ones: written by a transaction older than every transaction still running
(``changed_xid < pg_snapshot_xmin(pg_current_snapshot())``). Every transaction that will
commit later has an id at least that large, so no row can later appear behind a cursor
already handed out: a transaction that began first but commits last is neither skipped (as
an ``updated_at`` taken before the commit could be) nor waited on by a lag guessed in
seconds. A row changed while a client pages moves to the end and is sent again
(at least once: clients upsert by id). The price: a transaction left open holds the sync
back (not the other lists) until it ends.

The cursor is opaque to clients: base64url JSON of the list's name, the last row's
``(changed_xid, id)`` and the ``updated_since`` the sync began with.
"""
import base64
import binascii
import json
import uuid
from datetime import datetime

from marshmallow import Schema, fields, validate
from sqlalchemy import cast, func, literal, text, tuple_
from sqlalchemy.orm import mapped_column
from sqlalchemy.types import UserDefinedType

from .errors import InvalidInput

NO_ROW = ("0", str(uuid.UUID(int=0)))  # a position before every row
MAX_LIMIT = 500


class SyncQuerySchema(Schema):
    """A sync method's request over the bus (the gateway's ``paging.sync_request``)."""

    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=MAX_LIMIT))
    after = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=500))
    updated_since = fields.AwareDateTime(load_default=None, allow_none=True)


def tombstone(record_id, updated_at, **more):
    """What a sync answers for a record gone (deleted, merged into another: ``merged_into``)."""
    return {"id": str(record_id), "deleted": True, "updated_at": updated_at.isoformat() if updated_at else None,
            **{name: str(value) for name, value in more.items()}}


def answer(items, cursors):
    """A sync method's answer over the bus: the dumped items and the cursors."""
    return {"items": items, **cursors}


class XID8(UserDefinedType):
    """PostgreSQL's 64-bit transaction id (read as an int)."""

    cache_ok = True

    def get_col_spec(self, **kw):
        return "xid8"

    def result_processor(self, dialect, coltype):
        return lambda value: None if value is None else int(value)


def stamp_column():
    """The ``changed_xid`` column: set on insert by its default, on update by the trigger;
    deferred, since only a sync reads it."""
    return mapped_column("changed_xid", XID8(), nullable=False, server_default=text("pg_current_xact_id()"),
                         deferred=True)


def stamp_trigger_sql(table):
    """The statements a migration runs to keep ``table.changed_xid`` and its index."""
    return [
        "CREATE OR REPLACE FUNCTION chancery_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN NEW.changed_xid := pg_current_xact_id(); RETURN NEW; END $$",
        f"CREATE TRIGGER {table}_stamp_change BEFORE UPDATE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION chancery_stamp_change()",
        f"CREATE INDEX ix_{table}_changed_xid_id ON {table} (changed_xid, id)",
    ]


def add_stamp(op, sa, table):
    """A migration's upgrade for one table: the column (existing rows: the migration's own
    transaction), the trigger and the index."""
    op.add_column(table, sa.Column("changed_xid", XID8(), nullable=False,
                                   server_default=sa.text("pg_current_xact_id()")))
    for statement in stamp_trigger_sql(table):
        op.execute(statement)


def drop_stamp(op, table):
    op.execute(f"DROP TRIGGER IF EXISTS {table}_stamp_change ON {table}")
    op.drop_index(f"ix_{table}_changed_xid_id", table_name=table)
    op.drop_column(table, "changed_xid")


def encode(list_name, position, updated_since):
    """The opaque cursor of ``list_name`` at ``position`` ((changed_xid, id) as text)."""
    payload = {"l": list_name, "x": position[0], "i": position[1],
               "s": updated_since.isoformat() if updated_since else None}
    return base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")


def decode(list_name, cursor):
    """(position, updated_since) of a cursor of ``list_name``; InvalidInput naming ``after``
    for anything else (a cursor of another list, a changed or made-up one)."""
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if payload["l"] != list_name:
            raise ValueError(payload["l"])
        position = (str(int(payload["x"])), str(uuid.UUID(payload["i"])))
        since = datetime.fromisoformat(payload["s"]) if payload["s"] else None
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError) as error:
        raise InvalidInput("Invalid input: after", {"after": [
            f"Not a cursor of this list ({list_name}): pass the `next` or `resume` of its last page."]}) from error
    if int(position[0]) < 0:
        raise InvalidInput("Invalid input: after", {"after": ["Not a cursor of this list."]})
    return position, since


def start(list_name, *, after=None, updated_since=None):
    """(position, updated_since) a sync begins from: the cursor's, or the start with a
    ``updated_since`` filter (a cursor and ``updated_since`` together are InvalidInput)."""
    if after is not None and updated_since is not None:
        raise InvalidInput("Invalid input: after", {"after": [
            "A cursor carries the updated_since its sync began with: send one or the other."]})
    if after is not None:
        return decode(list_name, after)
    return NO_ROW, updated_since


def page(session, query, *, model, list_name, position, updated_since, limit, updated_at=None):
    """A sync page of ``query`` (a select of ``model``, already limited to what the caller
    sees): its rows and the cursors ``{"next_after", "resume"}``.

    ``updated_at``: the column ``updated_since`` filters (the model's ``updated_at``)."""
    stamp = model.__table__.c.changed_xid
    settled = stamp < func.pg_snapshot_xmin(func.pg_current_snapshot())
    beyond = tuple_(stamp, model.id) > tuple_(cast(literal(position[0]), XID8()), literal(uuid.UUID(position[1])))
    query = query.where(settled, beyond)
    if updated_since is not None:
        query = query.where((updated_at if updated_at is not None else model.updated_at) >= updated_since)
    rows = session.execute(query.add_columns(stamp.label("sync_stamp"))
                           .order_by(stamp, model.id).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    last = (str(rows[-1].sync_stamp), str(rows[-1][0].id)) if rows else position
    resume = encode(list_name, last, updated_since)
    return [row[0] for row in rows], {"next_after": resume if more else None, "resume": resume}
