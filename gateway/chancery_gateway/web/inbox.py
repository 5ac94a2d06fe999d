"""The signed-in employee's notifications."""
from flask import g, make_response, redirect, render_template, request, url_for

from .. import auth, rpc
from . import bp, forms


# the inbox's filter by type: a family of kinds the service matches by prefix
KIND_FILTERS = ("approval", "reminder", "digest")


@bp.route("/inbox")
@auth.page_login_required
def inbox():
    """The inbox; htmx polls ``#inbox-list`` every few seconds, so new notifications appear live."""
    unread_only = request.args.get("unread") == "1"
    kind = request.args.get("kind") if request.args.get("kind") in KIND_FILTERS else None
    page, query = forms.paging()
    found = rpc.call("notifications", "list_notifications", g.actor,
                     {**query, "unread_only": unread_only, **({"kind": kind} if kind else {})})
    context = dict(notifications=found["items"], unread=found["unread"], unread_only=unread_only, kind=kind,
                   kinds=KIND_FILTERS, paging=forms.pages(found["total"], page))
    if forms.is_fragment("inbox-list"):
        return render_template("notifications/_inbox_list.html", oob_badges=True, **context)
    return render_template("inbox.html", **context)


@bp.route("/inbox/<uuid:notification_id>/read", methods=["POST"])
@auth.page_login_required
def read_notification(notification_id):
    """Mark read; ``open=1`` then sends the browser on to what the notification is about."""
    notification = rpc.call("notifications", "mark_read", g.actor, str(notification_id))
    if request.args.get("open") == "1":
        target = forms.local_path(notification.get("link"), url_for("web.inbox"))
        if request.headers.get("HX-Request"):
            response = make_response("", 204)
            response.headers["HX-Redirect"] = target
            return response
        return redirect(target)
    if request.headers.get("HX-Request"):
        return render_template("_notification.html", notification=notification, oob_counts=True)
    return redirect(url_for("web.inbox"))


@bp.route("/inbox/read-all", methods=["POST"])
@auth.page_login_required
def read_all_notifications():
    rpc.call("notifications", "mark_all_read", g.actor)
    return redirect(forms.local_path(request.form.get("next"), url_for("web.inbox")))
