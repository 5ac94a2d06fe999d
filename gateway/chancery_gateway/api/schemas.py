"""The HTTP contract: request and response bodies as the OpenAPI document shows them.

Services validate again on their side; these schemas answer bad input early and
describe the API. ``unknown = RAISE`` names a misspelt field instead of ignoring it.
"""
import functools

from marshmallow import Schema, fields, validate

from .paging import Next, PageArgs, SyncArgs, SyncFields, page_of  # noqa: F401  (re-exported: every list's paging and envelope)

ID = fields.UUID


def Version():
    """A record's version: the ETag of its card, and If-Match of a change (docs/api.md)."""
    return fields.Integer(dump_only=True, metadata={
        "description": "The record's version: one more with every change. GET of the record answers it as "
                       "its `ETag`; send it back as `If-Match: \"<version>\"` with a PATCH."})
def Deleted():
    """A tombstone's mark in a sync (docs/api.md, "Sync by change")."""
    return fields.Boolean(dump_only=True, metadata={
        "description": "Sync only: true for a record gone (deleted, merged into another, deactivated); "
                       "a tombstone carries only id, updated_at and, for a merged one, merged_into."})


# the body of a file or an export answer (its media type is given with it)
BINARY = {"type": "string", "format": "binary"}


class Date(fields.Date):
    """A date: parsed from requests; responses pass on the ISO text the service sent."""

    def _serialize(self, value, attr, obj, **kwargs):
        return value if isinstance(value, str) else super()._serialize(value, attr, obj, **kwargs)


class Money(fields.Decimal):
    """An amount of money, exact: sent and answered as a decimal string ("1500000.00"); a
    JSON number is accepted in requests too."""

    def __init__(self, **kwargs):
        metadata = {"type": "string", "format": "decimal", "example": "1500000.00", **kwargs.pop("metadata", {})}
        super().__init__(as_string=True, metadata=metadata, **kwargs)


class AwareDateTime(fields.AwareDateTime):
    """A date-time with offset: parsed from requests; responses pass on the service's ISO text."""

    def _serialize(self, value, attr, obj, **kwargs):
        return value if isinstance(value, str) else super()._serialize(value, attr, obj, **kwargs)


# auth -------------------------------------------------------------------------------

class LoginSchema(Schema):
    email = fields.String(required=True, validate=validate.Length(min=1, max=254), metadata={
        "description": "the e-mail, or (with the LDAP directory enabled) the directory's user name"})
    password = fields.String(required=True, validate=validate.Length(min=1, max=200))


class EmployeeSchema(Schema):
    id = ID()
    version = Version()
    full_name = fields.String()
    email = fields.String()
    phone = fields.String(allow_none=True)
    position = fields.String(allow_none=True)
    department_id = ID(allow_none=True)
    roles = fields.List(fields.String())
    locale = fields.String()
    time_zone = fields.String()
    is_active = fields.Boolean()
    created_at = fields.String()
    updated_at = fields.String(dump_only=True)
    deleted = Deleted()


class SessionSchema(Schema):
    employee = fields.Nested(EmployeeSchema)
    permissions = fields.List(fields.String(), metadata={"description": "what the roles allow"})
    visible_department_ids = fields.List(ID(), metadata={
        "description": "departments whose records the employee sees"})
    csrf_token = fields.String()
    second_factor_required = fields.Boolean(metadata={
        "description": "true (and nothing else) when the password was right and two-factor is on: "
                       "send the code to POST /api/v1/auth/login/code with the same cookies"})
    two_factor_enrolment_required = fields.Boolean(metadata={
        "description": "the sign-in policy requires two-factor of these roles and it is not set up: "
                       "every other endpoint answers 403 until POST /api/v1/auth/two-factor/enrolment/confirm"})


class CodeSchema(Schema):
    code = fields.String(required=True, validate=validate.Length(min=6, max=20), metadata={
        "description": "the six digits of the authenticator app, or a recovery code"})


class TwoFactorStatusSchema(Schema):
    enabled = fields.Boolean()
    required = fields.Boolean(metadata={"description": "the sign-in policy requires it of your roles"})
    recovery_codes_left = fields.Integer()
    enabled_at = AwareDateTime(allow_none=True)


class TwoFactorEnrolmentSchema(Schema):
    secret = fields.String(metadata={"description": "base32, for typing into the app by hand"})
    otpauth_uri = fields.String(metadata={"description": "what the QR code holds"})
    qr_code_url = fields.String(metadata={"description": "the QR code as SVG"})


