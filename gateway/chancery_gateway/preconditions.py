"""ETag and If-Match: no lost updates, through the API and the pages alike (docs/api.md,
"Changed meanwhile").

A record's ETag is its version (chancery_common.versions), a strong entity tag: ``"7"``.
A version rather than a hash of the answer: the service checks it under the row's lock in
the same transaction as the write, so two changes from the same version can never both
pass; and it names the record's state, not its rendering (a new field in the answer, the
gateway's own composition, would change a hash without the record changing).

``If-Match`` (RFC 9110, 13.1.1): ``*`` (any version: the record exists), or a list of entity
tags of which one must be the record's version. Comparison is strong: a weak tag
(``W/"7"``) never matches, nor does a tag that is not a version; an If-Match of only such
tags is answered 412. A header that does not parse is 400 naming it. Without If-Match a
change is made as before (integrators are told to send it).
"""
import re

from flask import request
from werkzeug.exceptions import BadRequest

from . import employee_names, rpc

ANY = "*"
# one entity tag: W/ for weak, then the opaque tag in double quotes (etagc: %x21 / %x23-7E / obs-text)
_ENTITY_TAG = re.compile(r'\s*(W/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*')


class MalformedIfMatch(BadRequest):
    """If-Match does not parse: answered 400 naming the header."""

    def __init__(self, reason):
        super().__init__(f"If-Match is malformed: {reason}")
        self.data = {"message": self.description,
                     "messages": {"headers": {"If-Match": [reason]}}}


def parse_if_match(value):
    """None (no header), ANY, or the versions a strong entity tag names (a list, perhaps empty:
    weak tags and tags that are not versions match nothing). MalformedIfMatch when it does not parse."""
    if value is None:
        return None
    text = value.strip()
    if text == ANY:
        return ANY
    if not text:
        raise MalformedIfMatch('an empty value: send "*" or entity tags such as "7"')
    versions, position = [], 0
    while position < len(text):
        match = _ENTITY_TAG.match(text, position)
        if match is None:
            raise MalformedIfMatch(f'expected an entity tag in double quotes (such as "7") at {text[position:]!r}')
        weak, tag = match.groups()
        if not weak and tag.isdigit() and tag.isascii() and int(tag) >= 1:
            versions.append(int(tag))
        position = match.end()
        if position < len(text):
            if text[position] != ",":
                raise MalformedIfMatch(f"entity tags are separated by commas, at {text[position:]!r}")
            position += 1
            if not text[position:].strip():
                raise MalformedIfMatch("a comma with no entity tag after it")
    return versions


def expected_version():
    """What the service's update function takes as ``expected_version`` from this request's
    If-Match: None (no header, or ``*``), one version, or a list of them (perhaps empty)."""
    parsed = parse_if_match(request.headers.get("If-Match"))
    if parsed is None or parsed == ANY:
        return None
    return parsed[0] if len(parsed) == 1 else parsed


def etag(version):
    """The ETag header's value for a record at ``version``."""
    return f'"{int(version)}"'


def tagged(record, version=None):
    """A view's answer with the record's ETag: (record, 200, headers) for flask-smorest."""
    return record, 200, {"ETag": etag(record["version"] if version is None else version)}


def changed_meanwhile(exc):
    """A PreconditionFailed's details for people and programs: the current version, who changed
    the record last ({id, name}; the name when staff answers) and when, and the fields changed
    meanwhile with their values now."""
    details = exc.details if isinstance(exc.details, dict) else {}
    who = details.get("changed_by")
    name = None
    if who:
        try:
            name = employee_names.names([who]).get(who)
        except rpc.ServiceUnavailable:  # the answer still says what changed, without the name
            name = None
    return {"current_version": details.get("current_version"),
            "changed_by": {"id": who, "name": name} if who else None,
            "changed_at": details.get("changed_at"),
            "changes": details.get("changes") or {}}
