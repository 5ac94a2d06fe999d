"""The life cycle: which status may follow which, a step asked by an employee or by an
approval's event, and what a signed card may no longer change."""
import logging
from datetime import datetime, timezone

from chancery_common.audit import diff
from chancery_common.values import as_uuid

from . import events, execution
from .access import get_document
from .exceptions import Conflict
from .models import Document, StatusChange, audit_log

log = logging.getLogger(__name__)


# The life cycle: which status may follow which.
TRANSITIONS = {
    "draft": {"on_approval", "signed", "archived"},
    "on_approval": {"approved", "rejected", "draft"},
    "approved": {"signed", "on_approval", "draft", "archived"},
    "rejected": {"draft", "on_approval", "archived"},
    "signed": {"in_execution", "terminated", "archived"},
    "in_execution": {"completed", "terminated"},
    "completed": {"archived"},
    "terminated": {"archived"},
    "archived": set(),
}
# Once signed, a card and its files are fixed: change comes by annex or new version.
LOCKED_STATUSES = {"signed", "in_execution", "completed", "terminated", "archived"}


def change_status(session, *, document_id, to_status, actor, reason=None):
    """Move a document the actor sees along its life cycle, recording and announcing the step."""
    document = get_document(session, document_id=document_id, actor=actor)
    return _move(session, document=document, to_status=to_status, actor_id=actor.id, reason=reason)


def _move(session, *, document, to_status, actor_id, reason):
    """One step of the life cycle, whoever asks for it (an employee or an approval's event)."""
    from_status = document.status
    if to_status not in TRANSITIONS[from_status]:
        raise Conflict(f"a document in status {from_status} cannot become {to_status}",
                       {"status": [f"not allowed from {from_status}"]})
    document.status = to_status
    session.add(StatusChange(document_id=document.id, from_status=from_status, to_status=to_status,
                             changed_by=actor_id, reason=reason))
    session.flush()
    audit_log.record(session, actor_id=actor_id, action="status_changed", record_type="document",
                     record_id=document.id, changes=diff({"status": from_status}, {"status": to_status},
                                                         ["status"]))
    events.catalog.record(session, events.DOCUMENT_STATUS_CHANGED, {
        **events.document_ref(document), "from_status": from_status, "to_status": to_status,
        "changed_by": actor_id, "reason": reason,
    })
    if to_status == "signed":
        events.catalog.record(session, events.DOCUMENT_SIGNED, {
            **events.document_ref(document), "signed_at": datetime.now(timezone.utc), "signed_by": actor_id})
    if to_status in ("signed", "terminated") and document.type.kind == "completion_act":
        execution.on_act_status(session, document, actor_id)
    return document


def apply_approval_outcome(session, *, document_id, to_status, actor_id, reason, occurred_at=None):
    """Follow an approval's event; a step the life cycle forbids is logged, not applied.

    The approvals service's events travel on separate queues, so they may arrive out of
    order: an event older than the last one applied to the document is ignored, and an
    outcome that finds the document still in draft first records that it went on approval.
    """
    document = session.get(Document, as_uuid(document_id), with_for_update={"of": Document})
    if document is None:
        log.warning("approval outcome for unknown document %s not applied", document_id)
        return None
    if occurred_at is not None:
        if document.approval_event_at is not None and occurred_at <= document.approval_event_at:
            log.info("stale approval event for document %s ignored (%s)", document_id, to_status)
            return None
        document.approval_event_at = occurred_at
    if document.status == to_status:
        return document
    try:
        if to_status in ("approved", "rejected") and document.status == "draft":
            _move(session, document=document, to_status="on_approval", actor_id=as_uuid(actor_id),
                  reason="approval started")
        return _move(session, document=document, to_status=to_status, actor_id=as_uuid(actor_id),
                     reason=reason)
    except Conflict as exc:
        log.warning("approval outcome for document %s not applied: %s", document_id, exc)
        return None
