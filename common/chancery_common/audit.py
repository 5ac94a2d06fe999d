"""The audit log: append-only, hash-chained, one per service, next to the records it describes.

Every change (who, when, on behalf of whom, which field from what to what) and every
read of personal data is one row, written in the same transaction as the change. Each
row's hash covers its content and the previous row's hash, so changing or removing a
row breaks the chain from there on; ``verify`` finds the first broken row, and a trigger
refuses UPDATE and DELETE on the table outright.

Values of personal-data fields are not copied into the log (only that they changed), so
erasing a person never has to touch it.

Reads of personal data are many and must not queue on the chain's lock, so a service that
audits reads keeps them in ``audit_reads`` (``AuditLog(metadata, reads=True)``): each read
is a plain insert, stamped with its transaction's id, and no lock is taken. A background
step (``seal``, every few seconds) then appends one row to the chain, action ``sealed``,
that covers every read whose transaction id lies between the previous seal's bound and the
oldest transaction still running in the service's database: those reads are all committed (or rolled back) for
good, so the set a seal covers never changes. The seal holds their count and a hash of
their content; ``verify`` recomputes it, so a read changed, removed or slipped in after
sealing breaks the seal, as a changed write breaks the chain. Reads younger than the last
seal are listed as unsealed until the next one. A trigger refuses UPDATE and DELETE on
``audit_reads`` too.

``python -m chancery_common.audit verify DATABASE_URL`` checks a service's chain.
"""
import argparse
import hashlib
import json
import sys
import uuid
from datetime import datetime, timezone

from sqlalchemy import (
    BigInteger, Column, DateTime, Identity, Index, String, Table, Uuid, create_engine, func, literal, select,
    text, union_all,
)
from marshmallow import Schema, ValidationError, fields, validate, validates_schema
from sqlalchemy.dialects.postgresql import JSONB

from .database import normalise_url
from .errors import NotFound, PermissionDenied
from .values import as_uuid

GENESIS = "0" * 64
# one lock per database serialises the chain: two rows never claim the same predecessor
CHAIN_LOCK = 0x61756474  # "audt"
# how often the reads written since the last seal are sealed into the chain
SEAL_SECONDS = 5
# the seal rows' record: the audit_reads table itself
SEALED, SEALED_RECORD_TYPE = "sealed", "audit_reads"
SEALED_RECORD_ID = uuid.uuid5(uuid.NAMESPACE_URL, "chancery:audit_reads")
# the id of the current transaction, and the oldest one still running, as numbers
CURRENT_TRANSACTION = "(pg_current_xact_id()::text)::bigint"
# The oldest transaction that still runs in this database and could still add reads: the lowest
# xid a backend of this database holds (an xid as pg_stat_activity shows it is 32 bits: it is
# widened with the current epoch, one epoch back if it is above the current one's low bits),
# or, with none, the next xid to be given. Transactions of other databases of the cluster
# cannot add reads here, so they do not hold the seals back (a cluster-wide snapshot's xmin did).
OLDEST_RUNNING = """
WITH next AS (SELECT (pg_snapshot_xmax(pg_current_snapshot())::text)::bigint AS xid)
SELECT coalesce(min(((next.xid >> 32) << 32) + (a.backend_xid::text)::bigint
                    - CASE WHEN (a.backend_xid::text)::bigint > (next.xid & 4294967295)
                           THEN 4294967296 ELSE 0 END),
                max(next.xid))
FROM next LEFT JOIN pg_stat_activity a
  ON a.datname = current_database() AND a.backend_xid IS NOT NULL AND a.pid <> pg_backend_pid()
"""
READ_COLUMNS = ("id", "occurred_at", "actor_id", "on_behalf_of", "action", "record_type", "record_id",
                "changes", "xid")

APPEND_ONLY_DDL = [
    """CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()""",
]
DROP_APPEND_ONLY_DDL = [
    "DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
    "DROP FUNCTION IF EXISTS audit_log_is_append_only()",
]
# after APPEND_ONLY_DDL (its function), for a service that keeps audit_reads
READS_APPEND_ONLY_DDL = [
    """CREATE TRIGGER audit_reads_append_only BEFORE UPDATE OR DELETE ON audit_reads
       FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()""",
]
DROP_READS_APPEND_ONLY_DDL = ["DROP TRIGGER IF EXISTS audit_reads_append_only ON audit_reads"]


