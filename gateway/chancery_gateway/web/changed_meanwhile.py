"""Edit forms that never overwrite a change made meanwhile (preconditions.py, docs/ui.md).

Each edit form carries the version of the record it was opened at in a hidden field
(``version``); saving passes it to the service as the expected version. When someone else
saved the record in between, the form is shown again with the person's input kept, a notice
(who, at what time in the viewer's time zone) and a table of the differences: each field of
the form changed meanwhile, its value now and the value in the form. The form then carries
the new version, so saving again overwrites that change knowingly.
"""
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import g, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from .. import preconditions
from .admin_texts import word

FIELD = "version"
# fields of the edit forms the shared field labels do not name
LABELS = {"messengers": _l("Messengers"), "important_dates": _l("Important dates")}


def form_version():
    """The version the form was opened at (its hidden field), or None (a form without one)."""
    try:
        version = int(request.form.get(FIELD, ""))
    except ValueError:
        return None
    return version if version >= 1 else None


def notice(exc, fields, mine, shown=None, labels=None):
    """What the form shows after ``exc`` (PreconditionFailed): the new version, who and at what
    time, and a row (label, their value now, the value in the form) per field of ``fields``
    changed meanwhile. ``mine``: the form's values by field; ``shown(field, value)``: a value as
    people read it (an id as a name, say), after the default (lists joined, nothing as a dash);
    ``labels``: the names of fields the shared labels do not know (a document type's own fields)."""
    labels = {**LABELS, **(labels or {})}
    facts = preconditions.changed_meanwhile(exc)
    who = (facts["changed_by"] or {}).get("name")  # None: staff did not answer, or the change was the system's
    rows = [{"field": name, "label": labels.get(name) or word("field", name),
             "theirs": readable(name, theirs, shown), "mine": readable(name, mine.get(name), shown)}
            for name, theirs in facts["changes"].items() if name in fields]
    return {"version": facts["current_version"], "who": who, "at": local_time(facts["changed_at"]),
            "rows": rows, "elsewhere": any(name not in fields for name in facts["changes"])}


def readable(name, value, shown=None):
    if shown is not None:
        value = shown(name, value)
    if value in (None, "", []):
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, (list, tuple)):
        return "; ".join(_item(item) for item in value)
    return str(value)


def _item(item):
    """One entry of a list: a messenger or an important date by what people recognise it by."""
    if isinstance(item, dict):
        return " ".join(str(item[key]) for key in SHOWN_KEYS if item.get(key))
    return str(item)


# the keys of a list entry (a messenger, an important date) shown in the differences
SHOWN_KEYS = ("kind", "handle", "label", "date")


def local_time(moment):
    """HH:MM of an ISO time in the signed-in employee's time zone ("" when unknown)."""
    if not moment:
        return ""
    try:
        parsed = datetime.fromisoformat(moment)
        zone = ZoneInfo((g.get("employee") or {}).get("time_zone") or "UTC")
    except (ValueError, KeyError):
        return ""
    return parsed.astimezone(zone).strftime("%H:%M")
