"""iCalendar (RFC 5545) as Chancery writes it, once for the gateway's calendar feeds and the
notifications service's invitations, so both name the same event the same way.

- one UID per record, whatever changes: ``<kind>-<record id>@<CALENDAR_UID_DOMAIN>``
  (default ``chancery``), so an update replaces the event instead of adding one;
- times in the employee's own zone, with ``TZID`` and the zone's ``VTIMEZONE`` in the
  calendar (UTC times stay UTC, ``...Z``);
- ``SEQUENCE`` is the record's version (a higher one replaces a lower one), ``LAST-MODIFIED``
  when that version was made, ``DTSTAMP`` when this copy was written (a feed, which has no
  METHOD, gives the last change, as RFC 5545 3.8.7.2 asks).
"""
import os
from datetime import timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, vCalAddress, vText

PRODID = "-//Chancery//Chancery calendar//EN"


def uid(kind, record_id):
    """The record's event UID: the same in every feed and every invitation."""
    return f"{kind}-{record_id}@{os.environ.get('CALENDAR_UID_DOMAIN') or 'chancery'}"


def zone(name):
    """The zone an employee's card names, UTC when unknown."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def calendar(*, name=None, method=None, time_zone="UTC", refresh_minutes=None):
    """An empty VCALENDAR; a feed gets a name and how often to ask again, an invitation a METHOD."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    if name:
        cal.add("name", name)
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", zone(time_zone).key)
    if refresh_minutes:
        cal.add("refresh-interval", timedelta(minutes=refresh_minutes), parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", f"PT{refresh_minutes}M")
    return cal


def _address(person):
    address = vCalAddress(f"mailto:{person['email']}")
    if person.get("name"):
        address.params["cn"] = vText(person["name"])
    for key, value in (person.get("params") or {}).items():
        address.params[key] = vText(value)
    return address


def event(*, uid, sequence, start, end, summary, stamp, last_modified=None, created=None, time_zone="UTC",
          description=None, location=None, url=None, status="CONFIRMED", busy=True, categories=(),
          organizer=None, attendees=()):
    """One VEVENT, its times in ``time_zone``. ``organizer``/``attendees``: {"email", "name",
    "params"} (an invitation names them; a feed does not)."""
    tz = zone(time_zone)
    item = Event()
    item.add("uid", uid)
    item.add("sequence", int(sequence))
    item.add("dtstamp", stamp.astimezone(timezone.utc))
    if created is not None:
        item.add("created", created.astimezone(timezone.utc))
    item.add("last-modified", (last_modified or stamp).astimezone(timezone.utc))
    item.add("dtstart", start.astimezone(tz))
    item.add("dtend", end.astimezone(tz))
    item.add("summary", summary)
    if description:
        item.add("description", description)
    if location:
        item.add("location", location)
    if url:
        item.add("url", url)
    if categories:
        item.add("categories", list(categories))
    item.add("status", status)
    item.add("transp", "OPAQUE" if busy else "TRANSPARENT")
    if organizer:
        item.add("organizer", _address(organizer))
    for attendee in attendees:
        item.add("attendee", _address(attendee))
    return item


def to_ical(cal):
    """The calendar's bytes, with a VTIMEZONE for every zone its events name."""
    cal.add_missing_timezones()
    return cal.to_ical()
