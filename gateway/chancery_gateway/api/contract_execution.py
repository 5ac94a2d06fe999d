"""Contract execution: milestones, planned and actual payments, settlements and what is overdue
(owned by the documents service)."""
from flask import g
from .blueprint import Blueprint

from .. import preconditions, rpc
from .openapi import VERSIONED
from ..payload import jsonable
from .paging import listing
from .schemas.execution import (
    ExecutionSchema, ExecutionTermsSchema, MilestoneChangesSchema, NewMilestoneSchema, NewPaymentSchema,
    OverdueItemPage, OverdueQueryArgs, PaymentCancellationSchema
)

blp = Blueprint("contract-execution", __name__, url_prefix="/api/v1",
                description="How contracts are carried out: milestones with deadlines, completion acts against "
                            "them, the payment schedule and the payments made, settlements and what is overdue.")


@blp.route("/documents/<uuid:document_id>/execution")
@blp.response(200, ExecutionSchema)
def get_execution(document_id):
    """The contract's milestones, payments and settlements per currency. A document that is not a
    contract answers 422 (field `document_id`); one the caller does not see, 404."""
    return rpc.call("documents", "get_execution", g.actor, str(document_id))


@blp.route("/documents/<uuid:document_id>/execution/terms", methods=["PUT"])
@blp.arguments(ExecutionTermsSchema)
@blp.response(200, ExecutionSchema)
def set_execution_terms(data, document_id):
    """Which side we are in the contract: the supplier (the counterparty pays us) or the customer
    (we pay the counterparty). An archived contract answers 409."""
    return rpc.call("documents", "set_execution_terms", g.actor, str(document_id), jsonable(data))


@blp.route("/documents/<uuid:document_id>/milestones", methods=["POST"])
@blp.arguments(NewMilestoneSchema)
@blp.response(201, ExecutionSchema)
def add_milestone(data, document_id):
    """Add an obligation with its deadline (and amount) to the contract; answers the whole execution.
    An archived contract answers 409."""
    return rpc.call("documents", "add_milestone", g.actor, str(document_id), jsonable(data))


@blp.route("/milestones/<uuid:milestone_id>", methods=["PATCH"])
@blp.arguments(MilestoneChangesSchema)
@blp.response(200, ExecutionSchema)
@blp.doc(**VERSIONED)
def update_milestone(data, milestone_id):
    """Change a milestone, link the completion act that closes it (signed, the milestone is done on
    its signing date), or mark it done by hand; answers the contract's execution (the ETag is the
    milestone's version, as in its `milestones` entry)."""
    execution = rpc.call("documents", "update_milestone", g.actor, str(milestone_id), jsonable(data),
                         expected_version=preconditions.expected_version())
    milestone = next((m for m in execution.get("milestones") or () if m["id"] == str(milestone_id)), None)
    return preconditions.tagged(execution, milestone["version"]) if milestone else execution


@blp.route("/milestones/<uuid:milestone_id>", methods=["DELETE"])
@blp.response(200, ExecutionSchema)
def remove_milestone(milestone_id):
    """Remove a milestone; answers the contract's execution without it."""
    return rpc.call("documents", "remove_milestone", g.actor, str(milestone_id))


@blp.route("/documents/<uuid:document_id>/payments", methods=["POST"])
@blp.arguments(NewPaymentSchema)
@blp.response(201, ExecutionSchema)
def add_payment(data, document_id):
    """Add a line to the payment schedule (`planned`, due on `on`) or record money paid (`actual`,
    paid on `on`); the amount must be above 0. Answers the contract's execution."""
    return rpc.call("documents", "add_payment", g.actor, str(document_id), jsonable(data))


@blp.route("/payments/<uuid:payment_id>/cancel", methods=["POST"])
@blp.arguments(PaymentCancellationSchema)
@blp.response(200, ExecutionSchema)
def cancel_payment(data, payment_id):
    """Cancel a payment entered by mistake, with the reason: it stays listed and no longer counts.
    A payment already cancelled answers 409."""
    return rpc.call("documents", "cancel_payment", g.actor, str(payment_id), jsonable(data))


@blp.route("/contracts/overdue")
@blp.arguments(OverdueQueryArgs, location="query")
@blp.response(200, OverdueItemPage)
@listing
def execution_overdue(args):
    """Milestones past their deadline and planned payments due and not covered, of the contracts the
    caller sees, most overdue first."""
    return rpc.call("documents", "execution_overdue", g.actor, jsonable(args))
