"""Contact persons, their consent, moves and erasure."""

from marshmallow import Schema, fields, validate

from .common import Date, ID, Version


class ContactPersonSchema(Schema):
    id = ID(dump_only=True)
    version = Version()
    counterparty_id = ID(dump_only=True)
    full_name = fields.String(required=True)
    position = fields.String(allow_none=True)
    phones = fields.List(fields.String())
    emails = fields.List(fields.String())
    birthday = Date(allow_none=True)
    notes = fields.String(allow_none=True)
    messengers = fields.List(fields.Dict(), metadata={"description": "[{kind, handle}]"})
    important_dates = fields.List(fields.Dict(), metadata={
        "description": "[{id, kind: birthday|anniversary|other, label, date, remind, remind_days_before}]: "
                       "send the ids back to keep them; `remind_yearly` is the former name of `remind`"})
    consent_to_mailings = fields.Boolean(dump_only=True, metadata={
        "description": "changes only through POST /contact-persons/{id}/consent"})
    consent_given_at = fields.String(dump_only=True, allow_none=True)
    consent_method = fields.String(dump_only=True, allow_none=True)
    consent_withdrawn_at = fields.String(dump_only=True, allow_none=True)
    anonymised_at = fields.String(dump_only=True, allow_none=True)
    created_at = fields.String(dump_only=True)
    updated_at = fields.String(dump_only=True)


class ContactPersonChangesSchema(ContactPersonSchema):
    full_name = fields.String()


class ConsentSchema(Schema):
    given = fields.Boolean(required=True)
    method = fields.String(allow_none=True, metadata={"description": "how: signed form, e-mail, verbal..."})


class MoveSchema(Schema):
    counterparty_id = ID(required=True, metadata={"description": "the counterparty the person moves to"})


class ErasureSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))
