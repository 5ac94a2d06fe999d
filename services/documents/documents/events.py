"""Events the documents service publishes (exchange ``documents.events``)."""
from marshmallow import Schema, fields

from chancery_common.outbox import EventCatalog

from .models import outbox

DOCUMENT_CREATED = "document.created"
DOCUMENT_REGISTERED = "document.registered"
DOCUMENT_STATUS_CHANGED = "document.status_changed"
DOCUMENT_FILE_ADDED = "document.file_added"
DOCUMENT_FILE_TEXT_REQUESTED = "document.file_text_requested"
DOCUMENT_UPDATED = "document.updated"
DOCUMENT_REGISTRATION_CANCELLED = "document.registration_cancelled"
DOCUMENT_SIGNED = "document.signed"
PAPER_COPY_MOVED = "paper_copy.moved"
CONTRACT_MILESTONE_CHANGED = "contract.milestone_changed"
CONTRACT_PAYMENT_RECORDED = "contract.payment_recorded"
CONTRACT_PAYMENT_CANCELLED = "contract.payment_cancelled"

# the card's own date fields, as every event's ``dates`` names them
CARD_DATES = ("document_date", "signing_date", "valid_from", "valid_until")


class DocumentRef(Schema):
    document_id = fields.UUID(required=True)
    counterparty_id = fields.UUID(allow_none=True, required=True)
    title = fields.String(required=True)
    type_code = fields.String(required=True)
    type_name = fields.String(required=True)
    number = fields.String(allow_none=True, required=True)
    document_type_id = fields.UUID(required=True)
    status = fields.String(required=True, metadata={"description": "the document's status now"})
    responsible_id = fields.UUID(allow_none=True, required=True)
    department_id = fields.UUID(allow_none=True, required=True)
    dates = fields.Dict(keys=fields.String(), values=fields.Date(allow_none=True), required=True, metadata={
        "description": "document_date, signing_date, valid_from, valid_until, and every date-kind extra "
                       "field of the document's type under its code: an ISO date or null"})


class DocumentCreatedV1(DocumentRef):
    """A document card was created (status draft)."""

    created_by = fields.UUID(required=True)
    amount = fields.Decimal(allow_none=True, as_string=True)
    currency = fields.String(allow_none=True)


class DocumentRegisteredV1(DocumentRef):
    """A document got its number in a registration journal."""

    journal_code = fields.String(required=True)
    registered_at = fields.AwareDateTime(required=True)
    registrar_id = fields.UUID(required=True)


class DocumentStatusChangedV1(DocumentRef):
    """A document moved along its life cycle (draft, on_approval, approved, rejected, signed,
    in_execution, completed, terminated, archived)."""

    from_status = fields.String(allow_none=True, required=True)
    to_status = fields.String(required=True)
    changed_by = fields.UUID(allow_none=True)
    reason = fields.String(allow_none=True)


class DocumentFileAddedV1(DocumentRef):
    """An electronic copy (or a new version of one) was stored for a document."""

    file_id = fields.UUID(required=True)
    version_id = fields.UUID(required=True)
    version = fields.Integer(required=True)
    filename = fields.String(required=True)
    size = fields.Integer(required=True)
    sha256 = fields.String(required=True)
    content_type = fields.String(required=True)
    uploaded_by = fields.UUID(required=True)
    object_key = fields.String(metadata={
        "description": "where the bytes are in the documents' bucket (read by the texts service)"})


class DocumentFileTextRequestedV1(Schema):
    """A stored file version is to be read again from scratch (its text, searchable PDF and
    thumbnail): asked for by an operator's re-extraction (``python -m documents reextract``)."""

    document_id = fields.UUID(required=True)
    file_id = fields.UUID(required=True)
    version_id = fields.UUID(required=True)
    filename = fields.String(required=True)
    size = fields.Integer(required=True)
    sha256 = fields.String(required=True)
    content_type = fields.String(required=True)
    object_key = fields.String(required=True)


class FieldChange(Schema):
    from_ = fields.Raw(data_key="from", allow_none=True, required=True)
    to = fields.Raw(allow_none=True, required=True)


