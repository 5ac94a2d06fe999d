"""Who sees which documents (docs/permissions.md), as an SQL condition and as reasons, who
takes part in their approvals, and what the audit log and personal-data requests read (the
rules chancery_common.record_entrypoints asks of a service as ``records``).

Every read and write of a document filters by ``visible_to``, so a document the actor may
not see does not exist for them: lists and totals leave it out and a direct id is NotFound.
"""
import logging
from datetime import datetime, timezone

from sqlalchemy import false, or_, select, true
from sqlalchemy.dialects.postgresql import insert

from chancery_common.values import as_uuid

from . import configuration
from .exceptions import NotFound, PermissionDenied
from .models import Document, DocumentParticipant, DocumentType, Journal, Registration, audit_log

log = logging.getLogger(__name__)


# Roles that see every document (docs/permissions.md).
OVERSEEING_ROLES = ("administrator", "director")
# Why someone takes part in a document's approvals, as the participants table says it.
INITIATOR, APPROVER = "approval initiator", "approver"


def visible_to(actor):
    """The SQL condition on documents that selects those the actor may see."""
    if actor.has_role(*OVERSEEING_ROLES):
        return true()
    granted_by_type = Document.type_id.in_(
        select(DocumentType.id).where(DocumentType.visible_to_roles.overlap(list(actor.roles)))
    ) if actor.roles else false()
    # a department head sees the documents of the departments they head (and all inside them)
    headed = Document.department_id.in_(actor.visible_department_ids) if (
        actor.has_role("department_head") and actor.visible_department_ids) else false()
    return or_(
        headed,
        Document.responsible_id == actor.id,
        Document.registrar_id == actor.id,
        Document.created_by == actor.id,
        Document.id.in_(select(DocumentParticipant.document_id)
                        .where(DocumentParticipant.employee_id == actor.id)),
        granted_by_type,
    )


def visible_ids(session, *, ids, actor):
    """Those of ``ids`` naming documents the actor may see (asked by services that show what
    they learned from documents: chancery_common.visibility)."""
    if not ids:
        return []
    return session.scalars(select(Document.id).where(Document.id.in_(ids), visible_to(actor))).all()


def get_document(session, *, document_id, actor):
    """The document, or NotFound when it does not exist or the actor may not see it."""
    document = session.scalars(
        select(Document).where(Document.id == document_id, visible_to(actor))).first()
    if document is None:
        raise NotFound(f"document {document_id} not found")
    return document


def explain_access(session, *, asked_by, actor, record_id):
    """Whether the actor sees the document, and every rule that decides it, as sentences."""
    ensure_may_explain(asked_by)
    document = session.get(Document, record_id)
    if document is None:
        raise NotFound(f"document {record_id} not found")
    reasons = [f"They are {_a(role)}, and {role}s see every document."
               for role in OVERSEEING_ROLES if actor.has_role(role)]
    if document.responsible_id == actor.id:
        reasons.append("They are the document's responsible person.")
    if document.registrar_id == actor.id:
        reasons.append("They registered the document.")
    if document.created_by == actor.id:
        reasons.append("They created the document.")
    if (actor.has_role("department_head") and document.department_id is not None
            and document.department_id in set(actor.visible_department_ids)):
        reasons.append(f"They head department {document.department_id}, which the document belongs to.")
    taking_part = set(session.scalars(select(DocumentParticipant.reason).where(
        DocumentParticipant.document_id == document.id, DocumentParticipant.employee_id == actor.id)))
    if INITIATOR in taking_part:
        reasons.append("They initiated an approval of the document.")
    if APPROVER in taking_part:
        reasons.append("They are an approver of the document.")
    doc_type = document.type
    reasons += [f"The document type {doc_type.name} is open to the role {role}, which they have."
                for role in doc_type.visible_to_roles if actor.has_role(role)]
    if reasons:
        return {"visible": True, "reasons": reasons}
    by_type = (f"the document type {doc_type.name} is open only to the roles "
               f"{', '.join(doc_type.visible_to_roles)}, none of which they have"
               if doc_type.visible_to_roles else f"the document type {doc_type.name} is open to no role")
    return {"visible": False, "reasons": [
        "None of the rules applies: they are neither an administrator nor a director, not the "
        "document's responsible person, registrar or creator, take no part in its approvals, "
        f"and {by_type}."]}


def ensure_may_explain(actor):
    """PermissionDenied unless the actor is an administrator: only they ask why others see what."""
    if not actor.has_role("administrator"):
        raise PermissionDenied("only administrators may ask why an employee sees a record")


def _a(role):
    return f"{'an' if role[0] in 'aeiou' else 'a'} {role}"


def visible_for_update(session, *, document_id, actor):
    document = session.scalars(
        select(Document).where(Document.id == document_id, visible_to(actor))
        .with_for_update(of=Document)).first()
    if document is None:
        raise NotFound(f"document {document_id} not found")
    return document


def add_participants(session, *, document_id, initiator_id, approver_ids, with_initiator=True):
    """Record who takes part in an approval of the document: from now on they see it."""
    document_id = as_uuid(document_id)
    if session.get(Document, document_id) is None:
        log.warning("participants of unknown document %s not recorded", document_id)
        return []
    wanted = [{"employee_id": as_uuid(initiator_id), "reason": INITIATOR}] * bool(with_initiator) + [
        {"employee_id": approver_id, "reason": APPROVER}
        for approver_id in dict.fromkeys(as_uuid(a) for a in approver_ids)]
    added = session.execute(
        insert(DocumentParticipant)
        .values([{**row, "document_id": document_id, "added_at": datetime.now(timezone.utc)} for row in wanted])
        .on_conflict_do_nothing()
        .returning(DocumentParticipant.employee_id, DocumentParticipant.reason)
    ).all()
    added = [{"employee_id": employee_id, "reason": reason} for employee_id, reason in added]
    if added:
        audit_log.record(session, actor_id=as_uuid(initiator_id), action="participants_added",
                         record_type="document", record_id=document_id, changes={"participants": added})
    return added


# The audit log and personal data.

def audit_entries(session, *, actor, **query):
    """Audit rows newest first: of a record the actor sees, or of the whole log with view_audit."""
    checks = {"document": lambda record_id: get_document(session, document_id=record_id, actor=actor),
              "document_type": lambda record_id: configuration.get_type(session, record_id),
              "journal": lambda record_id: _journal(session, record_id),
              "registration": lambda record_id: _registration_for_registrar(session, record_id, actor)}
    return audit_log.readable(session, actor=actor, checks=checks, **query)


def _journal(session, journal_id):
    if session.get(Journal, journal_id) is None:
        raise NotFound(f"journal {journal_id} not found")


def _registration_for_registrar(session, registration_id, actor):
    """A journal's number: registrars see them all (the documents holding them are checked apart)."""
    if not actor.may("register_documents") or session.get(Registration, registration_id) is None:
        raise NotFound(f"registration {registration_id} not found")


def verify_audit(session, *, actor):
    """Whether the audit chain is whole, and the first row that breaks it."""
    return audit_log.verified(session, actor=actor)


def process_erasure(session, *, event):
    """A contact person was erased: documents hold none of their data, so only trace it."""
    audit_log.erasure_processed(session, event=event)


def export_personal_data(session, *, actor, contact_person_id):
    """What this service holds about a contact person: no records, and the audit rows about them."""
    return {"service": "documents", "records": [],
            "audit_entries": audit_log.about_contact_person(session, contact_person_id)}
