"""The private calendar feed's address (no session: the secret in it is the credential), and
its management on the account page: make, make a new one, revoke (docs/ui.md, "Calendar
subscription")."""
from flask import Response, abort, current_app, flash, g, redirect, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import InvalidInput, NotFound

from .. import auth, rpc
from ..compose import calendar_feed
from . import account, bp, texts


@bp.route("/calendar/<secret>.ics")
def calendar_ics(secret):
    if not calendar_feed.looks_like_secret(secret):
        abort(404)
    try:
        body, etag = calendar_feed.feed(secret, public_url=current_app.config["CHANCERY"].public_url,
                                        kind_label=texts.label)
    except (NotFound, InvalidInput):
        abort(404)
    headers = {"Cache-Control": f"private, max-age={int(calendar_feed.cache_seconds())}",
               "X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer"}
    if request.if_none_match.contains(etag):
        response = Response(status=304, headers=headers)
    else:
        response = Response(body, mimetype="text/calendar", headers={
            **headers, "Content-Disposition": 'inline; filename="chancery.ics"'})
    response.set_etag(etag)
    return response


@bp.route("/account/calendar", methods=["POST"])
@auth.page_login_required
def account_calendar():
    """Make my calendar address (or a new one: the old stops working), shown once; or revoke it."""
    if request.form.get("action") == "revoke":
        rpc.call("staff", "revoke_calendar_feed", g.actor)
        flash(_("Your calendar address is revoked: calendars subscribed to it get nothing more."), "success")
        return redirect(url_for("web.account") + "#calendar")
    made = rpc.call("staff", "issue_calendar_feed", g.actor)
    https, webcal = calendar_feed.url_of(current_app.config["CHANCERY"].public_url, made["secret"])
    return account.page({}, calendar={**made, "url": https, "webcal_url": webcal})