class DocumentUpdatedV1(DocumentRef):
    """Fields of a document's card were edited (before it was signed), or its counterparty was
    merged into another: each changed field with its old and new value, as text (dates ISO 8601,
    amounts as decimal text, ids as UUIDs); an extra field of the type appears as ``extra.<code>``.
    ``changed_by`` is null when no employee changed it here (a merge of counterparties)."""

    changed_by = fields.UUID(allow_none=True, required=True)
    changes = fields.Dict(keys=fields.String(), values=fields.Nested(FieldChange), required=True)


class DocumentRegistrationCancelledV1(DocumentRef):
    """A document's registration was cancelled: it has no number now (``number`` is null) and
    may be registered again; ``cancelled_number`` stays recorded as cancelled, never reused."""

    cancelled_number = fields.String(required=True)
    journal_code = fields.String(allow_none=True, required=True)
    cancelled_at = fields.AwareDateTime(required=True)
    cancelled_by = fields.UUID(required=True)
    reason = fields.String(required=True)


class DocumentSignedV1(DocumentRef):
    """A document was signed (its status became signed; document.status_changed is also sent).
    From now on its card and files are fixed."""

    signed_at = fields.AwareDateTime(required=True)
    signed_by = fields.UUID(allow_none=True, required=True)


class PaperCopyMovedV1(DocumentRef):
    """A paper original or copy of a document changed hands: handed to an employee (status
    handed_out, with the date it is expected back), returned to a location (in_place), or
    marked lost (status lost, with the reason). Here ``status`` is the paper copy's;
    ``document_status`` is the document's."""

    document_status = fields.String(required=True)
    paper_copy_id = fields.UUID(required=True)
    kind = fields.String(required=True)
    from_holder_id = fields.UUID(allow_none=True, required=True)
    to_holder_id = fields.UUID(allow_none=True, required=True)
    to_location = fields.String(allow_none=True, required=True)
    status = fields.String(required=True)
    expected_return_on = fields.Date(allow_none=True, required=True)
    reason = fields.String(allow_none=True)
    moved_by = fields.UUID(required=True)
    moved_at = fields.AwareDateTime(required=True)


class SettlementRow(Schema):
    currency = fields.String(allow_none=True, required=True)
    contract_amount = fields.String(allow_none=True, required=True, metadata={
        "description": "the contract's amount in this currency (decimal text), null for another currency"})
    accrued = fields.String(required=True, metadata={
        "description": "what the contract's signed completion acts (and its annexes') are worth"})
    paid = fields.String(required=True, metadata={"description": "the actual payments, cancelled ones left out"})
    balance = fields.String(required=True, metadata={
        "description": "accrued minus paid: above zero the customer owes, below zero an advance was paid"})
    planned_to_date = fields.String(required=True, metadata={"description": "the planned payments due by today"})
    overdue_amount = fields.String(required=True, metadata={
        "description": "what of the planned payments past their date the actual ones do not cover"})
    remaining = fields.String(allow_none=True, required=True, metadata={
        "description": "the contract's amount minus accrued: what is still to be done"})


class ContractMilestoneChangedV1(DocumentRef):
    """A milestone (an obligation with a deadline) of a contract was added, changed (its act
    linked, marked done, moved) or removed. ``milestone_status``: planned, act_pending,
    overdue, done, or removed; ``completed_on`` is the day it was done (by hand, or its act's
    signing)."""

    SUBJECT = "document_id"  # the contract

    milestone_id = fields.UUID(required=True)
    change = fields.String(required=True, metadata={"description": "added, updated or removed"})
    milestone_title = fields.String(required=True)
    due_on = fields.Date(required=True)
    amount = fields.Decimal(allow_none=True, as_string=True, required=True)
    currency = fields.String(allow_none=True, required=True)
    act_id = fields.UUID(allow_none=True, required=True)
    completed_on = fields.Date(allow_none=True, required=True)
    milestone_status = fields.String(required=True)
    changed_by = fields.UUID(required=True, allow_none=True, metadata={
        "description": "null when no employee changed it here (an act signed by an approval's outcome)"})
    changes = fields.Dict(keys=fields.String(), values=fields.Nested(FieldChange), required=True, metadata={
        "description": "each field changed, from and to, as text; ``act_status`` when its act was signed or "
                       "terminated"})


