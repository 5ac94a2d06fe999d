"""Every employee's name, kept by each gateway worker and brought up to date by version.

Pages and the unified view show people by name; asking staff for the names of each view
was a second round of calls after the first (the ids are known only from the parts). The
worker keeps all names instead, with the names version they are current to (staff stamps
each added or renamed employee with the next version, in commit order: migration 0006 of
staff). Each signed-in request's identity (auth.py, cached a few seconds like the rest of
it) carries staff's current version; when it is newer than the worker's, the worker asks
for the names changed since its own, once, and then answers from memory. A rename shows
as soon as the identity shows the new version (at once in the worker that made the change:
``changed()``). Without a version to compare (outside a request) the worker asks each time.
"""
import threading

from flask import g, has_request_context

from . import rpc

_lock = threading.Lock()
_names = {}
_version = -1  # none held yet: the first refresh brings every name
_stale = False  # this worker changed an employee: ask before the identities announce it


def names(ids):
    """{id: full name} of these employees (ids staff does not know are left out); raises
    rpc.ServiceUnavailable when the names must be refreshed and staff does not answer."""
    wanted = {str(employee_id) for employee_id in ids if employee_id}
    if not wanted:
        return {}
    current = announced_version()
    if current is None or current > _version or _stale:
        _refresh(None if _stale else current)
    return {employee_id: _names[employee_id] for employee_id in wanted if employee_id in _names}


def announced_version():
    """The names version the signed-in request's identity carries, if any."""
    if not has_request_context():
        return None
    return (getattr(g, "identity", None) or {}).get("names_version")


def _refresh(wanted):
    global _version, _stale
    with _lock:  # one thread asks; the others wait for its answer and use it
        if wanted is not None and wanted <= _version:
            return
        answer = rpc.call("staff", "employee_names_since", _version)
        _names.update(answer["names"])
        _version, _stale = max(_version, answer["version"]), False


def changed():
    """This worker added or changed employees: their names are asked for on the next use, not
    only once the identities (cached a few seconds) announce the new version."""
    global _stale
    _stale = True


def forget():
    """Drop every name held (tests; a worker starting afresh)."""
    global _version, _stale
    with _lock:
        _names.clear()
        _version, _stale = -1, False