def _canonical(value):
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


def reads_digest(rows):
    """The hash a seal keeps of the reads it covers (given in id order)."""
    content = [{key: _canonical(row[key]) for key in READ_COLUMNS} for row in rows]
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def row_hash(row, prev_hash):
    body = {key: _canonical(row[key]) for key in (
        "occurred_at", "actor_id", "on_behalf_of", "action", "record_type", "record_id", "changes")}
    body["prev_hash"] = prev_hash
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class AuditLog:
    def __init__(self, metadata, reads=False):
        self.table = Table(
            "audit_log", metadata,
            Column("id", BigInteger, Identity(), primary_key=True),
            Column("occurred_at", DateTime(timezone=True), nullable=False),
            Column("actor_id", Uuid),
            Column("on_behalf_of", Uuid),
            Column("action", String(40), nullable=False),
            Column("record_type", String(60), nullable=False),
            Column("record_id", Uuid, nullable=False),
            Column("changes", JSONB, nullable=False),
            Column("prev_hash", String(64), nullable=False),
            Column("hash", String(64), nullable=False, unique=True),
            Index("ix_audit_log_record", "record_type", "record_id"),
            Index("ix_audit_log_actor", "actor_id", "occurred_at"),
        )
        # reads of personal data, sealed into the chain in batches (the module's docstring);
        # their ids come from the log's own sequence, so an id names one entry of either
        self.reads = Table(
            "audit_reads", metadata,
            Column("id", BigInteger, primary_key=True, server_default=text("nextval('audit_log_id_seq')")),
            Column("occurred_at", DateTime(timezone=True), nullable=False),
            Column("actor_id", Uuid),
            Column("on_behalf_of", Uuid),
            Column("action", String(40), nullable=False),
            Column("record_type", String(60), nullable=False),
            Column("record_id", Uuid, nullable=False),
            Column("changes", JSONB, nullable=False),
            Column("xid", BigInteger, nullable=False, server_default=text(CURRENT_TRANSACTION)),
            Index("ix_audit_reads_record", "record_type", "record_id"),
            Index("ix_audit_reads_actor", "actor_id", "occurred_at"),
            Index("ix_audit_reads_xid", "xid", "id"),
        ) if reads else None

    def record(self, session, *, actor_id, action, record_type, record_id, changes=None,
               on_behalf_of=None):
        """Append one row in the caller's transaction."""
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
        t = self.table
        prev = session.execute(select(t.c.hash).order_by(t.c.id.desc()).limit(1)).scalar() or GENESIS
        row = {"occurred_at": datetime.now(timezone.utc), "actor_id": actor_id,
               "on_behalf_of": on_behalf_of, "action": action, "record_type": record_type,
               "record_id": record_id, "changes": _canonical(changes or {})}
        session.execute(t.insert().values(**row, prev_hash=prev, hash=row_hash(row, prev)))

    def erasure_processed(self, session, *, event, records_removed=0, **details):
        """Record that this service has processed a contact person's erasure (the
        ``contact_person.erased`` event): what it removed, beside the event's facts."""
        p = event.payload
        self.record(session, actor_id=as_uuid(p.get("erased_by")), action="erasure_processed",
                    record_type="contact_person", record_id=as_uuid(p["contact_person_id"]), changes={
                        "event_id": event.id, "counterparty_id": as_uuid(p.get("counterparty_id")),
                        "reason": p.get("reason"), "records_removed": records_removed, **details})

    def about_contact_person(self, session, contact_person_id):
        """Every row of this log about a contact person (for the personal-data export)."""
        entries, _ = self.entries(session, record_type="contact_person", record_ids=[contact_person_id], limit=None)
        return entries

    def record_many(self, session, rows):
        """Append rows (each as ``record``'s keyword arguments) in the caller's transaction: one
        lock and one insert for all of them, chained in the order given."""
        if not rows:
            return
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
        t = self.table
        prev = session.execute(select(t.c.hash).order_by(t.c.id.desc()).limit(1)).scalar() or GENESIS
        now = datetime.now(timezone.utc)
        chained = []
        for given in rows:
            row = {"occurred_at": now, "actor_id": given["actor_id"], "on_behalf_of": given.get("on_behalf_of"),
                   "action": given["action"], "record_type": given["record_type"],
                   "record_id": given["record_id"], "changes": _canonical(given.get("changes") or {})}
            digest = row_hash(row, prev)
            chained.append({**row, "prev_hash": prev, "hash": digest})
            prev = digest
        session.execute(t.insert(), chained)

    def record_reads(self, session, rows):
        """Append reads (each as ``record``'s keyword arguments) to ``audit_reads`` in the
        caller's transaction: one insert, no lock; sealed into the chain later."""
        if not rows:
            return
        now = datetime.now(timezone.utc)
        session.execute(self.reads_table().insert(), [
            {"occurred_at": now, "actor_id": given["actor_id"], "on_behalf_of": given.get("on_behalf_of"),
             "action": given["action"], "record_type": given["record_type"], "record_id": given["record_id"],
             "changes": _canonical(given.get("changes") or {})} for given in rows])

    def reads_table(self):
        if self.reads is None:
            raise RuntimeError("this audit log keeps no reads: AuditLog(metadata, reads=True)")
        return self.reads

    def _last_seal_bound(self, session):
        t = self.table
        changes = session.execute(select(t.c.changes).where(t.c.action == SEALED,
                                                            t.c.record_type == SEALED_RECORD_TYPE)
                                  .order_by(t.c.id.desc()).limit(1)).scalar()
        return int(changes["to_xid"]) if changes else 0

    def seal(self, session):
        """Seal the reads no running transaction can add to any more (the caller commits);
        returns how many were sealed."""
        reads = self.reads_table()
        upto = session.execute(text(OLDEST_RUNNING)).scalar()
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
        since = self._last_seal_bound(session)
        if upto <= since:
            return 0
        rows = session.execute(select(reads).where(reads.c.xid >= since, reads.c.xid < upto)
                               .order_by(reads.c.id)).mappings().all()
        if not rows:
            return 0
        self.record(session, actor_id=None, action=SEALED, record_type=SEALED_RECORD_TYPE,
                    record_id=SEALED_RECORD_ID,
                    changes={"from_xid": since, "to_xid": upto, "count": len(rows),
                             "first_id": rows[0]["id"], "last_id": rows[-1]["id"], "digest": reads_digest(rows)})
        return len(rows)

    def unsealed(self, connection):
        """How many reads wait for their seal."""
        if self.reads is None:
            return 0
        since = self._last_seal_bound(connection)
        return connection.execute(select(func.count()).where(self.reads.c.xid >= since)).scalar()

    def entries(self, session, *, record_type=None, record_ids=None, actor_id=None, action=None,
                since=None, until=None, limit=100, offset=0):
        """Rows (writes, seals and reads alike) newest first, with the total matching."""
        def filtered(t, *columns):
            query = select(*columns)
            if record_type:
                query = query.where(t.c.record_type == record_type)
            if record_ids is not None:
                query = query.where(t.c.record_id.in_(record_ids))
            if actor_id:
                query = query.where(t.c.actor_id == actor_id)
            if action:
                query = query.where(t.c.action == action)
            if since:
                query = query.where(t.c.occurred_at >= since)
            if until:
                query = query.where(t.c.occurred_at < until)
            return query

        t = self.table
        shown = ("id", "occurred_at", "actor_id", "on_behalf_of", "action", "record_type", "record_id", "changes")
        query = filtered(t, *(t.c[name] for name in shown), t.c.prev_hash, t.c.hash)
        if self.reads is not None:  # a read has no hashes of its own: its seal has them
            r = self.reads
            query = union_all(query, filtered(r, *(r.c[name] for name in shown),
                                              literal(None, String).label("prev_hash"),
                                              literal(None, String).label("hash")))
        listed = query.subquery()
        total = session.scalar(select(func.count()).select_from(listed))
        rows = session.execute(select(listed).order_by(listed.c.id.desc()).limit(limit).offset(offset)).mappings()
        return [dict(row) for row in rows], total

    def readable(self, session, *, actor, checks, record_type=None, record_id=None, **filters):
        """Rows the actor may read, newest first, with the total.

        With ``view_audit``: any. Otherwise only those of one record the actor sees:
        ``checks`` maps a record type to a function of the record id that raises NotFound
        when the actor does not see it; other types do not exist for the actor.
        """
        if not actor.may("view_audit"):
            if record_id is None:
                raise PermissionDenied("your roles do not allow viewing the audit log",
                                       {"permission": "view_audit"})
            if record_type not in checks:
                raise NotFound(f"{record_type} {record_id} not found")
            checks[record_type](record_id)
        return self.entries(session, record_type=record_type,
                            record_ids=None if record_id is None else [record_id], **filters)

    def verified(self, session, *, actor):
        """Whether the chain is whole and the first row that breaks it (``view_audit``)."""
        if not actor.may("view_audit"):
            raise PermissionDenied("your roles do not allow viewing the audit log",
                                   {"permission": "view_audit"})
        intact, first_bad_id = self.verify(session.connection())
        return {"intact": intact, "first_bad_id": first_bad_id}

    def verify(self, connection):
        """(True, None) when the chain is whole and every seal matches the reads it covers,
        else (False, id of the first bad row: the seal, for a read that changed)."""
        prev, bound = GENESIS, 0
        for row in connection.execute(select(self.table).order_by(self.table.c.id)).mappings():
            if row["prev_hash"] != prev or row_hash(row, prev) != row["hash"]:
                return False, row["id"]
            prev = row["hash"]
            if row["action"] == SEALED and row["record_type"] == SEALED_RECORD_TYPE and self.reads is not None:
                if not self._seal_holds(connection, row["changes"], bound):
                    return False, row["id"]
                bound = int(row["changes"]["to_xid"])
        return True, None

    def _seal_holds(self, connection, seal, bound):
        """Whether a seal follows the previous one and its reads are what it hashed."""
        if int(seal.get("from_xid", -1)) != bound:
            return False
        r = self.reads
        rows = connection.execute(select(r).where(r.c.xid >= int(seal["from_xid"]), r.c.xid < int(seal["to_xid"]))
                                  .order_by(r.c.id)).mappings().all()
        return len(rows) == seal.get("count") and reads_digest(rows) == seal.get("digest")


