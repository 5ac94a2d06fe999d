"""The notifications service's RPC contract."""
from chancery_common.audit import AuditEntrySchema, audit_query_schema  # noqa: F401  (shared)
from marshmallow import Schema, fields, validate


class NotificationSchema(Schema):
    id = fields.UUID()
    recipient_id = fields.UUID()
    kind = fields.String()
    title = fields.String()
    body = fields.String()
    link = fields.String(allow_none=True)
    subject_type = fields.String(allow_none=True)
    subject_id = fields.UUID(allow_none=True)
    counterparty_id = fields.UUID(allow_none=True)
    data = fields.Dict(metadata={"description": "the facts the notification is about, for wording it"})
    created_at = fields.AwareDateTime()
    read_at = fields.AwareDateTime(allow_none=True)


class NotificationQuerySchema(Schema):
    unread_only = fields.Boolean(load_default=False)
    kind = fields.String(load_default=None, validate=validate.Length(max=60))
    counterparty_id = fields.UUID(load_default=None)
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))
    with_unread = fields.Boolean(load_default=True, metadata={
        "description": "answer the count of all my unread notifications too (the unified view does not ask)"})


class PersonalNotificationSchema(NotificationSchema):
    """A notification in a contact person's data export: with the data that names them."""

    data = fields.Dict()


# The records this service's audit rows are about.
AUDITED_RECORD_TYPES = ("notification", "contact_person")
AuditQuerySchema = audit_query_schema(AUDITED_RECORD_TYPES)


class ExplainQuerySchema(Schema):
    record_type = fields.String(required=True, validate=validate.OneOf(("notification",)))
    record_id = fields.UUID(required=True)



RECIPIENT_ROLES = ("administrator", "director", "department_head", "manager", "lawyer", "secretary", "accountant",
                   "employee")


class RecipientsSchema(Schema):
    responsible = fields.Boolean(load_default=False, metadata={"description": "the document's responsible person"})
    counterparty_responsible = fields.Boolean(
        load_default=False, metadata={"description": "the responsible employee of the document's counterparty"})
    employee_ids = fields.List(fields.UUID(), load_default=list)
    department_ids = fields.List(fields.UUID(), load_default=list)
    roles = fields.List(fields.String(validate=validate.OneOf(RECIPIENT_ROLES)), load_default=list)


class ReminderSchemeSchema(Schema):
    """Reminders for every document of a type, relative to a date field of its card."""

    id = fields.UUID(dump_only=True)
    document_type_id = fields.UUID(required=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    date_field = fields.String(required=True, validate=validate.Regexp(r"^[a-z][a-z0-9_]{0,99}$"), metadata={
        "description": "document_date, signing_date, valid_from, valid_until or a date field code of the type"})
    offsets = fields.List(fields.Integer(validate=validate.Range(min=-3650, max=3650)), required=True,
                          validate=validate.Length(min=1, max=20),
                          metadata={"description": "days relative to the date: -30 before, 0 on the day, 3 after"})
    at_time = fields.Time(load_default=None, allow_none=True,
                          metadata={"description": "local time of day (the recipient's time zone), default 09:00"})
    recipients = fields.Nested(RecipientsSchema, required=True)
    stop_statuses = fields.List(fields.String(validate=validate.Length(max=40)), load_default=list,
                                metadata={"description": "no reminder fires once the document has one of these"})
    message = fields.String(load_default="", validate=validate.Length(max=2000))
    is_active = fields.Boolean(load_default=True)
    created_by = fields.UUID(dump_only=True, allow_none=True)
    updated_at = fields.AwareDateTime(dump_only=True)


class ReminderSchema(Schema):
    id = fields.UUID()
    kind = fields.String()
    source = fields.String()
    occurrence = fields.String()
    recipient_id = fields.UUID()
    due_at = fields.AwareDateTime()
    subject_type = fields.String(allow_none=True)
    subject_id = fields.UUID(allow_none=True)
    counterparty_id = fields.UUID(allow_none=True)
    title = fields.String()
    body = fields.String()
    link = fields.String(allow_none=True)
    state = fields.String()
    created_by = fields.UUID(allow_none=True)
    fired_at = fields.AwareDateTime(allow_none=True)
    notification_id = fields.UUID(allow_none=True)


SUBJECT_TYPES = ("document", "counterparty", "contact_person", "activity", "approval")


class ManualReminderSchema(Schema):
    title = fields.String(required=True, validate=validate.Length(min=1, max=500))
    note = fields.String(load_default="", validate=validate.Length(max=4000))
    due_at = fields.AwareDateTime(required=True)
    subject_type = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(SUBJECT_TYPES))
    subject_id = fields.UUID(load_default=None, allow_none=True)
    counterparty_id = fields.UUID(load_default=None, allow_none=True)
    employee_ids = fields.List(fields.UUID(), load_default=list,
                               metadata={"description": "whom to remind; none: oneself"})
    department_ids = fields.List(fields.UUID(), load_default=list)


class ReminderQuerySchema(Schema):
    subject_type = fields.String(load_default=None, validate=validate.OneOf(SUBJECT_TYPES))
    subject_id = fields.UUID(load_default=None)
    include_fired = fields.Boolean(load_default=False)
    limit = fields.Integer(load_default=200, validate=validate.Range(min=1, max=500))


class PreferenceSchema(Schema):
    employee_id = fields.UUID(dump_only=True)
    channels = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), load_default=None,
                           metadata={"description": "kind -> channels besides the inbox (default: e-mail)"})
    digest_kinds = fields.List(fields.String(), load_default=None,
                               metadata={"description": "kinds read in the daily digest instead of one e-mail each"})
    quiet_start = fields.Time(allow_none=True, load_default=None)
    quiet_end = fields.Time(allow_none=True, load_default=None)
    digest_enabled = fields.Boolean(load_default=None)
    digest_hour = fields.Integer(load_default=None, validate=validate.Range(min=0, max=23))
    activity_minutes = fields.Integer(load_default=None, validate=validate.Range(min=0, max=7 * 24 * 60))


class DeliverySchema(Schema):
    id = fields.UUID()
    notification_id = fields.UUID()
    channel = fields.String()
    address = fields.String(allow_none=True)
    state = fields.String()
    attempts = fields.Integer()
    next_attempt_at = fields.AwareDateTime()
    last_error = fields.String(allow_none=True)
    sent_at = fields.AwareDateTime(allow_none=True)
    log = fields.List(fields.Dict())
