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
ACTIVITY_RESCHEDULED = "activity.rescheduled"
ACTIVITY_CANCELLED = "activity.cancelled"
ACTIVITY_HANDED_OVER = "activity.handed_over"
CONTACT_PERSON_UPDATED = "contact_person.updated"
CONTACT_PERSON_MOVED = "contact_person.moved"
COUNTERPARTY_MERGED = "counterparty.merged"
NEGOTIATION_NOTED = "negotiation.noted"
NEGOTIATION_UPDATED = "negotiation.updated"


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
    name = fields.String(required=True, metadata={"description": "the name as it is now"})
    responsible_employee_id = fields.UUID(required=True, allow_none=True, metadata={
        "description": "the primary responsible employee as it is now"})


class CounterpartyHandedOverV1(Schema):
    """Counterparties were handed over from one employee to another in one action (a vacation,
    a reassignment, a dismissal): on each, the `from` employee's responsibility, primary or
    additional, passed to the `to` employee, and (if asked) so did their planned activities,
    each of which also had its responsible employee changed."""

    SUBJECT = None  # many counterparties at once: the event is about no one record

    counterparty_ids = fields.List(fields.UUID(), required=True)
    from_employee_id = fields.UUID(required=True)
    to_employee_id = fields.UUID(required=True)
    by = fields.UUID(required=True, metadata={"description": "the employee who handed them over"})


class CounterpartyMergedV1(Schema):
    """Two counterparties turned out to be one: everything of `merged_id` (contact persons,
    activities, history, negotiation notes, responsible employees) now belongs to
    `survivor_id`, and `merged_id` is only a tombstone pointing there. Services holding
    records of `merged_id` re-point them to `survivor_id`."""

    SUBJECT = "merged_id"  # the record that became a tombstone

    merged_id = fields.UUID(required=True, metadata={"description": "the counterparty that disappears"})
    survivor_id = fields.UUID(required=True, metadata={"description": "the counterparty that stays"})
    merged_by = fields.UUID(required=True)


class ImportantDateV1(Schema):
    """An important date of a contact person (a birthday, a company anniversary...)."""

    id = fields.String(required=True)
    title = fields.String(required=True)
    date = fields.String(required=True, metadata={
        "description": "ISO date; the year may be meaningful (a birth year) or not"})
    remind = fields.Boolean(required=True, metadata={"description": "remind every year"})
    remind_days_before = fields.Integer(required=True, metadata={"description": "how many days ahead (0: on the day)"})


class ContactPersonV1(Schema):
    """Fields every contact_person.added / updated event carries."""

    contact_person_id = fields.UUID(required=True)
    counterparty_id = fields.UUID(required=True)
    full_name = fields.String(required=True)
    important_dates = fields.List(fields.Nested(ImportantDateV1), required=True)
    responsible_employee_id = fields.UUID(required=True, allow_none=True, metadata={
        "description": "the counterparty's primary responsible employee (who gets the reminders)"})


class ContactPersonAddedV1(ContactPersonV1):
    """A contact person was added to a counterparty. Carries the name and the important dates
    (for reminders); `contact_person.erased` later tells every service to forget them."""

    added_by = fields.UUID(required=True)


class ContactPersonUpdatedV1(ContactPersonV1):
    """A contact person's data changed; `changed` names the fields that changed (never their old values)."""

    updated_by = fields.UUID(required=True)
    changed = fields.List(fields.String(), required=True)


class ContactPersonMovedV1(Schema):
    """A contact person now works at another counterparty; their activities and history stay theirs."""

    contact_person_id = fields.UUID(required=True)
    from_counterparty_id = fields.UUID(required=True)
    to_counterparty_id = fields.UUID(required=True)
    moved_by = fields.UUID(required=True)


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
    duration_minutes = fields.Integer(allow_none=True, metadata={
        "description": "how long it is planned to take, if said (added later: older events lack it)"})
    responsible_id = fields.UUID(required=True)
    sequence = fields.Integer(metadata={
        "description": "the activity's version: 0 when planned, one more with each change (reschedule, "
                       "completion, handover); its calendar event's SEQUENCE (added later: older events lack it)"})


class ActivityScheduledV1(ActivityV1):
    """A call, meeting, e-mail, fax, letter or task was planned for an employee."""

    scheduled_by = fields.UUID(required=True)


