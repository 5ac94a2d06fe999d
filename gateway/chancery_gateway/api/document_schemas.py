"""The HTTP contract of documents beyond the card itself: edits, links, journals' numbers, paper copies."""
from marshmallow import Schema, fields, validate

from .schemas import ID, Date, DocumentSchema, NewDocumentSchema, PageArgs, page_of


class NewDocumentRequestSchema(NewDocumentSchema):
    reserved_number = fields.String(metadata={
        "description": "take this number, reserved before in the type's journal"})


class DocumentChangesSchema(Schema):
    """Some fields of an unsigned card; a signed one changes only by an annex or a new version."""

    title = fields.String()
    document_date = Date(allow_none=True)
    signing_date = Date(allow_none=True)
    amount = fields.Decimal(allow_none=True, as_string=True)
    currency = fields.String(allow_none=True)
    valid_from = Date(allow_none=True)
    valid_to = Date(allow_none=True)
    counterparty_id = ID(allow_none=True)
    legal_entity_id = ID(allow_none=True)
    responsible_id = ID(allow_none=True)


class NewLinkSchema(Schema):
    document_id = ID(required=True, metadata={"description": "the related document"})
    note = fields.String(allow_none=True)


class LinkSchema(Schema):
    from_id = ID()
    to_id = ID()
    note = fields.String(allow_none=True)
    created_by = ID()
    created_at = fields.String()


class TreeNodeSchema(Schema):
    document = fields.Nested(DocumentSchema)
    children = fields.List(fields.Nested(lambda: TreeNodeSchema()))


class RelatedDocumentSchema(Schema):
    document = fields.Nested(DocumentSchema)
    note = fields.String(allow_none=True)
    direction = fields.String(metadata={"description": "outgoing: linked from this document; incoming: to it"})
    created_by = ID()
    created_at = fields.String()


class DocumentTreeSchema(Schema):
    """What the card's tree shows; documents the caller may not see are left out."""

    document = fields.Nested(DocumentSchema)
    parents = fields.List(fields.Nested(DocumentSchema), metadata={
        "description": "from the root down to the direct parent"})
    children = fields.List(fields.Nested(TreeNodeSchema), metadata={
        "description": "children, each with its own children"})
    related = fields.List(fields.Nested(RelatedDocumentSchema), metadata={
        "description": "free links, from either end"})


# registration -----------------------------------------------------------------------------

class RegistrationSchema(Schema):
    """A number a journal gave out: reserved, registered to a document, or cancelled."""

    id = ID()
    journal_id = ID()
    year = fields.Integer()
    sequence = fields.Integer()
    number = fields.String()
    status = fields.String(metadata={"description": "reserved, registered or cancelled"})
    document_id = ID(allow_none=True, metadata={
        "description": "the document holding (or that held) the number, when the caller sees it"})
    registered_at = fields.String()
    registrar_id = ID()
    note = fields.String(allow_none=True)
    cancelled_at = fields.String(allow_none=True)
    cancelled_by = ID(allow_none=True)
    cancel_reason = fields.String(allow_none=True)


YEAR = validate.Range(min=1900, max=2999)


class ReservationRequestSchema(Schema):
    year = fields.Integer(allow_none=True, validate=YEAR, metadata={"description": "default: this year"})
    note = fields.String(allow_none=True)


class RegistrationRequestSchema(Schema):
    reserved_number = fields.String(allow_none=True, metadata={
        "description": "take this number reserved before in the journal, instead of the next one"})


class CancelRegistrationSchema(Schema):
    reason = fields.String(required=True)


class NumbersQueryArgs(Schema):
    year = fields.Integer(validate=YEAR, metadata={"description": "default: this year"})


# paper copies -----------------------------------------------------------------------------

class PaperMovementSchema(Schema):
    id = ID()
    at = fields.String()
    from_holder = ID(allow_none=True)
    to_holder = ID(allow_none=True)
    to_location = fields.String(allow_none=True)
    reason = fields.String(allow_none=True)
    expected_return_on = Date(allow_none=True)
    by = ID()


class PaperCopySchema(Schema):
    id = ID()
    document_id = ID()
    document_title = fields.String()
    document_number = fields.String(allow_none=True)
    kind = fields.String(metadata={"description": "original or copy"})
    location = fields.String(metadata={"description": "where it is kept: archive, room, cabinet, folder"})
    holder_id = ID(allow_none=True, metadata={"description": "the employee holding it now"})
    status = fields.String(metadata={"description": "in_place, handed_out or lost"})
    expected_return_on = Date(allow_none=True)
    created_by = ID()
    created_at = fields.String()
    movements = fields.List(fields.Nested(PaperMovementSchema))


class NewPaperCopySchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(("original", "copy")))
    location = fields.String(required=True)


class PaperMovementRequestSchema(Schema):
    """Hand the copy to an employee (`to_holder`, with `expected_return_on`) or return it to a
    place (`to_location`)."""

    to_holder = ID(allow_none=True)
    to_location = fields.String(allow_none=True)
    reason = fields.String(allow_none=True)
    expected_return_on = Date(allow_none=True)


class PaperCopyQueryArgs(PageArgs):
    out = fields.Boolean(metadata={"description": "only copies handed out"})
    overdue = fields.Boolean(metadata={"description": "only copies handed out past their expected return"})
    holder_id = ID()


PaperCopyPage = page_of(PaperCopySchema, "PaperCopyPage")