class AuditEntrySchema(Schema):
    """One audit row as services answer it over the bus."""

    id = fields.Integer()
    occurred_at = fields.AwareDateTime()
    actor_id = fields.UUID(allow_none=True)
    on_behalf_of = fields.UUID(allow_none=True)
    action = fields.String()
    record_type = fields.String()
    record_id = fields.UUID()
    changes = fields.Dict()
    hash = fields.String(allow_none=True)  # null for a read: its seal holds the hash


def audit_query_schema(record_types):
    """The schema of an audit query for a service whose rows are about ``record_types``."""

    class AuditQuerySchema(Schema):
        record_type = fields.String(load_default=None, validate=validate.OneOf(record_types))
        record_id = fields.UUID(load_default=None)
        actor_id = fields.UUID(load_default=None, metadata={"description": "rows written by this employee"})
        action = fields.String(load_default=None, validate=validate.Length(max=40))
        since = fields.AwareDateTime(load_default=None)
        until = fields.AwareDateTime(load_default=None)
        limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=500))
        offset = fields.Integer(load_default=0, validate=validate.Range(min=0))

        @validates_schema
        def record_needs_its_type(self, data, **kwargs):
            if data.get("record_id") is not None and not data.get("record_type"):
                raise ValidationError("A record id needs its record type.", "record_type")

    return AuditQuerySchema


def diff(before, after, fields, personal=()):
    """Field -> {from, to} for the fields that changed; personal ones only say they changed."""
    changes = {}
    for name in fields:
        old, new = before.get(name), after.get(name)
        if old != new:
            changes[name] = {"changed": True} if name in personal else {"from": old, "to": new}
    return changes


def main(argv=None):
    parser = argparse.ArgumentParser(description="Check a service's audit chain.")
    parser.add_argument("command", choices=["verify"])
    parser.add_argument("database_url")
    args = parser.parse_args(argv)
    from sqlalchemy import MetaData, inspect
    engine = create_engine(normalise_url(args.database_url))
    with engine.connect() as connection:
        log = AuditLog(MetaData(), reads=inspect(connection).has_table("audit_reads"))
        ok, bad = log.verify(connection)
        waiting = log.unsealed(connection)
    engine.dispose()
    print("audit chain intact" if ok else f"audit chain broken at row {bad}")
    if waiting:
        print(f"{waiting} reads wait for their seal")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