class RecoveryCodesSchema(Schema):
    recovery_codes = fields.List(fields.String(), metadata={
        "description": "ten one-time codes, shown only now (only their hashes are kept)"})


class SignInPolicySchema(Schema):
    require_two_factor_for_admins = fields.Boolean(metadata={
        "description": "employees whose roles have manage_staff (administrators too) must use two-factor"})
    password_sign_in = fields.Boolean(metadata={
        "description": "false: only the break-glass administrator may sign in with a password; everyone "
                       "else through the holding's provider (needs an enabled provider)"})
    break_glass_employee_id = ID(allow_none=True, metadata={
        "description": "an active administrator with a password, still let in with it while passwords are off"})


class NewEmployeeSchema(Schema):
    full_name = fields.String(required=True)
    email = fields.Email(required=True)
    phone = fields.String(allow_none=True)
    position = fields.String(allow_none=True)
    department_id = ID(allow_none=True)
    roles = fields.List(fields.String())
    locale = fields.String()
    time_zone = fields.String()
    password = fields.String(load_only=True, validate=validate.Length(min=10, max=200))


class PasswordChangeSchema(Schema):
    current_password = fields.String(required=True)
    new_password = fields.String(required=True, validate=validate.Length(min=10, max=200))


class PasswordResetSchema(Schema):
    new_password = fields.String(validate=validate.Length(min=10, max=200),
                                 metadata={"description": "default: a generated one, returned once"})


class PasswordResetResultSchema(Schema):
    employee = fields.Nested(EmployeeSchema)
    generated_password = fields.String(allow_none=True)


class NewApiTokenSchema(Schema):
    name = fields.String(required=True)
    employee_id = ID(required=True, metadata={"description": "whose rights the token uses"})
    scopes = fields.List(fields.String(validate=validate.OneOf(("read", "write"))), required=True)
    expires_at = AwareDateTime(allow_none=True)


class ApiTokenSchema(Schema):
    id = ID()
    name = fields.String()
    employee_id = ID()
    scopes = fields.List(fields.String())
    created_by = ID()
    created_at = fields.String()
    expires_at = fields.String(allow_none=True)
    last_used_at = fields.String(allow_none=True)
    revoked_at = fields.String(allow_none=True)
    token = fields.String(metadata={"description": "only in the answer that creates it"})


class EmployeeChangesSchema(Schema):
    full_name = fields.String()
    email = fields.Email()
    phone = fields.String(allow_none=True)
    position = fields.String(allow_none=True)
    department_id = ID(allow_none=True)
    roles = fields.List(fields.String())
    locale = fields.String()
    time_zone = fields.String()


class LegalEntitySchema(Schema):
    id = ID(dump_only=True)
    name = fields.String(required=True)
    short_name = fields.String(allow_none=True)
    tax_id = fields.String(allow_none=True)
    registration_number = fields.String(allow_none=True)
    address = fields.String(allow_none=True)
    created_at = fields.String(dump_only=True)


class PositionSchema(Schema):
    id = ID(dump_only=True)
    name = fields.String(required=True)


class DepartmentSchema(Schema):
    id = ID(dump_only=True)
    version = Version()
    name = fields.String(required=True)
    legal_entity_id = ID(allow_none=True)
    parent_id = ID(allow_none=True)
    head_id = ID(allow_none=True)
    created_at = fields.String(dump_only=True)
    updated_at = fields.String(dump_only=True, allow_none=True)


class DepartmentChangesSchema(DepartmentSchema):
    name = fields.String()


class AbsenceSchema(Schema):
    id = ID(dump_only=True)
    employee_id = ID(required=True)
    deputy_id = ID(required=True)
    starts_on = Date(required=True)
    ends_on = Date(required=True)
    reason = fields.String(allow_none=True)
    created_by = ID(dump_only=True)
    cancelled_at = fields.String(dump_only=True, allow_none=True)


class AbsenceQueryArgs(Schema):
    employee_id = ID()


class RolePermissionSchema(Schema):
    permission = fields.String(required=True, metadata={"description": (
        "register_documents, edit_reference_books, configure_document_types, configure_routes, "
        "manage_staff, view_audit, replay_events")})
    roles = fields.List(fields.String(), required=True)


class EmployeeQueryArgs(PageArgs, SyncFields):
    search = fields.String()


# counterparties -----------------------------------------------------------------------