class ActivityCompletedV1(ActivityV1):
    """A planned activity got its result (done, cancelled or missed)."""

    status = fields.String(required=True)
    result = fields.String(required=True)
    next_step = fields.String(allow_none=True)
    completed_by = fields.UUID(required=True)


class ActivityRescheduledV1(ActivityScheduledV1):
    """A planned activity moved to another time (`planned_at` is the new one)."""

    previous_planned_at = fields.AwareDateTime(required=True)
    rescheduled_by = fields.UUID(required=True)


class ActivityHandedOverV1(ActivityScheduledV1):
    """A planned activity went to another responsible employee with its counterparty's
    handover (`responsible_id` is the new one)."""

    previous_responsible_id = fields.UUID(required=True)
    handed_over_by = fields.UUID(required=True)


class ActivityCancelledV1(Schema):
    """A planned activity will not take place."""

    activity_id = fields.UUID(required=True)
    counterparty_id = fields.UUID(required=True)
    responsible_id = fields.UUID(required=True)
    cancelled_by = fields.UUID(required=True)
    sequence = fields.Integer(metadata={
        "description": "the activity's version after the cancellation (see activity.scheduled; added later)"})


class NegotiationNotedV1(Schema):
    """A note was added to a counterparty's negotiation log; its stage is now the counterparty's
    current negotiation stage."""

    SUBJECT = "counterparty_id"

    counterparty_id = fields.UUID(required=True)
    note_id = fields.UUID(required=True)
    stage_code = fields.String(required=True, allow_none=True, metadata={
        "description": "the stage's stable code (a stage added by users may have none)"})
    stage_name = fields.String(required=True)
    text = fields.String(required=True)
    noted_by = fields.UUID(required=True)
    # added later (additive): the expected deal as it is after the note
    expected_amount = fields.Decimal(as_string=True, allow_none=True, metadata={
        "description": "the deal's expected amount (decimal text) after this note; null: none set"})
    currency = fields.String(allow_none=True, metadata={
        "description": "the expected amount's currency (ISO 4217); null with no amount"})
    expected_close_on = fields.Date(allow_none=True, metadata={
        "description": "the date the deal is expected to close; null: none set"})


class NegotiationUpdatedV1(Schema):
    """The deal a counterparty's negotiation aims at changed on its own (no note): its expected
    amount, currency or close date. A change made with a note comes in negotiation.noted."""

    counterparty_id = fields.UUID(required=True)
    changes = fields.Dict(required=True, metadata={
        "description": "field (expected_amount, currency, expected_close_on) -> {from, to}"})
    expected_amount = fields.Decimal(as_string=True, required=True, allow_none=True, metadata={
        "description": "the expected amount now (decimal text); null: none"})
    currency = fields.String(required=True, allow_none=True)
    expected_close_on = fields.Date(required=True, allow_none=True)
    changed_by = fields.UUID(required=True)


catalog = EventCatalog(outbox, {
    (COUNTERPARTY_CREATED, 1): CounterpartyCreatedV1,
    (COUNTERPARTY_UPDATED, 1): CounterpartyUpdatedV1,
    (COUNTERPARTY_HANDED_OVER, 1): CounterpartyHandedOverV1,
    (CONTACT_PERSON_ADDED, 1): ContactPersonAddedV1,
    (CONTACT_PERSON_ERASED, 1): ContactPersonErasedV1,
    (ACTIVITY_SCHEDULED, 1): ActivityScheduledV1,
    (ACTIVITY_COMPLETED, 1): ActivityCompletedV1,
    (ACTIVITY_RESCHEDULED, 1): ActivityRescheduledV1,
    (ACTIVITY_CANCELLED, 1): ActivityCancelledV1,
    (ACTIVITY_HANDED_OVER, 1): ActivityHandedOverV1,
    (CONTACT_PERSON_UPDATED, 1): ContactPersonUpdatedV1,
    (CONTACT_PERSON_MOVED, 1): ContactPersonMovedV1,
    (COUNTERPARTY_MERGED, 1): CounterpartyMergedV1,
    (NEGOTIATION_NOTED, 1): NegotiationNotedV1,
    (NEGOTIATION_UPDATED, 1): NegotiationUpdatedV1,
})
