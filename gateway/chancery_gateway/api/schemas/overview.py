"""The unified view of a counterparty (composed of every service's part)."""

from marshmallow import Schema, fields

from .activities import PlannedActivityPage
from .approvals import ApprovalSchema
from .common import ID, UnavailablePartSchema, page_of
from .contact_persons import ContactPersonSchema
from .counterparties import CounterpartySchema, HistoryEntrySchema
from .documents import CompletenessSchema, OverviewDocumentSchema, PaperCopySchema
from .execution import ExecutionSummarySchema
from .negotiations import NegotiationNotesSchema
from .notifications import NotificationPageSchema


class OverviewSchema(Schema):
    counterparty = fields.Nested(CounterpartySchema, allow_none=True)
    contact_persons = fields.List(fields.Nested(lambda: ContactPersonSchema()), allow_none=True)
    activities = fields.Nested(lambda: PlannedActivityPage(), allow_none=True,
                               metadata={"description": "planned activities, soonest first"})
    history = fields.Nested(page_of(HistoryEntrySchema, "HistoryPage"), allow_none=True)
    documents = fields.Nested(page_of(OverviewDocumentSchema, "OverviewDocumentPage"), allow_none=True, metadata={
        "description": "the counterparty's documents, newest first (200 at most), each type in brief"})
    approvals = fields.Nested(page_of(ApprovalSchema, "OverviewApprovalPage"), allow_none=True)
    notifications = fields.Nested(NotificationPageSchema, allow_none=True)
    negotiation = fields.Nested(lambda: NegotiationNotesSchema(), allow_none=True, metadata={
        "description": "the current negotiation stage and the latest notes"})
    paper_copies = fields.Nested(lambda: OverviewPaperCopyPage(), allow_none=True, metadata={
        "description": "paper originals and copies of the counterparty's documents: where, who holds them"})
    contract_trees = fields.List(fields.Nested(lambda: DocumentTreeNodeSchema()), metadata={
        "description": "the documents as trees of their ids: a contract with its annexes, acts, invoices... "
                       "nested, oldest first (each document is in `documents` once)"})
    completeness = fields.Dict(keys=fields.String(), values=fields.Nested(lambda: CompletenessSchema()),
                               metadata={"description": "contract id -> its required accounting documents "
                                                        "and which are missing"})
    execution = fields.Dict(keys=fields.String(), values=fields.Nested(lambda: ExecutionSummarySchema()),
                            metadata={"description": "contract id -> its execution in brief (overdue milestones "
                                                     "and payments, the settlement, the next milestone), for the "
                                                     "contracts that keep milestones or payments"})
    approvals_in_progress = fields.List(fields.Nested(lambda: RunningApprovalSchema()), metadata={
        "description": "each running approval: its current stage, who holds it, since when, the deadline"})
    overdue_activity_ids = fields.List(ID(), metadata={"description": "planned activities already past due"})
    employees = fields.Dict(keys=fields.String(), values=fields.String(),
                            metadata={"description": "employee id -> full name, for every id shown"})
    unavailable = fields.List(fields.Nested(UnavailablePartSchema),
                              metadata={"description": "parts whose service did not answer"})


class DocumentTreeNodeSchema(Schema):
    document_id = ID(metadata={"description": "a document of `documents`"})
    children = fields.List(fields.Nested(lambda: DocumentTreeNodeSchema()))


class RunningApprovalSchema(Schema):
    approval_id = ID()
    document_id = ID()
    document_title = fields.String()
    document_number = fields.String(allow_none=True)
    status = fields.String(metadata={"description": "in_progress, or returned (for revision)"})
    stage_name = fields.String(allow_none=True)
    stage_status = fields.String(allow_none=True, metadata={"description": "active, or stalled (nobody on it)"})
    holder_ids = fields.List(ID(), metadata={"description": "who has to decide now"})
    since = fields.String(allow_none=True)
    due_at = fields.String(allow_none=True)
    overdue = fields.Boolean()


OverviewPaperCopyPage = page_of(PaperCopySchema, "OverviewPaperCopyPage")
