"""The caller's private calendar address: their planned contacts and approval deadlines as an
iCalendar feed at ``GET /calendar/<secret>.ics`` (no session; docs/api.md, "Calendar feed").
One's own credential, so these take the session only, like the password."""
from flask import current_app
from .blueprint import Blueprint

from .. import auth, rpc
from ..compose import calendar_feed
from .schemas.staff import CalendarFeedSchema

blp = Blueprint("calendar-feed", __name__, url_prefix="/api/v1/auth/calendar-feed",
                description="My private calendar address for Outlook, Google Calendar and phones: make it (the "
                            "address is answered once), make a new one (the old stops at once), revoke it.")


@blp.route("")
@blp.doc(security=[{"session": []}])
@auth.api_login_required(session_only=True)
@blp.response(200, CalendarFeedSchema)
def status():
    """Whether I have a calendar address, when it was made and last read (never the address)."""
    return rpc.call("staff", "calendar_feed", auth.actor())


@blp.route("", methods=["POST"])
@blp.doc(security=[{"session": []}])
@auth.api_login_required(session_only=True)
@blp.response(201, CalendarFeedSchema)
def issue():
    """Make my calendar address, or a new one (the previous address answers 404 from now on).
    The address is in this answer only; only a hash of its secret is kept."""
    made = rpc.call("staff", "issue_calendar_feed", auth.actor())
    url, webcal_url = calendar_feed.url_of(current_app.config["CHANCERY"].public_url, made.pop("secret"))
    return {**made, "url": url, "webcal_url": webcal_url}


@blp.route("", methods=["DELETE"])
@blp.doc(security=[{"session": []}])
@auth.api_login_required(session_only=True)
@blp.response(200, CalendarFeedSchema)
def revoke():
    """Revoke my calendar address: it answers 404 from now on."""
    return rpc.call("staff", "revoke_calendar_feed", auth.actor())
