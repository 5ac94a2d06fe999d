"""The jobs service's RPC contract."""
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

KINDS = ("counterparties_export", "contact_persons_export", "documents_export", "counterparties_import",
         "employees_import", "personal_data_export")
STATES = ("queued", "running", "done", "failed", "cancelled")


def time_zone_name(value):
    if value is None:
        return
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"{value!r} is not a known time zone (an IANA name such as Europe/Moscow).") from None
LANGUAGES = ("en", "ru")


class ExportParamsSchema(Schema):
    query = fields.Dict(load_default=dict, metadata={
        "description": "the list's filters, as its owning service takes them"})
    format = fields.String(load_default=None, validate=validate.OneOf(("csv", "xlsx")))


class ImportRowSchema(Schema):
    row = fields.Integer(required=True)
    values = fields.Dict(keys=fields.String(), values=fields.String(allow_none=True), required=True)


class ImportParamsSchema(Schema):
    columns = fields.List(fields.String(), load_default=None, metadata={
        "description": "the file's headers in order, passed on to the import when given"})
    rows = fields.List(fields.Nested(ImportRowSchema), required=True, validate=validate.Length(min=1, max=10_000))
    file = fields.Dict(load_default=None, metadata={"description": "how the gateway read the file, for the report"})
    mode = fields.String(load_default="skip", validate=validate.OneOf(("skip", "update", "create")))
    dry_run = fields.Boolean(load_default=False)
    allow_partial = fields.Boolean(load_default=False)
    filename = fields.String(load_default=None, validate=validate.Length(max=300))


class EmployeesImportParamsSchema(Schema):
    columns = fields.List(fields.String(), load_default=None, metadata={"description": "the file's headers in order"})
    rows = fields.List(fields.Nested(ImportRowSchema), required=True, validate=validate.Length(min=1, max=10_000))
    file = fields.Dict(load_default=None, metadata={"description": "how the gateway read the file, for the report"})
    dry_run = fields.Boolean(load_default=False)
    filename = fields.String(load_default=None, validate=validate.Length(max=300))


class PersonalDataParamsSchema(Schema):
    contact_person_id = fields.UUID(required=True)


PARAMS = {"counterparties_export": ExportParamsSchema, "contact_persons_export": ExportParamsSchema,
          "documents_export": ExportParamsSchema, "counterparties_import": ImportParamsSchema,
          "employees_import": EmployeesImportParamsSchema, "personal_data_export": PersonalDataParamsSchema}


class NewJobSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    params = fields.Dict(load_default=dict)
    language = fields.String(load_default="en", validate=validate.OneOf(LANGUAGES))
    time_zone = fields.String(load_default=None, allow_none=True, validate=time_zone_name, metadata={
        "description": "the requester's IANA time zone: an export's times are written in it (none: UTC)"})

    @validates_schema
    def known_kind(self, data, **kwargs):
        if data.get("kind") in PARAMS:
            errors = PARAMS[data["kind"]]().validate(data.get("params") or {})
            if errors:
                raise ValidationError({"params": errors})


class JobQuerySchema(Schema):
    everyone = fields.Boolean(load_default=False, metadata={"description": "administrators: every employee's jobs"})
    state = fields.List(fields.String(validate=validate.OneOf(STATES)), load_default=None)
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    # SQL OFFSET is a 64-bit integer: beyond that the database, not this schema, would refuse it
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=2**31 - 1))


class JobSchema(Schema):
    id = fields.UUID()
    kind = fields.String()
    state = fields.String()
    language = fields.String()
    time_zone = fields.String(allow_none=True)
    created_by = fields.UUID()
    created_at = fields.AwareDateTime()
    started_at = fields.AwareDateTime(allow_none=True)
    finished_at = fields.AwareDateTime(allow_none=True)
    progress_done = fields.Integer()
    progress_total = fields.Integer(allow_none=True)
    cancel_requested = fields.Boolean()
    attempts = fields.Integer()
    has_result_file = fields.Method("_has_file")
    result_filename = fields.String(allow_none=True)
    result_content_type = fields.String(allow_none=True)
    result_size = fields.Integer(allow_none=True)
    expires_at = fields.AwareDateTime(allow_none=True)
    result_expired = fields.Boolean()
    report = fields.Dict(allow_none=True)
    error = fields.String(allow_none=True)
    params = fields.Method("_params")

    def _has_file(self, job):
        return job.result_key is not None

    def _params(self, job):
        """What the job was asked to do, without an import's rows (its report names them)."""
        return {key: value for key, value in (job.params or {}).items() if key not in ("rows", "columns", "file")}


class JobSummarySchema(JobSchema):
    class Meta:
        exclude = ("report",)
