"""Counterparties for registering documents, across departments.

Whoever registers documents (the ``register_documents`` permission: secretaries, by default)
registers them for every department, so they must be able to name any counterparty of the
directory on a document, not only those whose card they see; otherwise they would add the
client again. They find it by name, short name or tax id and get only what registration
needs: its id, names and tax id, and whether they may open its card. The card, contact
persons, activities and history stay behind the usual rules (docs/permissions.md).
"""
from marshmallow import Schema, fields, validate
from sqlalchemy import case, false, or_, select

from .access import counterparty_condition
from .exceptions import PermissionDenied
from .logic import _escape_like
from .models import Counterparty

PERMISSION = "register_documents"


class RegistrationQuerySchema(Schema):
    search = fields.String(load_default=None, validate=validate.Length(max=200))
    ids = fields.List(fields.UUID(), load_default=None, validate=validate.Length(max=500))
    limit = fields.Integer(load_default=8, validate=validate.Range(min=1, max=50))


class RegistrationChoiceSchema(Schema):
    id = fields.UUID()
    name = fields.String()
    short_name = fields.String(allow_none=True)
    tax_id = fields.String(allow_none=True)
    card_visible = fields.Boolean()


def ensure_may_register(actor):
    if not actor.may(PERMISSION):
        raise PermissionDenied("your roles do not allow registering documents", {"permission": PERMISSION})


def choices(session, *, actor, search=None, ids=None, limit=8):
    """Active counterparties matching the name, short name or tax id typed (or the ids given),
    with only what registration needs."""
    ensure_may_register(actor)
    query = select(Counterparty.id, Counterparty.name, Counterparty.short_name, Counterparty.tax_id,
                   case((counterparty_condition(actor), True), else_=False).label("card_visible")
                   ).where(Counterparty.merged_into_id.is_(None))
    if ids is not None:
        query = query.where(Counterparty.id.in_(ids)) if ids else query.where(false())
        limit = max(limit, len(ids))
    else:
        query = query.where(Counterparty.status == "active")
    if search and search.strip():
        part = f"%{_escape_like(search.strip())}%"
        query = query.where(or_(Counterparty.name.ilike(part, escape="\\"),
                                Counterparty.short_name.ilike(part, escape="\\"),
                                Counterparty.tax_id.ilike(part, escape="\\")))
    rows = session.execute(query.order_by(Counterparty.name, Counterparty.id).limit(limit)).all()
    return [row._asdict() for row in rows]