class CounterpartySchema(Schema):
    id = ID(dump_only=True)
    version = Version()
    kind = fields.String(validate=validate.OneOf(("organisation", "individual")))
    name = fields.String(required=True)
    short_name = fields.String(allow_none=True)
    country = fields.String(metadata={"description": "ISO 3166 alpha-2 (default RU): RU details are "
                                                     "checked (INN, OGRN/OGRNIP, KPP check digits)"})
    tax_id = fields.String(allow_none=True, metadata={"description": "INN for RU"})
    registration_number = fields.String(allow_none=True, metadata={"description": "OGRN / OGRNIP for RU"})
    kpp = fields.String(allow_none=True)
    legal_address = fields.String(allow_none=True)
    postal_address = fields.String(allow_none=True)
    phone = fields.String(allow_none=True)
    fax = fields.String(allow_none=True)
    email = fields.String(allow_none=True)
    website = fields.String(allow_none=True)
    main_contact = fields.String(allow_none=True)
    notes = fields.String(allow_none=True)
    responsible_employee_id = ID(allow_none=True)
    status = fields.String(dump_only=True)
    created_by = ID(dump_only=True)
    created_at = fields.String(dump_only=True)
    updated_at = fields.String(dump_only=True)
    deleted = Deleted()
    merged_into = ID(dump_only=True, metadata={"description": "Sync only: the counterparty a merged one went into."})


class CounterpartyChangesSchema(CounterpartySchema):
    """Some of a counterparty's fields: for a change, or a duplicate check before saving."""

    name = fields.String()


class DuplicatesSchema(Schema):
    items = fields.List(fields.Nested(CounterpartySchema))
    hidden_matches = fields.Integer(metadata={
        "description": "look-alikes the caller may not see: counted, never shown"})


class CounterpartyQueryArgs(PageArgs):
    search = fields.String(metadata={"description": "name, tax id, phone, e-mail or main contact"})
    responsible_employee_id = ID()
    status = fields.String(validate=validate.OneOf(("active", "archived")))
    sort = fields.String(validate=validate.OneOf(("name", "-name", "created_at", "-created_at")))


class HistoryEntrySchema(Schema):
    id = ID()
    counterparty_id = ID()
    occurred_at = fields.String()
    kind = fields.String()
    actor_id = ID(allow_none=True)
    summary = fields.String()
    data = fields.Dict()


# documents --------------------------------------------------------------------------------

class JournalSchema(Schema):
    id = ID()
    version = Version()
    code = fields.String()
    name = fields.String()
    prefix = fields.String()
    number_pattern = fields.String()
    sequence_width = fields.Integer()
    kind = fields.String()
    is_active = fields.Boolean()
    per_parent = fields.Boolean(metadata={"description": "numbers within the parent document (annexes)"})


class DocumentTypeSchema(Schema):
    id = ID()
    version = Version()
    code = fields.String()
    name = fields.String()
    kind = fields.String()
    visible_to_roles = fields.List(fields.String(), metadata={
        "description": "roles that see every document of this type"})
    journal = fields.Nested(JournalSchema, allow_none=True)
    # documents' own (see document_schemas.py): extra fields, children, people, completeness
    journal_id = ID(allow_none=True)
    field_definitions = fields.List(fields.Dict(), data_key="fields", attribute="fields")
    allowed_child_type_ids = fields.List(ID(), allow_none=True)
    default_responsible_ids = fields.List(ID())
    department_id = ID(allow_none=True)
    department_code = fields.String(allow_none=True)
    required_documents = fields.List(fields.Dict())
    stages_field = fields.String(allow_none=True)
    accepted_file_kinds = fields.List(fields.String(), metadata={
        "description": "the kinds of file its documents take: pdf, images, office, text, email, archives"})
    is_active = fields.Boolean()


class FileVersionSchema(Schema):
    id = ID()
    file_id = ID()
    version = fields.Integer()
    filename = fields.String()
    size = fields.Integer()
    sha256 = fields.String()
    content_type = fields.String()
    uploaded_by = ID()
    uploaded_at = fields.String()
    text_state = fields.String(allow_none=True, metadata={
        "description": "reading its text (OCR of a scan, an office file, an e-mail): pending, done or "
                       "failed; null for a file stored before texts were read"})
    text_reason = fields.String(allow_none=True, metadata={
        "description": "why its text could not be read; with text_state done, what could not be made "
                       "(an office file's preview: \"no preview: ...\")"})
    text_method = fields.String(allow_none=True, metadata={
        "description": "how its text was read: ocr, text_layer, office, email or plain"})
    has_searchable_pdf = fields.Boolean(metadata={
        "description": "a scan's searchable PDF, or an office file's PDF preview (text_method office, made by "
                       "LibreOffice), is at .../versions/{id}/searchable.pdf"})
    has_thumbnail = fields.Boolean(metadata={
        "description": "a PNG of its first page (a PDF's, an image's, an office file's) is at "
                       ".../versions/{id}/thumbnail"})


