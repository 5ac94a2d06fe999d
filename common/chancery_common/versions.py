"""Record versions: no lost updates (optimistic concurrency, docs/reliability.md).

Every record that can be changed with PATCH has an integer ``version`` column kept by
SQLAlchemy (``version_id_col``): 1 when the record is made, one more with every UPDATE of
its row through the ORM. An ORM UPDATE of a row that is no longer at the version it read is
refused (``StaleDataError``, answered as a Conflict), so even a change that names no
version never overwrites a concurrent one unseen.

The gateway sends the version as the record's ETag. A change that names the version it was
based on (``If-Match``) reaches the service's update function as ``expected_version``; the
function reads the row ``FOR UPDATE`` and calls ``check``, which refuses a stale version with
``PreconditionFailed``: who changed the record last and when (from the service's audit
log), and the fields changed meanwhile with their values now, so the person can compare.

A model opts in with::

    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}
"""
from sqlalchemy import Integer, text
from sqlalchemy.orm import mapped_column

from .errors import InvalidInput, PreconditionFailed

# how many of a record's newest audit rows are read to find the changes made meanwhile
AUDIT_ROWS_READ = 50


def version_column():
    """The ``version`` column (existing rows start at 1: the migration's server default)."""
    return mapped_column(Integer, nullable=False, server_default=text("1"))


def load_version(value):
    """An ``expected_version`` from the bus: None (no check), a whole number of at least 1, or a
    list of them (any one matches; an empty list matches none: an If-Match of weak tags only).
    Anything else is InvalidInput naming ``expected_version``."""
    if value is None:
        return None
    wanted = value if isinstance(value, list) else [value]
    if any(isinstance(v, bool) or not isinstance(v, int) or v < 1 for v in wanted):
        raise InvalidInput("Invalid input: expected_version",
                           {"expected_version": ["A version is a whole number of at least 1."]})
    return value if isinstance(value, int) else tuple(wanted)


def _matches(version, expected):
    return version in expected if isinstance(expected, tuple) else version == expected


def check(session, *, record, expected_version, audit_log, record_type, dump, audited_as=None):
    """Nothing when ``expected_version`` is None or the record's version; else PreconditionFailed.

    ``record`` must have been read ``FOR UPDATE`` in the caller's transaction (so nobody changes
    it between this check and the caller's write); ``dump(record)`` is the record as the
    service answers it, from which the changed fields' values now are taken. ``audited_as``:
    for a record whose changes are audited on another (a contract's milestone on its document),
    (record type, record id, the key of ``changes`` that holds this record's id).
    """
    if expected_version is None or _matches(record.version, expected_version):
        return
    named = ", ".join(map(str, expected_version)) if isinstance(expected_version, tuple) else expected_version
    raise PreconditionFailed(
        f"{record_type.replace('_', ' ')} {record.id} was changed meanwhile: it is at version "
        f"{record.version}, not {named or 'one named'}",
        changed_meanwhile(session, record=record, expected_version=expected_version, audit_log=audit_log,
                          record_type=record_type, dump=dump, audited_as=audited_as))


def changed_meanwhile(session, *, record, expected_version, audit_log, record_type, dump, audited_as=None):
    """The details of a PreconditionFailed: current version, who and when, and the fields
    changed since ``expected_version`` with their values now.

    Each audited change of the record is one version, so the fields are those of its newest
    ``version - expected_version`` audit rows that changed something (a version the record
    never had, above its own, names no fields; of several, the newest counts)."""
    audited_type, audited_id, key = audited_as or (record_type, record.id, None)
    rows, _ = audit_log.entries(session, record_type=audited_type, record_ids=[audited_id],
                                limit=AUDIT_ROWS_READ)
    changes = [row for row in rows if row["action"] != "read" and _changed_fields(row["changes"])
               and (key is None or str((row["changes"] or {}).get(key)) == str(record.id))]
    based_on = max(expected_version, default=record.version) if isinstance(expected_version, tuple) \
        else expected_version
    missed = max(record.version - based_on, 0)
    fields = []
    for row in changes[:missed]:
        fields += [name for name in _changed_fields(row["changes"]) if name not in fields]
    current = dump(record)
    last = changes[0] if changes else None
    return {
        "current_version": record.version,
        "changed_by": str(last["actor_id"]) if last and last["actor_id"] else None,
        "changed_at": last["occurred_at"].isoformat() if last else None,
        "changes": {name: _value(current, name) for name in sorted(fields) if _present(current, name)},
    }


def _changed_fields(changes):
    """The names of the fields an audit row says changed ({from, to} or {changed: true})."""
    return [name for name, change in (changes or {}).items()
            if isinstance(change, dict) and ({"from", "to"} <= set(change) or change.get("changed"))]


def _present(current, name):
    head, _, rest = name.partition(".")
    return head in current and (not rest or isinstance(current[head], dict))


def _value(current, name):
    """``current[name]``; ``extra.code`` is ``current["extra"]["code"]`` (None when it is gone)."""
    head, _, rest = name.partition(".")
    return current[head].get(rest) if rest else current[head]
