"""Who sent an incoming letter: the counterparty whose e-mail (its own or a contact
person's) is the sender's address, or whose tax id the letter names. Asked by the intake
service for its review queue's suggestions, with no employee behind the call: it answers
only ids, names and tax ids (what a secretary sees in the registration picker), and the
secretary confirms or changes the match before anything is registered.
"""
from marshmallow import Schema, fields, validate
from sqlalchemy import func, or_, select

from .models import ContactPerson, Counterparty


class SenderQuerySchema(Schema):
    email = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=254))
    tax_ids = fields.List(fields.String(validate=validate.Regexp(r"^\d{10}(\d{2})?$")), load_default=list,
                          validate=validate.Length(max=20))


class SenderMatchSchema(Schema):
    id = fields.UUID()
    name = fields.String()
    short_name = fields.String(allow_none=True)
    tax_id = fields.String(allow_none=True)
    matched_by = fields.String(metadata={"description": "email or tax_id"})


def match(session, *, email=None, tax_ids=()):
    """The active counterparty matching the sender's e-mail, else the first tax id named that
    belongs to one; None when neither does."""
    columns = (Counterparty.id, Counterparty.name, Counterparty.short_name, Counterparty.tax_id)
    active = (Counterparty.merged_into_id.is_(None), Counterparty.status == "active")
    if email and "@" in email:
        address = email.strip().lower()
        given = func.jsonb_array_elements_text(ContactPerson.emails).table_valued("value").alias("given")
        by_contact = select(ContactPerson.counterparty_id).where(
            select(given.c.value).where(func.lower(given.c.value) == address).exists())
        row = session.execute(select(*columns).where(*active, or_(
            func.lower(Counterparty.email) == address, Counterparty.id.in_(by_contact)))
            .order_by(Counterparty.name, Counterparty.id).limit(1)).first()
        if row is not None:
            return {**row._asdict(), "matched_by": "email"}
    for tax_id in tax_ids:
        row = session.execute(select(*columns).where(*active, Counterparty.tax_id == tax_id)
                              .order_by(Counterparty.name, Counterparty.id).limit(1)).first()
        if row is not None:
            return {**row._asdict(), "matched_by": "tax_id"}
    return None