class FirstFileSchema(Schema):
    version_id = ID()
    filename = fields.String()
    content_type = fields.String()
    has_thumbnail = fields.Boolean()


class DocumentFileSchema(Schema):
    id = ID()
    name = fields.String()
    created_at = fields.String()
    versions = fields.List(fields.Nested(FileVersionSchema))


class StatusChangeSchema(Schema):
    from_status = fields.String(allow_none=True)
    to_status = fields.String()
    changed_by = ID(allow_none=True)
    reason = fields.String(allow_none=True)
    changed_at = fields.String()


class NewDocumentSchema(Schema):
    type_id = ID(required=True)
    title = fields.String(required=True)
    counterparty_id = ID(allow_none=True)
    legal_entity_id = ID(allow_none=True)
    document_date = Date(allow_none=True)
    signing_date = Date(allow_none=True)
    amount = Money(allow_none=True)
    currency = fields.String(allow_none=True)
    valid_from = Date(allow_none=True)
    valid_to = Date(allow_none=True)
    responsible_id = ID(allow_none=True)
    parent_id = ID(allow_none=True)
    register = fields.Boolean(metadata={"description": "register in the type's journal now (default true)"})
    department_id = ID(allow_none=True)
    extra = fields.Dict(keys=fields.String(), metadata={"description": "values of the type's extra fields by code"})


class DocumentSchema(NewDocumentSchema):
    id = ID()
    version = Version()
    type = fields.Nested(DocumentTypeSchema)
    number = fields.String(allow_none=True)
    registered_at = fields.String(allow_none=True)
    registrar_id = ID(allow_none=True)
    status = fields.String()
    created_by = ID()
    created_at = fields.String()
    updated_at = fields.String()
    file_count = fields.Integer()
    first_file = fields.Nested(FirstFileSchema, allow_none=True, metadata={
        "description": "in the registry's list: the current version of the document's first file (its "
                       "thumbnail, or its type for an icon); null without files"})
    extra_fields = fields.List(fields.Dict(), metadata={
        "description": "the card's extra fields with code, label, kind and value"})
    files = fields.List(fields.Nested(DocumentFileSchema))
    status_changes = fields.List(fields.Nested(StatusChangeSchema))


class DocumentTypeBriefSchema(Schema):
    id = ID()
    code = fields.String()
    name = fields.String()
    kind = fields.String()


class OverviewDocumentSchema(DocumentSchema):
    """A document as the unified view lists it: its type in brief (the whole type, with its
    fields and rules, at GET /document-types/{id})."""

    type = fields.Nested(DocumentTypeBriefSchema)


class DocumentQueryArgs(PageArgs):
    counterparty_id = ID()
    status = fields.String()
    search = fields.String()


class StatusChangeRequestSchema(Schema):
    status = fields.String(required=True)
    reason = fields.String(allow_none=True)


class UploadArgs(Schema):
    file_id = ID(metadata={"description": "add a new version to this file of the document"})
    filename = fields.String(validate=validate.Length(min=1, max=255), metadata={
        "description": "the file's name, when the request body is the file itself (application/octet-stream)"})


# approvals: in approval_schemas.py ----------------------------------------------------------

from .approval_schemas import (  # noqa: E402,F401  (re-exported)
    ApprovalQueryArgs, ApprovalSchema, DecisionSchema, MyTaskSchema, RouteRequestSchema, RouteSchema,
    RouteVersionSchema, StageRequestSchema, StageSchema, StartApprovalSchema, TaskQueryArgs, TaskSchema,
    WithdrawSchema,
)


# notifications -----------------------------------------------------------------------------

class NotificationSchema(Schema):
    id = ID()
    recipient_id = ID()
    kind = fields.String()
    title = fields.String()
    body = fields.String()
    link = fields.String(allow_none=True)
    subject_type = fields.String(allow_none=True)
    subject_id = ID(allow_none=True)
    counterparty_id = ID(allow_none=True)
    data = fields.Dict(metadata={"description": "the facts the notification is about, for wording it"})
    created_at = fields.String()
    read_at = fields.String(allow_none=True)


class NotificationPageSchema(page_of(NotificationSchema, "NotificationPage")):
    unread = fields.Integer()


class NotificationQueryArgs(PageArgs):
    unread_only = fields.Boolean()
    kind = fields.String()


# the unified view ----------------------------------------------------------------------------

