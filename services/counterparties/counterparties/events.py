"""Events the counterparties service publishes (exchange ``counterparties.events``)."""
from marshmallow import Schema, fields

from chancery_common.outbox import EventCatalog

from .models import outbox

COUNTERPARTY_CREATED = "counterparty.created"
COUNTERPARTY_UPDATED = "counterparty.updated"


class CounterpartyCreatedV1(Schema):
    """A counterparty was entered in the directory."""

    counterparty_id = fields.UUID(required=True)
    name = fields.String(required=True)
    tax_id = fields.String(allow_none=True)
    responsible_employee_id = fields.UUID(allow_none=True)
    created_by = fields.UUID(required=True)


class CounterpartyUpdatedV1(Schema):
    """Fields of a counterparty changed; `changes` maps each field to its old and new value."""

    counterparty_id = fields.UUID(required=True)
    changed_by = fields.UUID(required=True)
    changes = fields.Dict(required=True, metadata={"description": "field -> {from, to}"})


catalog = EventCatalog(outbox, {
    (COUNTERPARTY_CREATED, 1): CounterpartyCreatedV1,
    (COUNTERPARTY_UPDATED, 1): CounterpartyUpdatedV1,
})
