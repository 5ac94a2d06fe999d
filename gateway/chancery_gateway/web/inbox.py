"""The signed-in employee's notifications."""
from flask import g, make_response, redirect, render_template, request, url_for

from .. import auth, rpc
from . import bp, forms


@bp.route("/inbox")
@auth.page_login_required
def inbox():
    unread_only = request.args.get("unread") == "1"
    page, query = forms.paging()
    found = rpc.call("notifications", "list_notifications", g.actor,
                     {**query, "unread_only": unread_only})
    return render_template("inbox.html", notifications=found["items"], unread=found["unread"],
                           unread_only=unread_only, paging=forms.pages(found["total"], page))


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