class UnavailablePartSchema(Schema):
    part = fields.String()
    service = fields.String()
    reason = fields.String()


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
    paper_copies = fields.Nested(lambda: _paper_copy_page()(), allow_none=True, metadata={
        "description": "paper originals and copies of the counterparty's documents: where, who holds them"})
    contract_trees = fields.List(fields.Nested(lambda: DocumentTreeNodeSchema()), metadata={
        "description": "the documents as trees of their ids: a contract with its annexes, acts, invoices... "
                       "nested, oldest first (each document is in `documents` once)"})
    completeness = fields.Dict(keys=fields.String(), values=fields.Nested(lambda: _completeness_schema()()),
                               metadata={"description": "contract id -> its required accounting documents "
                                                        "and which are missing"})
    execution = fields.Dict(keys=fields.String(), values=fields.Nested(lambda: _execution_summary_schema()()),
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


@functools.cache
def _paper_copy_page():
    from .document_schemas import PaperCopySchema
    return page_of(PaperCopySchema, "OverviewPaperCopyPage")


def _completeness_schema():
    from .document_schemas import CompletenessSchema
    return CompletenessSchema


def _execution_summary_schema():
    from .execution_schemas import ExecutionSummarySchema
    return ExecutionSummarySchema


# contact persons and activities ------------------------------------------------------------

class ContactPersonSchema(Schema):
    id = ID(dump_only=True)
    version = Version()
    counterparty_id = ID(dump_only=True)
    full_name = fields.String(required=True)
    position = fields.String(allow_none=True)
    phones = fields.List(fields.String())
    emails = fields.List(fields.String())
    birthday = Date(allow_none=True)
    notes = fields.String(allow_none=True)
    messengers = fields.List(fields.Dict(), metadata={"description": "[{kind, handle}]"})
    important_dates = fields.List(fields.Dict(), metadata={
        "description": "[{id, kind: birthday|anniversary|other, label, date, remind, remind_days_before}]: "
                       "send the ids back to keep them; `remind_yearly` is the former name of `remind`"})
    consent_to_mailings = fields.Boolean(dump_only=True, metadata={
        "description": "changes only through POST /contact-persons/{id}/consent"})
    consent_given_at = fields.String(dump_only=True, allow_none=True)
    consent_method = fields.String(dump_only=True, allow_none=True)
    consent_withdrawn_at = fields.String(dump_only=True, allow_none=True)
    anonymised_at = fields.String(dump_only=True, allow_none=True)
    created_at = fields.String(dump_only=True)
    updated_at = fields.String(dump_only=True)


class ContactPersonChangesSchema(ContactPersonSchema):
    full_name = fields.String()


class ActivitySchema(Schema):
    id = ID(dump_only=True)
    counterparty_id = ID(required=True)
    contact_person_id = ID(allow_none=True)
    kind = fields.String(required=True, validate=validate.OneOf(
        ("call", "meeting", "email", "fax", "letter", "task")))
    subject = fields.String(required=True)
    description = fields.String(allow_none=True)
    phone_or_place = fields.String(allow_none=True)
    planned_at = AwareDateTime(required=True)
    duration_minutes = fields.Integer(allow_none=True)
    responsible_id = ID(allow_none=True)
    scheduled_by = ID(dump_only=True)
    status = fields.String(dump_only=True)
    result = fields.String(dump_only=True, allow_none=True)
    next_step = fields.String(dump_only=True, allow_none=True)
    completed_at = fields.String(dump_only=True, allow_none=True)
    follow_up_of = ID(dump_only=True, allow_none=True)
    created_at = fields.String(dump_only=True)
    updated_at = fields.String(dump_only=True, allow_none=True)


class ActivityQueryArgs(PageArgs, SyncFields):
    counterparty_id = ID()
    responsible_id = ID()
    status = fields.String(validate=validate.OneOf(("planned", "done", "cancelled", "missed")))
    planned_from = AwareDateTime()
    planned_to = AwareDateTime()


class FollowUpSchema(Schema):
    kind = fields.String()
    subject = fields.String(required=True)
    description = fields.String(allow_none=True)
    planned_at = AwareDateTime(required=True)


class CompletionSchema(Schema):
    status = fields.String(validate=validate.OneOf(("done", "cancelled", "missed")))
    result = fields.String(required=True)
    next_step = fields.String(allow_none=True)
    follow_up = fields.Nested(FollowUpSchema, allow_none=True)


class RescheduleSchema(Schema):
    planned_at = AwareDateTime(required=True)
    duration_minutes = fields.Integer(allow_none=True)
    reason = fields.String(allow_none=True, validate=validate.Length(max=1000))


class CancellationSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=5000))


