"""Contract execution: terms, milestones, payments, the settlement, what is overdue."""
from decimal import Decimal

from marshmallow import Schema, ValidationError, fields, validate

from .common import Date, ID, Money, page_of, PageArgs, Version


SIDES = ("supplier", "customer")
LARGEST = Decimal("9999999999999999.99")


def positive(amount):
    """Above zero and below 10^16, as the documents service keeps amounts (a plain function: the
    OpenAPI document would show a Range on a decimal string as a string minimum)."""
    if not Decimal("0") < amount <= LARGEST:
        raise ValidationError("An amount is above zero and below 10^16.")


class ExecutionDocumentSchema(Schema):
    """A child document of the contract (a completion act or an invoice), in brief."""

    id = ID()
    number = fields.String(allow_none=True)
    title = fields.String()
    status = fields.String()
    amount = Money(allow_none=True)
    currency = fields.String(allow_none=True)
    signing_date = Date(allow_none=True)


class ExecutionActSchema(ExecutionDocumentSchema):
    milestone_id = ID(allow_none=True, metadata={"description": "the milestone the act closes"})


class MilestoneSchema(Schema):
    id = ID()
    version = Version()
    position = fields.Integer(metadata={"description": "1, 2, ... in the order of the contract"})
    title = fields.String()
    due_on = Date()
    amount = Money(allow_none=True)
    currency = fields.String(allow_none=True)
    note = fields.String(allow_none=True)
    act_id = ID(allow_none=True, metadata={"description": "the completion act that closes it"})
    act = fields.Nested(ExecutionDocumentSchema, allow_none=True)
    completed_on = Date(allow_none=True, metadata={"description": "when it was done: the act's signing date, "
                                                                  "or a date given by hand"})
    status = fields.String(metadata={"description": "planned, act_pending (an act linked but not signed yet), "
                                                    "done or overdue"})
    days_overdue = fields.Integer(metadata={"description": "0 unless overdue"})
    created_by = ID()
    created_at = fields.String()


class PaymentSchema(Schema):
    id = ID()
    kind = fields.String(metadata={"description": "planned (a line of the schedule) or actual (money paid)"})
    on = Date(metadata={"description": "planned: when it is due; actual: when it was paid"})
    amount = Money()
    currency = fields.String()
    invoice_id = ID(allow_none=True)
    invoice = fields.Nested(ExecutionDocumentSchema, allow_none=True)
    reference = fields.String(allow_none=True, metadata={"description": "payment order number or the like"})
    note = fields.String(allow_none=True)
    status = fields.String(metadata={"description": "planned: paid, partly_paid, due or overdue; actual: "
                                                    "recorded; either: cancelled"})
    covered = Money(allow_none=True, metadata={
        "description": "planned: how much of it the actual payments cover, oldest first; actual: null"})
    days_overdue = fields.Integer(metadata={"description": "0 unless overdue"})
    cancelled_at = fields.String(allow_none=True)
    cancelled_by = ID(allow_none=True)
    cancel_reason = fields.String(allow_none=True)
    created_by = ID()
    created_at = fields.String()


class SettlementSchema(Schema):
    """Mutual settlements in one currency."""

    currency = fields.String(allow_none=True, metadata={
        "description": "null for acts and a contract that name no currency"})
    contract_amount = Money(allow_none=True)
    accrued = Money(metadata={"description": "the sum of the contract's signed completion acts"})
    paid = Money(metadata={"description": "actual payments not cancelled"})
    balance = Money(metadata={"description": "accrued - paid: above 0 the customer owes, below 0 an advance"})
    planned_to_date = Money(metadata={"description": "planned payments due up to today"})
    overdue_amount = Money(metadata={"description": "planned payments due and not covered"})
    remaining = Money(allow_none=True, metadata={"description": "contract amount - accrued"})


class OverdueCountsSchema(Schema):
    milestones = fields.Integer()
    payments = fields.Integer()


