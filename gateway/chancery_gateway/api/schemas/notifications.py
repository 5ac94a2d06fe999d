"""The inbox."""

from marshmallow import Schema, fields

from .common import ID, page_of, PageArgs


class NotificationSchema(Schema):
    id = ID()
    recipient_id = ID()
    kind = fields.String()
    title = fields.String()
    body = fields.String()
    link = fields.String(allow_none=True)
    subject_type = fields.String(allow_none=True)
    subject_id = ID(allow_none=True)
    counterparty_id = ID(allow_none=True)
    data = fields.Dict(metadata={"description": "the facts the notification is about, for wording it"})
    created_at = fields.String()
    read_at = fields.String(allow_none=True)


class NotificationPageSchema(page_of(NotificationSchema, "NotificationPage")):
    unread = fields.Integer()


class NotificationQueryArgs(PageArgs):
    unread_only = fields.Boolean()
    kind = fields.String()
