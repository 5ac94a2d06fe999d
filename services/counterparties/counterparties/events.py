"""Events the counterparties service publishes (exchange ``counterparties.events``)."""
from marshmallow import Schema, fields

from chancery_common.outbox import EventCatalog

from .models import outbox

COUNTERPARTY_CREATED = "counterparty.created"
COUNTERPARTY_UPDATED = "counterparty.updated"
COUNTERPARTY_HANDED_OVER = "counterparty.handed_over"
CONTACT_PERSON_ADDED = "contact_person.added"
CONTACT_PERSON_ERASED = "contact_person.erased"
ACTIVITY_SCHEDULED = "activity.scheduled"
ACTIVITY_COMPLETED = "activity.completed"


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


class CounterpartyHandedOverV1(Schema):
    """Counterparties were handed over from one employee to another in one action (a vacation,
    a reassignment, a dismissal): on each, the `from` employee's responsibility, primary or
    additional, passed to the `to` employee, and (if asked) so did their planned activities,
    each of which also had its responsible employee changed."""

    counterparty_ids = fields.List(fields.UUID(), required=True)
    from_employee_id = fields.UUID(required=True)
    to_employee_id = fields.UUID(required=True)
    by = fields.UUID(required=True, metadata={"description": "the employee who handed them over"})


class ContactPersonAddedV1(Schema):
    """A contact person was added to a counterparty. Ids only: events never carry personal
    data; ask the counterparties service (`get_contact_person`) for the person."""

    contact_person_id = fields.UUID(required=True)
    counterparty_id = fields.UUID(required=True)
    added_by = fields.UUID(required=True)


class ContactPersonErasedV1(Schema):
    """A contact person's personal data was erased (anonymised) at their request or by law.
    Every service removes what it holds about the person; links by id may stay."""

    contact_person_id = fields.UUID(required=True)
    counterparty_id = fields.UUID(required=True)
    erased_by = fields.UUID(required=True)
    reason = fields.String(required=True, metadata={
        "description": "why, as the eraser gave it, with the person's own data removed"})


class ActivityV1(Schema):
    """Fields every activity event carries."""

    activity_id = fields.UUID(required=True)
    counterparty_id = fields.UUID(required=True)
    contact_person_id = fields.UUID(allow_none=True)
    kind = fields.String(required=True)
    subject = fields.String(required=True)
    planned_at = fields.AwareDateTime(required=True)
    responsible_id = fields.UUID(required=True)


class ActivityScheduledV1(ActivityV1):
    """A call, meeting, e-mail, fax, letter or task was planned for an employee."""

    scheduled_by = fields.UUID(required=True)


class ActivityCompletedV1(ActivityV1):
    """A planned activity got its result (done, cancelled or missed)."""

    status = fields.String(required=True)
    result = fields.String(required=True)
    next_step = fields.String(allow_none=True)
    completed_by = fields.UUID(required=True)


catalog = EventCatalog(outbox, {
    (COUNTERPARTY_CREATED, 1): CounterpartyCreatedV1,
    (COUNTERPARTY_UPDATED, 1): CounterpartyUpdatedV1,
    (COUNTERPARTY_HANDED_OVER, 1): CounterpartyHandedOverV1,
    (CONTACT_PERSON_ADDED, 1): ContactPersonAddedV1,
    (CONTACT_PERSON_ERASED, 1): ContactPersonErasedV1,
    (ACTIVITY_SCHEDULED, 1): ActivityScheduledV1,
    (ACTIVITY_COMPLETED, 1): ActivityCompletedV1,
})
