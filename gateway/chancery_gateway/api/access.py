"""Why an employee can (or cannot) see a record, and the audit logs of every service.

The endpoints are thin over plain functions that the web pages call too, so the
administration pages and the API cannot disagree.
"""
from flask import g
from .blueprint import Blueprint


from ..compose.access import audit_entries, explain_access, verify_chains
from ..payload import jsonable
from .paging import listing
from .schemas.access import AuditArgs, AuditPageSchema, ExplainArgs, ExplanationSchema

blp = Blueprint("access", __name__, url_prefix="/api/v1",
                description="Access explanations (administrators) and the audit logs.")

@blp.route("/access/explain")
@blp.arguments(ExplainArgs, location="query")
@blp.response(200, ExplanationSchema)
def explain(args):
    """Whether an employee sees a record, and by which rule (administrators)."""
    return explain_access(g.actor, str(args["employee_id"]), args["record_type"], str(args["record_id"]))


@blp.route("/audit/")
@blp.arguments(AuditArgs, location="query")
@blp.response(200, AuditPageSchema)
@listing
def audit(args):
    """Audit entries, newest first: of one record (whoever sees it), or searched across every
    service (`view_audit`); a service that does not answer is listed in `unavailable`."""
    return audit_entries(g.actor, jsonable(args))


@blp.route("/audit/verify")
@blp.response(200)
def verify():
    """Check every service's audit chain: {service: {intact, first_bad_id}} (`view_audit`)."""
    results = verify_chains(g.actor)
    for result in results.values():
        if isinstance(result, Exception):
            raise result
    return results