class CompletedActivitySchema(Schema):
    activity = fields.Nested(ActivitySchema)
    follow_up = fields.Nested(ActivitySchema, allow_none=True)


class AgendaArgs(Schema):
    date = Date(metadata={"description": "the day (default: today in `tz`)"})
    tz = fields.String(load_default="UTC", metadata={"description": "IANA time zone, e.g. Europe/Moscow"})


class AgendaActivitySchema(ActivitySchema):
    on_behalf_of = ID(allow_none=True, metadata={
        "description": "the colleague away today whose activity this is, when I am their deputy"})


class AgendaSchema(Schema):
    date = fields.String()
    time_zone = fields.String()
    today = fields.Dict(keys=fields.String(), values=fields.List(fields.Nested(AgendaActivitySchema)),
                        metadata={"description": "the day's planned activities grouped by kind"})
    overdue = fields.List(fields.Nested(AgendaActivitySchema))


PlannedActivityPage = page_of(ActivitySchema, "PlannedActivityPage")


class CalendarArgs(Schema):
    date_from = Date(required=True, data_key="from", metadata={"description": "first day"})
    date_to = Date(required=True, data_key="to", metadata={"description": "last day (inclusive); at most 62 days"})
    employee_id = ID(metadata={"description": "an employee I may see (default: me and whom I deputise for)"})
    team = fields.Boolean(load_default=False, metadata={
        "description": "everyone in my departments (department heads, directors, administrators)"})
    status = fields.String(validate=validate.OneOf(("planned", "done", "cancelled", "missed")))
    tz = fields.String(load_default="UTC", metadata={"description": "IANA time zone the days are in"})


class CalendarSchema(Schema):
    date_from = fields.String(data_key="from")
    date_to = fields.String(data_key="to")
    time_zone = fields.String()
    employee_ids = fields.List(ID())
    items = fields.List(fields.Nested(AgendaActivitySchema), metadata={"description": "in planned order"})
    total = fields.Integer()
    truncated = fields.Boolean(metadata={"description": "more than 5,000 activities: only the first are listed"})
    next = Next()


# access, audit, personal data --------------------------------------------------------------

RECORD_TYPES = ("counterparty", "contact_person", "activity", "document", "approval", "notification",
                "employee", "department", "absence", "api_token", "legal_entity", "role_permission",
                "position", "reference_value", "saved_filter", "sign_in_provider", "sign_in_policy",
                "ldap_directory")


class ExplainArgs(Schema):
    employee_id = ID(required=True)
    record_type = fields.String(required=True, validate=validate.OneOf(RECORD_TYPES[:6]))
    record_id = ID(required=True)


class ExplanationSchema(Schema):
    employee_id = ID()
    record_type = fields.String()
    record_id = ID()
    visible = fields.Boolean()
    reasons = fields.List(fields.String())


class AuditArgs(PageArgs):
    record_type = fields.String(validate=validate.OneOf(RECORD_TYPES))
    record_id = ID()
    actor_id = ID()
    action = fields.String()
    since = AwareDateTime()
    until = AwareDateTime()


class AuditEntrySchema(Schema):
    id = fields.Integer()
    service = fields.String()
    occurred_at = fields.String()
    actor_id = ID(allow_none=True)
    on_behalf_of = ID(allow_none=True)
    action = fields.String()
    record_type = fields.String()
    record_id = ID()
    changes = fields.Dict()
    hash = fields.String(allow_none=True, metadata={
        "description": "the row's link in the hash chain; null for a read of personal data, which the "
                       "chain covers in batches by a `sealed` row (docs/permissions.md, \"Audit\")"})


class AuditPageSchema(Schema):
    items = fields.List(fields.Nested(AuditEntrySchema))
    total = fields.Integer()
    unavailable = fields.List(fields.Nested(UnavailablePartSchema))
    next = Next()


class ConsentSchema(Schema):
    given = fields.Boolean(required=True)
    method = fields.String(allow_none=True, metadata={"description": "how: signed form, e-mail, verbal..."})


class MoveSchema(Schema):
    counterparty_id = ID(required=True, metadata={"description": "the counterparty the person moves to"})


class ErasureSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))


# reference books, characteristics of counterparties, saved filters ---------------------------

REFERENCE_KINDS = ("activity_type", "region", "group", "category", "advertising_source")
CHARACTERISTICS = tuple(f"{kind}_id" for kind in REFERENCE_KINDS)
COUNTERPARTY_SORTS = ("name", "-name", "created_at", "-created_at", "updated_at", "-updated_at")


