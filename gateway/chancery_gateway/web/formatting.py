"""How values look on the pages: money with its currency, sizes, dates in the viewer's locale.

Times are rendered as ``<time datetime=...>`` with a UTC fallback text; static/js/app.js
rewrites them into the browser's local time, which the server does not know.
"""
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from flask_babel import format_date, format_decimal, gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

SIZE_UNITS = (_l("KB"), _l("MB"), _l("GB"))


def money(amount, currency):
    """1,500,000.00 RUB (1 500 000,00 RUB in Russian): the viewer's digits, then the code."""
    if amount in (None, ""):
        return ""
    try:
        text = format_decimal(Decimal(str(amount)), format="#,##0.00")
    except InvalidOperation:
        text = str(amount)
    return f"{text}\u00a0{currency}" if currency else text


def filesize(size):
    if size is None:
        return ""
    if size < 1024:
        return _("%(size)s B", size=size)
    value = size
    for unit in SIZE_UNITS:
        value /= 1024
        if value < 1024 or unit is SIZE_UNITS[-1]:
            break
    return _("%(size)s %(unit)s", size=format_decimal(value, format="#,##0.#"), unit=unit)


def day(value):
    """A calendar date (no time zone involved), e.g. 1 Mar 2026."""
    if not value:
        return ""
    return format_date(date.fromisoformat(str(value)[:10]), format="medium")


def moment(value):
    """A stored UTC time as a <time> element the browser shows in local time."""
    if not value:
        return Markup("")
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return escape(value)
    text = parsed.strftime("%Y-%m-%d %H:%M UTC")
    return Markup('<time datetime="%s">%s</time>') % (value, text)


def deadline(value):
    """A deadline as a <time>: the browser shows a deadline at local midnight as the end of the
    day before ("end of 5 Dec 2026"), not as "12:00 AM" of a day that has not begun."""
    shown = moment(value)
    if not value or "<time" not in shown:
        return shown
    end_of_day = escape(_("end of %(day)s", day="{day}"))
    return Markup(str(shown).replace("<time ", f'<time data-deadline data-end-of-day="{end_of_day}" ', 1))


def is_past(value):
    if not value:
        return False
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return False
    return parsed < datetime.now(parsed.tzinfo)


def register(app):
    app.jinja_env.filters.update(money=money, filesize=filesize, day=day, moment=moment, deadline=deadline)
    app.jinja_env.tests["past"] = is_past
