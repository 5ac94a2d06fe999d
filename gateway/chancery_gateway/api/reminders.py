"""Reminders, reminder schemes of document types, and notification preferences
(owned by the notifications service)."""
from flask import g
from .blueprint import Blueprint
from marshmallow import Schema, fields

from .. import rpc
from ..compose.reminders import date_fields_of
from ..payload import jsonable
from .paging import listing
from .schemas.common import page_of
from .schemas.reminders import (
    DateFieldSchema, DeliverySchema, NewReminderSchema, PreferencesSchema, ReminderPageSchema, ReminderQueryArgs,
    ReminderSchema, ReminderSchemeSchema
)

blp = Blueprint("reminders", __name__, url_prefix="/api/v1",
                description="Reminders (set by hand or planned by schemes), reminder schemes per document "
                            "type, and each employee's notification preferences.")



# Reminders.

@blp.route("/reminders/")
@blp.arguments(ReminderQueryArgs, location="query")
@blp.response(200, ReminderPageSchema)
@listing
def list_reminders(args):
    """The caller's reminders (to them, or set by them), soonest first; about one record if asked."""
    return rpc.call("notifications", "list_reminders", g.actor, jsonable(args))


@blp.route("/reminders/", methods=["POST"])
@blp.arguments(NewReminderSchema)
@blp.response(201, ReminderSchema(many=True))
def create_reminder(data):
    """A reminder set by hand about any record (or none): for oneself; for other employees or a
    department with the right (administrators, directors; department heads for their departments)."""
    return rpc.call("notifications", "create_reminder", g.actor, jsonable(data))


@blp.route("/reminders/<uuid:reminder_id>", methods=["DELETE"])
@blp.response(204)
def delete_reminder(reminder_id):
    """Remove a pending reminder that is the caller's or that they set."""
    rpc.call("notifications", "delete_reminder", g.actor, str(reminder_id))


# Reminder schemes.

@blp.route("/reminder-schemes/")
@blp.arguments(Schema.from_dict({"document_type_id": fields.UUID()})(), location="query")
@blp.response(200, page_of(ReminderSchemeSchema, "ReminderSchemeList"))
@listing
def list_schemes(args):
    type_id = args.get("document_type_id")
    return rpc.call("notifications", "list_reminder_schemes", g.actor, str(type_id) if type_id else None)


@blp.route("/reminder-schemes/", methods=["POST"])
@blp.arguments(ReminderSchemeSchema)
@blp.response(201, ReminderSchemeSchema)
def create_scheme(data):
    """A new scheme (configure_document_types); its reminders are planned for the type's documents at once."""
    return rpc.call("notifications", "save_reminder_scheme", g.actor, jsonable(data))


@blp.route("/reminder-schemes/<uuid:scheme_id>")
@blp.response(200, ReminderSchemeSchema)
def get_scheme(scheme_id):
    return rpc.call("notifications", "get_reminder_scheme", g.actor, str(scheme_id))


@blp.route("/reminder-schemes/<uuid:scheme_id>", methods=["PUT"])
@blp.arguments(ReminderSchemeSchema)
@blp.response(200, ReminderSchemeSchema)
def replace_scheme(data, scheme_id):
    """Replace a scheme; the reminders of every document of the type are recalculated."""
    return rpc.call("notifications", "save_reminder_scheme", g.actor, jsonable(data), str(scheme_id))


@blp.route("/reminder-schemes/<uuid:scheme_id>", methods=["DELETE"])
@blp.response(204)
def delete_scheme(scheme_id):
    rpc.call("notifications", "delete_reminder_scheme", g.actor, str(scheme_id))


@blp.route("/reminder-schemes/date-fields/<uuid:type_id>")
@blp.response(200, page_of(DateFieldSchema, "DateFieldList"))
@listing
def date_fields(type_id):
    """The date fields of a document type's card a scheme may count from."""
    return date_fields_of(g.actor, type_id)[1]


# Preferences.

@blp.route("/notification-preferences/")
@blp.response(200, PreferencesSchema)
def get_preferences():
    return rpc.call("notifications", "get_preferences", g.actor)


@blp.route("/notification-preferences/", methods=["PUT"])
@blp.arguments(PreferencesSchema)
@blp.response(200, PreferencesSchema)
def save_preferences(data):
    """Replace the caller's preferences (a field left out takes its default)."""
    return rpc.call("notifications", "save_preferences", g.actor, jsonable(data))


@blp.route("/notifications/<uuid:notification_id>/deliveries")
@blp.response(200, page_of(DeliverySchema, "DeliveryList"))
@listing
def deliveries(notification_id):
    """How one of the caller's notifications went out: each channel and each attempt."""
    return rpc.call("notifications", "delivery_log", g.actor, str(notification_id))
