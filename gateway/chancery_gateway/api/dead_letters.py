"""Dead letters: messages the services' queues gave up on after their delivery limit
(administrators only; chancery_common.dead_letters does the work, docs/operations.md)."""
from flask import current_app, g
from flask_smorest import abort

from .blueprint import Blueprint
from kombu import Connection

from chancery_common import dead_letters

from .. import rpc
from .paging import listing
from .schemas.dead_letters import DeadLetterArgs, DeadLetterListSchema, ReplayedSchema, ReplaySchema

blp = Blueprint("dead_letters", __name__, url_prefix="/api/v1/admin/dead-letters",
                description="Messages a service could not process within its queue's delivery limit: "
                            "list them and, once the fault is fixed, replay them to the queue they died in. "
                            "Administrators only.")


def _require_administrator():
    if "administrator" not in g.actor["roles"]:
        abort(403, message="only administrators see and replay dead letters")


def broker():
    """A connection of its own to the broker (these calls are rare)."""
    return Connection(current_app.config["CHANCERY"].amqp_uri, connect_timeout=5)


def counts():
    """{"events": n, "rpc": m}; ServiceUnavailable when the broker does not answer."""
    try:
        with broker() as connection:
            return dead_letters.count(connection)
    except OSError as exc:
        raise rpc.ServiceUnavailable.of("broker", str(exc) or type(exc).__name__) from None


@blp.route("/")
@blp.arguments(DeadLetterArgs, location="query")
@blp.response(200, DeadLetterListSchema)
@listing
def list_dead_letters(args):
    """Dead letters oldest first; they stay where they are."""
    _require_administrator()
    rpc_kind = args["kind"] == "rpc"
    try:
        with broker() as connection:
            items = dead_letters.list_dead_letters(connection, rpc=rpc_kind, limit=args["limit"])
            waiting = dead_letters.count(connection)["rpc" if rpc_kind else "events"]
    except OSError as exc:
        raise rpc.ServiceUnavailable.of("broker", str(exc) or type(exc).__name__) from None
    return {"items": [item.to_dict() for item in items], "count": waiting}


@blp.route("/replay", methods=["POST"])
@blp.arguments(ReplaySchema)
@blp.response(200, ReplayedSchema)
def replay(data):
    """Send dead letters back to the queues they died in (fix the fault first)."""
    _require_administrator()
    try:
        with broker() as connection:
            replayed = dead_letters.replay(connection, ids=None if data.get("all") else data["ids"],
                                           queue=data.get("queue"))
    except OSError as exc:
        raise rpc.ServiceUnavailable.of("broker", str(exc) or type(exc).__name__) from None
    found = {item.id for item in replayed}
    return {"replayed": [item.to_dict() for item in replayed],
            "not_found": sorted(set(data.get("ids") or ()) - found)}