class ExecutionSchema(Schema):
    """How a contract is being carried out: its milestones, the payment schedule and the payments
    made, the settlements per currency and what is overdue."""

    document_id = ID()
    we_are = fields.String(validate=validate.OneOf(SIDES), metadata={
        "description": "supplier: the counterparty pays us; customer: we pay the counterparty"})
    milestones = fields.List(fields.Nested(MilestoneSchema))
    payments = fields.List(fields.Nested(PaymentSchema), metadata={
        "description": "planned ones by date, then actual ones by date"})
    totals = fields.List(fields.Nested(SettlementSchema), metadata={"description": "one per currency"})
    overdue = fields.Nested(OverdueCountsSchema)
    acts = fields.List(fields.Nested(ExecutionActSchema), metadata={
        "description": "the contract's completion acts, to choose the one that closes a milestone"})
    invoices = fields.List(fields.Nested(ExecutionDocumentSchema), metadata={
        "description": "the contract's invoices, to name the one a payment is for"})


class NextMilestoneSchema(Schema):
    id = ID()
    title = fields.String()
    due_on = Date()
    status = fields.String(metadata={"description": "planned, act_pending or overdue"})
    days_overdue = fields.Integer()


class ExecutionSummarySchema(Schema):
    """A contract's execution in brief, as the unified counterparty view shows it."""

    we_are = fields.String(metadata={"description": "supplier or customer: our side in the contract"})
    overdue = fields.Nested(OverdueCountsSchema)
    totals = fields.List(fields.Nested(SettlementSchema))
    next_milestone = fields.Nested(NextMilestoneSchema, allow_none=True,
                                   metadata={"description": "the first milestone not done"})


class ExecutionTermsSchema(Schema):
    we_are = fields.String(required=True, validate=validate.OneOf(SIDES), metadata={
        "description": "supplier: the counterparty pays us; customer: we pay the counterparty"})


class NewMilestoneSchema(Schema):
    title = fields.String(required=True, validate=validate.Length(min=1, max=300))
    due_on = Date(required=True)
    amount = Money(allow_none=True, validate=positive, metadata={"description": "above 0, below 10^16"})
    currency = fields.String(allow_none=True, metadata={"description": "default: the contract's"})
    note = fields.String(allow_none=True)


class MilestoneChangesSchema(Schema):
    """Some fields of a milestone; `act_id` links the completion act that closes it (null unlinks),
    `completed_on` marks it done by hand (null reopens it)."""

    title = fields.String(validate=validate.Length(min=1, max=300))
    due_on = Date()
    amount = Money(allow_none=True, validate=positive, metadata={"description": "above 0, below 10^16"})
    currency = fields.String(allow_none=True)
    note = fields.String(allow_none=True)
    act_id = ID(allow_none=True, metadata={"description": "a completion act among the contract's children"})
    completed_on = Date(allow_none=True)


class NewPaymentSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(("planned", "actual")))
    on = Date(required=True, metadata={"description": "planned: when it is due; actual: when it was paid"})
    amount = Money(required=True, validate=positive, metadata={"description": "above 0, below 10^16"})
    currency = fields.String(allow_none=True, metadata={"description": "default: the contract's"})
    invoice_id = ID(allow_none=True, metadata={"description": "an invoice among the contract's children"})
    reference = fields.String(allow_none=True, validate=validate.Length(max=100), metadata={
        "description": "payment order number or the like"})
    note = fields.String(allow_none=True)


class PaymentCancellationSchema(Schema):
    reason = fields.String(required=True, metadata={"description": "why the payment no longer counts"})


class OverdueQueryArgs(PageArgs):
    counterparty_id = ID(metadata={"description": "only this counterparty's contracts"})
    responsible_id = ID(metadata={"description": "only contracts this employee is responsible for"})
    department_id = ID(metadata={"description": "only contracts of this department"})


class OverdueItemSchema(Schema):
    """A milestone past its deadline, or a planned payment due and not covered."""

    kind = fields.String(metadata={"description": "milestone or payment"})
    id = ID()
    document_id = ID()
    document_number = fields.String(allow_none=True)
    document_title = fields.String()
    counterparty_id = ID(allow_none=True)
    responsible_id = ID(allow_none=True)
    due_on = Date()
    title = fields.String(allow_none=True, metadata={"description": "the milestone's title; null for a payment"})
    amount = Money(allow_none=True)
    outstanding = Money(allow_none=True, metadata={
        "description": "a payment: what is not covered; a milestone: its amount"})
    currency = fields.String(allow_none=True)
    days_overdue = fields.Integer()


OverdueItemPage = page_of(OverdueItemSchema, "OverdueItemPage")