class CounterpartyCardSchema(CounterpartySchema):
    """A counterparty with its characteristics (ids of values of the reference books) and
    its additional responsible employees."""

    additional_responsible_ids = fields.List(ID(), metadata={
        "description": "additional responsible employees: they and their departments see it too"})
    allow_duplicate = fields.Boolean(load_only=True, metadata={
        "description": "on creation: create it although another counterparty has the same tax id (without "
                       "it that is refused with 409 naming the existing one)"})
    activity_type_id = ID(allow_none=True)
    region_id = ID(allow_none=True)
    group_id = ID(allow_none=True)
    category_id = ID(allow_none=True)
    advertising_source_id = ID(allow_none=True)
    merged_into_id = ID(dump_only=True, allow_none=True, metadata={
        "description": "set on a counterparty merged into another (a tombstone)"})
    merged_at = fields.String(dump_only=True, allow_none=True)
    negotiation_stage = fields.Nested(lambda: NegotiationStageRefSchema(), dump_only=True, allow_none=True, metadata={
        "description": "the current negotiation stage: that of the latest note of the negotiation log"})


class CounterpartyCardChangesSchema(CounterpartyCardSchema):
    """Some of a counterparty's fields, characteristics included."""

    name = fields.String()


class CounterpartySearchArgs(CounterpartyQueryArgs):
    search = fields.String(metadata={"description": "words of the name, short name, e-mail, main contact or a "
                                                    "contact person's name; part of the tax id; phone digits"})
    sort = fields.String(validate=validate.OneOf(COUNTERPARTY_SORTS))
    activity_type_id = fields.List(ID(), metadata={"description": "any of these values (repeat the parameter)"})
    region_id = fields.List(ID())
    group_id = fields.List(ID())
    category_id = fields.List(ID())
    advertising_source_id = fields.List(ID())


