"""Administration → Webhooks: endpoints of other systems, their secrets, the delivery log and replays.

Administrators only; the webhooks service checks every call again.
"""
import json

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import InvalidInput

from .. import rpc
from . import admin_texts, bp, forms
from .admin import NO_STORE, admin_page

STATUSES = ("pending", "succeeded", "failed")


def event_formats():
    """How an endpoint may get its events, by code, in words."""
    return {"chancery": _("Chancery envelope (JSON)"), "cloudevents-binary": _("CloudEvents, binary mode"),
            "cloudevents-structured": _("CloudEvents, structured mode")}


def _event_types(text):
    """``document.*, approval.finished`` (commas, spaces or lines) as a list."""
    return [part for part in text.replace(",", " ").split() if part]


def _page(created=None, values=None, errors=None, status=200):
    endpoints = rpc.call("webhooks", "list_endpoints", g.actor)
    recent = rpc.call("webhooks", "list_deliveries", g.actor, {"limit": 20})
    headers = NO_STORE if created else {}
    return render_template("admin/webhooks.html", endpoints=endpoints, created=created, values=values or {},
                           errors=errors or {}, recent=recent["items"], event_formats=event_formats()), \
        status, headers


@bp.route("/admin/webhooks", methods=["GET", "POST"])
@admin_page()
def admin_webhooks():
    """The endpoints and the latest deliveries; a new endpoint's secret is shown once, here."""
    if request.method != "POST":
        return _page()
    values = request.form.to_dict()
    data = {**forms.values(("url", "description")), "event_types": _event_types(values.get("event_types", "")),
            "event_format": values.get("event_format") or "chancery"}
    try:
        created = rpc.call("webhooks", "create_endpoint", g.actor, data)
    except InvalidInput as exc:
        return _page(values=values, errors=admin_texts.field_errors(exc.details or {}), status=422)
    return _page(created=created)


@bp.route("/admin/webhooks/<uuid:endpoint_id>/rotate", methods=["POST"])
@admin_page()
def admin_rotate_webhook_secret(endpoint_id):
    return _page(created=rpc.call("webhooks", "rotate_secret", g.actor, str(endpoint_id)))


@bp.route("/admin/webhooks/<uuid:endpoint_id>/active", methods=["POST"])
@admin_page()
def admin_webhook_active(endpoint_id):
    active = request.form.get("active") == "true"
    endpoint = rpc.call("webhooks", "update_endpoint", g.actor, str(endpoint_id), {"is_active": active})
    flash(_("Deliveries to %(url)s resumed.", url=endpoint["url"]) if active else
          _("Deliveries to %(url)s paused: they wait until you resume.", url=endpoint["url"]), "success")
    return redirect(url_for("web.admin_webhooks"))


@bp.route("/admin/webhooks/<uuid:endpoint_id>/delete", methods=["POST"])
@admin_page()
def admin_delete_webhook(endpoint_id):
    rpc.call("webhooks", "delete_endpoint", g.actor, str(endpoint_id))
    flash(_("The endpoint is deleted; its log stays."), "success")
    return redirect(url_for("web.admin_webhooks"))


@bp.route("/admin/webhooks/deliveries")
@admin_page()
def admin_webhook_deliveries():
    """The delivery log, filtered by endpoint and status."""
    query = {"limit": 100}
    endpoint_id = request.args.get("endpoint_id", "").strip()
    status = request.args.get("status", "").strip()
    if endpoint_id:
        query["endpoint_id"] = endpoint_id
    if status in STATUSES:
        query["status"] = status
    page = rpc.call("webhooks", "list_deliveries", g.actor, query)
    endpoints = rpc.call("webhooks", "list_endpoints", g.actor)
    return render_template("admin/webhooks_deliveries.html", deliveries=page["items"], total=page["total"],
                           endpoints=endpoints, endpoint_id=endpoint_id, status=status, statuses=STATUSES)


@bp.route("/admin/webhooks/deliveries/<uuid:delivery_id>")
@admin_page()
def admin_webhook_delivery(delivery_id):
    delivery = rpc.call("webhooks", "get_delivery", g.actor, str(delivery_id))
    try:  # the exact body sent, laid out for reading
        body = json.dumps(json.loads(delivery["body"]), indent=2, ensure_ascii=False)
    except ValueError:
        body = delivery["body"]
    return render_template("admin/webhooks_delivery.html", delivery=delivery, body=body)


@bp.route("/admin/webhooks/deliveries/<uuid:delivery_id>/replay", methods=["POST"])
@admin_page()
def admin_replay_webhook_delivery(delivery_id):
    rpc.call("webhooks", "replay_delivery", g.actor, str(delivery_id))
    flash(_("The delivery is sent again with the same webhook-id."), "success")
    return redirect(request.form.get("next") or url_for("web.admin_webhook_delivery", delivery_id=delivery_id))
