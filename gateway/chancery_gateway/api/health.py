"""Liveness, and the two endpoints the gateway benchmark compares.

Only ``/ping`` answers anyone: the others name the services behind the gateway and cost
an RPC each, so they are for administrators (a session or an API token of one).
"""
from flask import abort, g
from .blueprint import Blueprint

from chancery_common import topology

from .. import auth, rpc
from . import dead_letters

blp = Blueprint("health", __name__, url_prefix="/api/v1/health",
                description="Liveness (`/ping`, no sign-in needed) and the services' health "
                            "(administrators).")


def require_administrator():
    auth.require_api_session()
    if "administrator" not in g.actor["roles"]:
        abort(403, description="only administrators may see the services' health")


@blp.route("/ping")
@blp.doc(security=[])
@blp.response(200)
def ping():
    """Answers without calling any service: the gateway's own floor."""
    return {"status": "ok"}


@blp.route("/services")
@blp.response(200)
def services():
    """Asks every service for a ping in parallel; 503 when any does not answer. ``dead_letters``
    counts the messages the queues gave up on (events to replay, RPC requests nobody waits
    for; docs/operations.md): they do not make the answer a 503."""
    require_administrator()
    results = rpc.fan_out({name: (name, "ping") for name in topology.SERVICES})
    report = {name: ("ok" if result == "pong" else f"unavailable: {result}")
              for name, result in results.items()}
    status = 200 if all(value == "ok" for value in report.values()) else 503
    try:
        report["dead_letters"] = dead_letters.counts()
    except rpc.ServiceUnavailable as exc:
        report["dead_letters"] = f"unavailable: {exc.reason}"
    return report, status


@blp.route("/rpc")
@blp.response(200)
def one_rpc():
    """One RPC round trip to the staff service: the benchmark's one-RPC read (administrators)."""
    require_administrator()
    return {"status": rpc.call("staff", "ping")}
