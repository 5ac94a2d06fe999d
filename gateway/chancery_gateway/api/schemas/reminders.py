"""Reminders, reminder schemes, notification preferences and deliveries."""

from marshmallow import Schema, fields

from .common import Next


class RecipientsSchema(Schema):
    responsible = fields.Boolean(metadata={"description": "the document's responsible person"})
    counterparty_responsible = fields.Boolean(metadata={"description": "the counterparty's responsible employee"})
    employee_ids = fields.List(fields.UUID())
    department_ids = fields.List(fields.UUID())
    roles = fields.List(fields.String())


class ReminderSchemeSchema(Schema):
    id = fields.UUID(dump_only=True)
    document_type_id = fields.UUID(required=True)
    name = fields.String(required=True)
    date_field = fields.String(required=True, metadata={
        "description": "document_date, signing_date, valid_from, valid_until or a date field code of the type"})
    offsets = fields.List(fields.Integer(), required=True, metadata={
        "description": "days relative to the date: -30 = 30 days before, 0 = on the day, 3 = 3 days after"})
    at_time = fields.String(allow_none=True, metadata={"description": "HH:MM in the recipient's time zone"})
    recipients = fields.Nested(RecipientsSchema, required=True)
    stop_statuses = fields.List(fields.String(), metadata={"description": "no reminder once the document has one"})
    message = fields.String()
    is_active = fields.Boolean()
    created_by = fields.UUID(dump_only=True, allow_none=True)
    updated_at = fields.String(dump_only=True)


class DateFieldSchema(Schema):
    code = fields.String()
    label = fields.String()


class ReminderSchema(Schema):
    id = fields.UUID()
    kind = fields.String(metadata={"description": "document, manual, activity, important_date, "
                                                  "approval_deadline or paper_copy"})
    source = fields.String()
    occurrence = fields.String()
    recipient_id = fields.UUID()
    due_at = fields.String()
    subject_type = fields.String(allow_none=True)
    subject_id = fields.UUID(allow_none=True)
    counterparty_id = fields.UUID(allow_none=True)
    title = fields.String()
    body = fields.String()
    link = fields.String(allow_none=True)
    state = fields.String()
    created_by = fields.UUID(allow_none=True)
    fired_at = fields.String(allow_none=True)
    notification_id = fields.UUID(allow_none=True)


class ReminderPageSchema(Schema):
    items = fields.List(fields.Nested(ReminderSchema))
    next = Next()


class NewReminderSchema(Schema):
    title = fields.String(required=True)
    note = fields.String()
    due_at = fields.AwareDateTime(required=True)
    subject_type = fields.String(allow_none=True, metadata={
        "description": "document, counterparty, contact_person, activity or approval"})
    subject_id = fields.UUID(allow_none=True)
    counterparty_id = fields.UUID(allow_none=True)
    employee_ids = fields.List(fields.UUID(), metadata={"description": "whom to remind; none: oneself"})
    department_ids = fields.List(fields.UUID())


class ReminderQueryArgs(Schema):
    subject_type = fields.String()
    subject_id = fields.UUID()
    include_fired = fields.Boolean()
    limit = fields.Integer()


class PreferencesSchema(Schema):
    employee_id = fields.UUID(dump_only=True)
    channels = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), metadata={
        "description": "kind -> channels besides the inbox (a kind left out: e-mail)"})
    digest_kinds = fields.List(fields.String(), metadata={
        "description": "kinds read in the daily digest instead of one e-mail each"})
    quiet_start = fields.String(allow_none=True, metadata={"description": "HH:MM local"})
    quiet_end = fields.String(allow_none=True)
    digest_enabled = fields.Boolean()
    digest_hour = fields.Integer()
    activity_minutes = fields.Integer(metadata={"description": "how long before a planned contact to remind"})
    kinds = fields.Dict(dump_only=True, metadata={"description": "kind -> label"})
    channels_available = fields.List(fields.String(), dump_only=True)


class DeliverySchema(Schema):
    id = fields.UUID()
    notification_id = fields.UUID()
    channel = fields.String()
    address = fields.String(allow_none=True)
    state = fields.String()
    attempts = fields.Integer()
    next_attempt_at = fields.String()
    last_error = fields.String(allow_none=True)
    sent_at = fields.String(allow_none=True)
    log = fields.List(fields.Dict())