class ReferenceValueSchema(Schema):
    id = ID(dump_only=True)
    version = Version()
    kind = fields.String(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    is_archived = fields.Boolean(metadata={"description": "kept on counterparties, offered for no new choice"})
    code = fields.String(allow_none=True, metadata={
        "description": "a stable name for programs (negotiation stages: events carry it)"})
    position = fields.Integer(allow_none=True, metadata={
        "description": "order in an ordered book (negotiation stages); default: last"})
    counterparty_count = fields.Integer(dump_only=True, metadata={
        "description": "how many counterparties have this value (negotiation stages: how many notes)"})
    created_at = fields.String(dump_only=True)


class ReferenceValueChangesSchema(ReferenceValueSchema):
    name = fields.String(validate=validate.Length(min=1, max=200))


class ReferenceListArgs(Schema):
    include_archived = fields.Boolean(load_default=True)


class MergeRequestSchema(Schema):
    into_id = ID(required=True, metadata={"description": "the value of the same book that stays"})


class SavedQuerySchema(Schema):
    """A directory search as a saved filter keeps it: filters and sorting, no paging."""

    search = fields.String(allow_none=True)
    responsible_employee_id = ID(allow_none=True)
    status = fields.String(allow_none=True, validate=validate.OneOf(("active", "archived")))
    sort = fields.String(validate=validate.OneOf(COUNTERPARTY_SORTS))
    activity_type_id = fields.List(ID(), allow_none=True)
    region_id = fields.List(ID(), allow_none=True)
    group_id = fields.List(ID(), allow_none=True)
    category_id = fields.List(ID(), allow_none=True)
    advertising_source_id = fields.List(ID(), allow_none=True)


class SavedFilterSchema(Schema):
    id = ID(dump_only=True)
    owner_id = ID(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    query = fields.Nested(SavedQuerySchema, required=True)
    created_at = fields.String(dump_only=True)


class HandoverRequestSchema(Schema):
    counterparty_ids = fields.List(ID(), required=True, validate=validate.Length(min=1, max=1000))
    from_employee_id = ID(required=True)
    to_employee_id = ID(required=True)
    include_open_activities = fields.Boolean(load_default=True, metadata={
        "description": "planned activities of these counterparties whose responsible is `from` move too"})
    reason = fields.String(allow_none=True, validate=validate.Length(max=1000),
                           metadata={"description": "vacation, reassignment, dismissal...: kept in the history"})


class HandoverResultSchema(Schema):
    counterparty_ids = fields.List(ID())
    from_employee_id = ID()
    to_employee_id = ID()
    activities_moved = fields.Integer()


# merging counterparties, the negotiation log --------------------------------------------------

class CounterpartyMergeRequestSchema(Schema):
    merged_id = ID(required=True, metadata={"description": "the counterparty that disappears into this one"})
    choices = fields.Dict(
        keys=fields.String(), values=fields.String(validate=validate.OneOf(("survivor", "merged"))),
        data_key="fields", metadata={"description": "card field -> survivor|merged: whose value stays (default: the "
                                                    "survivor's, the merged one's where the survivor has none; notes "
                                                    "are joined)"})


class MergeMovedSchema(Schema):
    contact_persons = fields.Integer()
    activities = fields.Integer()
    history_entries = fields.Integer()
    negotiation_notes = fields.Integer()


class CounterpartyMergeResultSchema(Schema):
    counterparty = fields.Nested(CounterpartyCardSchema)
    moved = fields.Nested(MergeMovedSchema, metadata={"description": "how many records moved to the survivor"})


class NegotiationStageRefSchema(Schema):
    id = ID()
    code = fields.String(allow_none=True)
    name = fields.String()
    position = fields.Integer()


class NegotiationDealSchema(Schema):
    """The deal a negotiation aims at; a field left out stays as it is, null clears it."""

    expected_amount = Money(allow_none=True, metadata={
        "description": "the deal's expected amount: above 0, below 10^16; goes with `currency`"})
    currency = fields.String(allow_none=True, metadata={
        "description": "the expected amount's currency, ISO 4217 (three capital letters: RUB, USD, EUR...)"})
    expected_close_on = Date(allow_none=True, metadata={"description": "when the deal is expected to close"})


class NegotiationSchema(NegotiationDealSchema):
    """A counterparty's negotiation: its current stage since when, and the expected deal."""

    current_stage = fields.Nested(NegotiationStageRefSchema, dump_only=True, allow_none=True)
    stage_since = AwareDateTime(dump_only=True, allow_none=True, metadata={
        "description": "when the counterparty entered its current stage (the note that moved it there)"})
    updated_by = ID(dump_only=True, allow_none=True, metadata={"description": "who last set the deal"})
    updated_at = AwareDateTime(dump_only=True, allow_none=True)


class NegotiationNoteSchema(NegotiationDealSchema):
    """A note of the negotiation log; the deal's fields, when sent, set the expected deal with it."""

    id = ID(dump_only=True)
    counterparty_id = ID(dump_only=True)
    stage_id = ID(required=True, metadata={"description": "a value of the negotiation_stage reference book"})
    stage = fields.Nested(NegotiationStageRefSchema, dump_only=True)
    text = fields.String(required=True, validate=validate.Length(min=1, max=20000))
    decided = fields.String(allow_none=True, metadata={"description": "what was agreed"})
    client_priorities = fields.String(allow_none=True, metadata={"description": "what matters to the client"})
    author_id = ID(dump_only=True)
    noted_at = fields.String(dump_only=True)


class NegotiationNotesSchema(Schema):
    items = fields.List(fields.Nested(NegotiationNoteSchema), metadata={"description": "newest first"})
    total = fields.Integer()
    current_stage = fields.Nested(NegotiationStageRefSchema, allow_none=True)
    negotiation = fields.Nested(NegotiationSchema, metadata={
        "description": "the current stage's start and the expected deal"})
    next = Next()


class RegistrationChoicesArgs(Schema):
    search = fields.String(validate=validate.Length(max=200),
                           metadata={"description": "part of the name, short name or tax id"})
    limit = fields.Integer(validate=validate.Range(min=1, max=50), metadata={"description": "at most (8)"})


class RegistrationChoiceSchema(Schema):
    id = ID(dump_only=True)
    name = fields.String(dump_only=True)
    short_name = fields.String(dump_only=True, allow_none=True)
    tax_id = fields.String(dump_only=True, allow_none=True)
    card_visible = fields.Boolean(dump_only=True, metadata={
        "description": "whether the caller may open the counterparty's card (its own rules)"})


class CalendarFeedSchema(Schema):
    """The caller's private calendar address (docs/ui.md, "Calendar subscription")."""

    active = fields.Boolean(metadata={"description": "whether there is an address"})
    created_at = fields.String(allow_none=True, metadata={"description": "when the current address was made"})
    last_used_at = fields.String(allow_none=True, metadata={
        "description": "when a calendar program last read it (to within 5 minutes)"})
    url = fields.String(metadata={
        "description": "only in the answer that makes it: the https address to subscribe to"})
    webcal_url = fields.String(metadata={"description": "only in the answer that makes it: the same as webcal://"})