class OpenPlannedPayment(Schema):
    payment_id = fields.UUID(required=True)
    on = fields.Date(required=True)
    outstanding = fields.Decimal(required=True, as_string=True)
    currency = fields.String(required=True)


class ContractPaymentRecordedV1(DocumentRef):
    """A payment of a contract was recorded: planned (a line of the schedule, ``on`` its date)
    or actual (``on`` the day it was paid), with the contract's settlement after it."""

    SUBJECT = "document_id"  # the contract

    payment_id = fields.UUID(required=True)
    kind = fields.String(required=True, metadata={"description": "planned or actual"})
    on = fields.Date(required=True)
    amount = fields.Decimal(required=True, as_string=True)
    currency = fields.String(required=True)
    invoice_id = fields.UUID(allow_none=True, required=True)
    reference = fields.String(allow_none=True, required=True)
    recorded_by = fields.UUID(required=True)
    we_are = fields.String(required=True, metadata={"description": "supplier or customer in this contract"})
    settlement = fields.List(fields.Nested(SettlementRow), required=True)
    open_planned = fields.List(fields.Nested(OpenPlannedPayment), required=True, metadata={
        "description": "the contract's planned payments the actual ones do not cover yet, oldest first"})


class ContractPaymentCancelledV1(DocumentRef):
    """A payment recorded by mistake was cancelled (it stays listed, out of the totals), with
    the contract's settlement after it."""

    SUBJECT = "document_id"  # the contract

    payment_id = fields.UUID(required=True)
    kind = fields.String(required=True)
    on = fields.Date(required=True)
    amount = fields.Decimal(required=True, as_string=True)
    currency = fields.String(required=True)
    reason = fields.String(required=True)
    cancelled_by = fields.UUID(required=True)
    we_are = fields.String(required=True)
    settlement = fields.List(fields.Nested(SettlementRow), required=True)
    open_planned = fields.List(fields.Nested(OpenPlannedPayment), required=True)


catalog = EventCatalog(outbox, {
    (DOCUMENT_CREATED, 1): DocumentCreatedV1,
    (DOCUMENT_REGISTERED, 1): DocumentRegisteredV1,
    (DOCUMENT_STATUS_CHANGED, 1): DocumentStatusChangedV1,
    (DOCUMENT_FILE_ADDED, 1): DocumentFileAddedV1,
    (DOCUMENT_FILE_TEXT_REQUESTED, 1): DocumentFileTextRequestedV1,
    (DOCUMENT_UPDATED, 1): DocumentUpdatedV1,
    (DOCUMENT_REGISTRATION_CANCELLED, 1): DocumentRegistrationCancelledV1,
    (DOCUMENT_SIGNED, 1): DocumentSignedV1,
    (PAPER_COPY_MOVED, 1): PaperCopyMovedV1,
    (CONTRACT_MILESTONE_CHANGED, 1): ContractMilestoneChangedV1,
    (CONTRACT_PAYMENT_RECORDED, 1): ContractPaymentRecordedV1,
    (CONTRACT_PAYMENT_CANCELLED, 1): ContractPaymentCancelledV1,
})


def document_dates(document):
    """The card's dates and the type's date-kind extra fields, by name."""
    dates = {"document_date": document.document_date, "signing_date": document.signing_date,
             "valid_from": document.valid_from, "valid_until": document.valid_to}
    extra = document.extra or {}
    for field in document.type.fields or []:
        if field.get("kind") == "date":
            dates[field["code"]] = extra.get(field["code"])
    return dates


def document_ref(document):
    """The fields every document event carries."""
    return {
        "document_id": document.id, "counterparty_id": document.counterparty_id,
        "title": document.title, "type_code": document.type.code, "type_name": document.type.name,
        "number": document.number, "document_type_id": document.type_id, "status": document.status,
        "responsible_id": document.responsible_id, "department_id": document.department_id,
        "dates": document_dates(document),
    }
