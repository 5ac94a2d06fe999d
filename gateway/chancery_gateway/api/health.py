"""Liveness, and the two endpoints the gateway benchmark compares."""
from flask_smorest import Blueprint

from .. import rpc

blp = Blueprint("health", __name__, url_prefix="/api/v1/health",
                description="Liveness and benchmark probes (no sign-in needed).")


@blp.route("/ping")
@blp.response(200)
def ping():
    """Answers without calling any service: the gateway's own floor."""
    return {"status": "ok"}


@blp.route("/services")
@blp.response(200)
def services():
    """Asks every service for a ping in parallel; 503 when any does not answer."""
    names = ("staff", "counterparties", "documents", "approvals", "notifications", "webhooks")
    results = rpc.fan_out({name: (name, "ping") for name in names})
    report = {name: ("ok" if result == "pong" else f"unavailable: {result}")
              for name, result in results.items()}
    status = 200 if all(value == "ok" for value in report.values()) else 503
    return report, status


@blp.route("/rpc")
@blp.response(200)
def one_rpc():
    """One RPC round trip to the staff service: the benchmark's one-RPC read."""
    return {"status": rpc.call("staff", "ping")}
