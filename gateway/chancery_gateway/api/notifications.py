"""The signed-in employee's inbox (owned by the notifications service)."""
from flask import g
from .blueprint import Blueprint

from .. import rpc
from ..payload import jsonable
from .paging import listing
from .schemas.notifications import NotificationPageSchema, NotificationQueryArgs, NotificationSchema

blp = Blueprint("notifications", __name__, url_prefix="/api/v1/notifications",
                description="In-app notifications of the signed-in employee.")


@blp.route("/")
@blp.arguments(NotificationQueryArgs, location="query")
@blp.response(200, NotificationPageSchema)
@listing
def list_notifications(args):
    return rpc.call("notifications", "list_notifications", g.actor, jsonable(args))


@blp.route("/unread-count")
@blp.response(200)
def unread_count():
    return {"unread": rpc.call("notifications", "unread_count", g.actor)}


@blp.route("/<uuid:notification_id>/read", methods=["POST"])
@blp.response(200, NotificationSchema)
def mark_read(notification_id):
    return rpc.call("notifications", "mark_read", g.actor, str(notification_id))


@blp.route("/read-all", methods=["POST"])
@blp.response(200)
def mark_all_read():
    return rpc.call("notifications", "mark_all_read", g.actor)
