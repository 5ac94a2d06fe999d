"""The counterparties service's part of the global search: contact persons and activities
whose text holds every word typed, among those the actor may see.

The directory itself is searched by ``logic.list_counterparties`` (its full-text index);
these two are small lookups for the search box, so a word-by-word ILIKE (served by the
trigram indexes) is enough and finds parts of phone numbers and e-mail addresses too.
"""
import re

from marshmallow import Schema, fields, validate
from sqlalchemy import String, and_, cast, or_, select

from . import access
from .models import Activity, ContactPerson, Counterparty

MAX_WORDS = 6
SNIPPET_WIDTH = 160  # characters of an activity's plan shown around the first word found in it


class QuickSearchSchema(Schema):
    """The RPC's request."""

    text = fields.String(required=True, validate=validate.Length(min=1, max=200))
    limit = fields.Integer(load_default=8, validate=validate.Range(min=1, max=50))


class FoundPersonSchema(Schema):
    id = fields.UUID()
    full_name = fields.String()
    position = fields.String(allow_none=True)
    counterparty_id = fields.UUID()
    counterparty_name = fields.String()
    phone = fields.String(allow_none=True)
    email = fields.String(allow_none=True)


class FoundActivitySchema(Schema):
    id = fields.UUID()
    kind = fields.String()
    subject = fields.String()
    status = fields.String()
    planned_at = fields.AwareDateTime()
    counterparty_id = fields.UUID()
    counterparty_name = fields.String()
    responsible_id = fields.UUID()
    snippet = fields.List(fields.Tuple((fields.String(), fields.Boolean())), allow_none=True, metadata={
        "description": "where the words occur in the plan, as [text, matched] parts, or null"})


class QuickSearchResultSchema(Schema):
    contact_persons = fields.List(fields.Nested(FoundPersonSchema))
    activities = fields.List(fields.Nested(FoundActivitySchema))


def words_of(text):
    """The words of a query, without LIKE wildcards, at most MAX_WORDS of them."""
    cleaned = (text or "").replace("\\", " ").replace("%", " ").replace("_", " ")
    return [word for word in cleaned.split() if word][:MAX_WORDS]


def _every_word(words, columns):
    return and_(*[or_(*[column.ilike(f"%{word}%") for column in columns]) for word in words])


def quick_search(session, *, actor, text, limit=8):
    """{"contact_persons": [...], "activities": [...]}: each a list of small dicts, best first."""
    words = words_of(text)
    if not words:
        return {"contact_persons": [], "activities": []}
    persons = session.execute(
        select(ContactPerson, Counterparty.name)
        .join(Counterparty, Counterparty.id == ContactPerson.counterparty_id)
        .where(access.contact_person_condition(actor), ContactPerson.anonymised_at.is_(None),
               _every_word(words, [ContactPerson.full_name, ContactPerson.position,
                                   cast(ContactPerson.phones, String), cast(ContactPerson.emails, String)]))
        .order_by(ContactPerson.full_name, ContactPerson.id).limit(limit)).all()
    activities = session.execute(
        select(Activity, Counterparty.name)
        .join(Counterparty, Counterparty.id == Activity.counterparty_id)
        .where(access.activity_condition(actor),
               _every_word(words, [Activity.subject, Activity.description, Activity.phone_or_place]))
        .order_by(Activity.planned_at.desc(), Activity.id).limit(limit)).all()
    return {
        "contact_persons": [{
            "id": person.id, "full_name": person.full_name, "position": person.position,
            "counterparty_id": person.counterparty_id, "counterparty_name": counterparty_name,
            "phone": (person.phones or [None])[0], "email": (person.emails or [None])[0],
        } for person, counterparty_name in persons],
        "activities": [{
            "id": activity.id, "kind": activity.kind, "subject": activity.subject, "status": activity.status,
            "planned_at": activity.planned_at, "counterparty_id": activity.counterparty_id,
            "counterparty_name": counterparty_name, "responsible_id": activity.responsible_id,
            "snippet": snippet(activity.description, words),
        } for activity, counterparty_name in activities],
    }


def snippet(text, words, width=SNIPPET_WIDTH):
    """The part of ``text`` around the first of ``words`` found in it, as [text, matched] parts
    (every occurrence of a word marked, case-insensitively), or None when none occurs."""
    text = " ".join((text or "").split())
    pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    first = pattern.search(text) if words else None
    if first is None:
        return None
    start = max(0, first.start() - width // 3)
    end = min(len(text), start + width)
    # cut at spaces, so no word is shown in half
    if start > 0:
        start = text.find(" ", start, first.start()) + 1 or start
    if end < len(text):
        space = text.rfind(" ", first.end(), end)
        end = space if space > 0 else end
    shown = text[start:end]
    parts, at = [], 0
    if start > 0:
        parts.append(["… ", False])
    for match in pattern.finditer(shown):
        if match.start() > at:
            parts.append([shown[at:match.start()], False])
        parts.append([match.group(), True])
        at = match.end()
    if at < len(shown):
        parts.append([shown[at:], False])
    if end < len(text):
        parts.append([" …", False])
    return parts
