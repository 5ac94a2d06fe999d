"""The home page and the navigation's counters."""
from flask import g, render_template

from .. import auth, rpc
from . import agenda, bp, forms


def nav_counts():
    """Unread notifications and pending approval tasks of the signed-in employee.

    Called from the layout; a service that does not answer hides its counter, not the page.
    """
    if "nav_counts" not in g:
        results = rpc.fan_out({
            "unread": ("notifications", "unread_count", auth.actor()),
            "tasks": ("approvals", "list_my_tasks", auth.actor(),
                      {"status": "pending", "limit": 1}),
        })
        tasks = results["tasks"]
        g.nav_counts = {
            "unread": None if isinstance(results["unread"], Exception) else results["unread"],
            "tasks": None if isinstance(tasks, Exception) else tasks["total"],
        }
    return g.nav_counts


@bp.route("/nav/counts")
@auth.page_login_required
def counts():
    """The navigation's badges, polled every 30 s by htmx."""
    return render_template("_nav_counts.html")


@bp.route("/")
@auth.page_login_required
def home():
    """The first screen: my agenda for today (with what is overdue), approval tasks, notifications."""
    results = rpc.fan_out({
        "tasks": ("approvals", "list_my_tasks", g.actor, {"status": "pending", "limit": 10}),
        "notifications": ("notifications", "list_notifications", g.actor,
                          {"unread_only": True, "limit": 10}),
    })
    parts, unavailable = forms.answered(results)
    try:
        day = agenda.agenda_context(g.actor, "day")
    except Exception:  # noqa: BLE001  (the counterparties service is down: the rest still shows)
        day, unavailable = None, [*unavailable, "agenda"]
    return render_template("home.html", unavailable=unavailable, day_agenda=day, **parts)
