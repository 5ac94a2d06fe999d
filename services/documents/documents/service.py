"""The documents service's entrypoints: validate input, call logic, dump output."""
import logging

from nameko.dependency_providers import Config
from nameko.events import event_handler
from nameko.timer import timer

from chancery_common import event_log
from chancery_common import sync, visibility
from chancery_common.actor import load_actor
from chancery_common.consumer import handle_once
from chancery_common.database import Database, reads_only
from chancery_common.dumping import compiled
from chancery_common.errors import InvalidInput, load, parse_uuid
from chancery_common.observability import Observability
from chancery_common.outbox import OutboxRelay
from chancery_common import record_entrypoints
from chancery_common.rpc import rpc
from chancery_common.versions import load_version

from . import (
    access, configuration, execution, file_texts, files, life_cycle, links, logic, overview, paper_copies,
    registration, schemas, search
)
from .models import outbox, processed_events
from .storage import ObjectStorage

log = logging.getLogger(__name__)

document_schema = schemas.DocumentSchema()
summary_schema = schemas.DocumentSummarySchema()
summary_without_type = schemas.DocumentSummarySchema(exclude=("type",))
dump_summaries_without_type = compiled(summary_without_type)
version_schema = schemas.FileVersionSchema()
paper_copy_schema = schemas.PaperCopySchema()
completeness_schema = schemas.CompletenessSchema()
execution_schema = schemas.ExecutionSchema()
overdue_schema = schemas.ExecutionOverdueSchema()
# the unified view's part: at most this many documents, paper copies, contracts checked

# An approval's outcome and the status it gives the document.
APPROVAL_OUTCOME_STATUS = {"approved": "approved", "rejected": "rejected", "withdrawn": "draft"}
type_schema = schemas.DocumentTypeSchema()
journal_schema = schemas.JournalSchema()


def claimed_upload(attachment):
    """The uploader's size and checksums of the bytes it sent, or None (the object is re-read)."""
    if attachment.get("sha256") is None:
        return None
    return {"size": attachment["size"], "sha256": attachment["sha256"], "md5": attachment["md5"]}


class DocumentsService(record_entrypoints.RecordEntrypoints, event_log.EventLogEntrypoints):
    records, record_schemas = access, schemas  # the access, audit and personal-data entrypoints' rules
    name = "documents"

    db = Database()
    observability = Observability()
    relay = OutboxRelay(outbox)
    event_outbox = outbox  # its published-event log (event_log.EventLogEntrypoints)
    storage = ObjectStorage()
    config = Config()

    @rpc
    def ping(self):
        return "pong"

    @rpc
    def list_document_types(self, actor, query=None):
        load_actor(actor)
        params = load(schemas.TypesQuerySchema(), query or {})
        return type_schema.dump(logic.list_types(self.db, **params), many=True)

    @rpc
    def get_document_type(self, actor, type_id):
        load_actor(actor)
        return type_schema.dump(configuration.get_type(self.db, parse_uuid(type_id, "type_id")))

    @rpc
    def create_document_type(self, actor, document_type):
        """A new type (configure_document_types): kind, extra fields, children, journal, people."""
        actor = load_actor(actor)
        data = load(schemas.NewDocumentTypeSchema(), document_type)
        with self.db.begin():
            created = configuration.create_type(self.db, data=data, actor=actor)
        return type_schema.dump(created)

    @rpc
    def update_document_type(self, actor, type_id, changes, expected_version=None):
        """Change a type; documents made with it keep their cards (a dropped field is retired)."""
        actor = load_actor(actor)
        data = load(schemas.DocumentTypeChangesSchema(), changes)
        with self.db.begin():
            updated = configuration.update_type(self.db, type_id=parse_uuid(type_id, "type_id"), changes=data,
                                                actor=actor, expected_version=load_version(expected_version))
        return type_schema.dump(updated)

    @rpc
    def list_journals(self, actor):
        load_actor(actor)
        return journal_schema.dump(logic.list_journals(self.db), many=True)

    @rpc
    def create_journal(self, actor, journal):
        actor = load_actor(actor)
        data = load(schemas.NewJournalSchema(), journal)
        with self.db.begin():
            created = configuration.create_journal(self.db, data=data, actor=actor)
        return journal_schema.dump(created)

    @rpc
    def update_journal(self, actor, journal_id, changes, expected_version=None):
        actor = load_actor(actor)
        data = load(schemas.JournalChangesSchema(), changes)
        with self.db.begin():
            updated = configuration.update_journal(self.db, journal_id=parse_uuid(journal_id, "journal_id"),
                                                   changes=data, actor=actor,
                                                   expected_version=load_version(expected_version))
        return journal_schema.dump(updated)

    @rpc
    def completeness(self, actor, document_id):
        """The accounting documents the document's type requires: required, present, missing."""
        result = logic.completeness(self.db, document_id=parse_uuid(document_id, "document_id"),
                                    actor=load_actor(actor))
        return schemas.CompletenessSchema().dump(result)

    @rpc
    def completeness_of(self, actor, document_ids):
        """``completeness`` of several documents in one call: {document id: completeness}; those
        the actor does not see (or that do not exist) are absent."""
        if not isinstance(document_ids, list) or len(document_ids) > 500:
            raise InvalidInput("Invalid input: document_ids",
                               {"document_ids": ["A list of at most 500 document ids is expected."]})
        ids = [parse_uuid(document_id, "document_ids") for document_id in document_ids]
        found = logic.completeness_of(self.db, document_ids=ids, actor=load_actor(actor))
        return {str(document_id): completeness_schema.dump(result) for document_id, result in found.items()}

    @rpc
    def list_saved_filters(self, actor):
        filters = logic.list_saved_filters(self.db, actor=load_actor(actor))
        return schemas.SavedDocumentFilterSchema(many=True).dump(filters)

    @rpc
    def save_filter(self, actor, saved_filter):
        actor = load_actor(actor)
        data = load(schemas.SavedDocumentFilterSchema(), saved_filter)
        load(schemas.RegistryFilterSchema(), data["query"])
        with self.db.begin():
            saved = logic.save_filter(self.db, name=data["name"].strip(), query=data["query"], actor=actor)
        return schemas.SavedDocumentFilterSchema().dump(saved)

    @rpc
    def delete_saved_filter(self, actor, filter_id):
        actor = load_actor(actor)
        with self.db.begin():
            logic.delete_saved_filter(self.db, filter_id=parse_uuid(filter_id, "filter_id"), actor=actor)

    @rpc
    def create_document(self, actor, document):
        actor = load_actor(actor)
        data = load(schemas.NewDocumentSchema(), document)
        with self.db.begin():
            created = logic.create_document(self.db, data=data, actor=actor)
        return document_schema.dump(created)

    @rpc
    def update_document(self, actor, document_id, changes, expected_version=None):
        """Change some fields of an unsigned card (NotFound if invisible, Conflict once signed,
        PreconditionFailed when ``expected_version`` is not the card's)."""
        actor = load_actor(actor)
        data = load(schemas.DocumentChangesSchema(), changes)
        with self.db.begin():
            document = logic.update_document(
                self.db, document_id=parse_uuid(document_id, "document_id"), changes=data, actor=actor,
                expected_version=load_version(expected_version))
        return document_schema.dump(document)

    @rpc
    def get_document(self, actor, document_id):
        document = access.get_document(self.db, document_id=parse_uuid(document_id, "document_id"),
                                      actor=load_actor(actor))
        return document_schema.dump(document)

    @rpc
    @reads_only
    def visible_ids(self, actor, query):
        """``query``: {ids}: {ids} of those documents the actor may see (chancery_common.visibility)."""
        data = load(visibility.IdsSchema(), query)
        return visibility.answer(access.visible_ids(self.db, ids=data["ids"], actor=load_actor(actor)))

    @rpc
    @reads_only
    def overview_part(self, actor, counterparty_id):
        """This service's part of the unified counterparty view in one call: {documents (200,
        newest first, as list_documents), paper_copies (100, as paper_copies), completeness (of
        the first 30 contracts shown, as completeness_of), execution (of those contracts that keep
        milestones or payments, in brief), records_seen (which of the counterparty's documents the
        actor sees: chancery_common.visibility.records_seen)}."""
        return overview.part(self.db, actor=load_actor(actor),
                             counterparty_id=parse_uuid(counterparty_id, "counterparty_id"))

    @rpc
    def list_documents(self, actor, query=None):
        actor = load_actor(actor)
        params = load(schemas.DocumentQuerySchema(), query or {})
        highlight, with_first_file = params.pop("highlight"), params.pop("first_file")
        items, total = logic.list_documents(self.db, actor=actor, **params)
        summaries = dump_summaries(items)
        if with_first_file:  # what the registry shows beside each document: its first file's thumbnail or kind
            first = file_texts.first_files(self.db, [item.id for item in items])
            for item, summary in zip(items, summaries, strict=True):
                found = first.get(item.id)
                summary["first_file"] = found and {**found, "version_id": str(found["version_id"])}
        if highlight and params.get("search"):
            found = search.snippets(self.db, [item.id for item in items], params["search"])
            for item, summary in zip(items, summaries, strict=True):
                summary["highlighted_title"] = found.get(item.id, {}).get("title")
                summary["snippet"] = found.get(item.id, {}).get("snippet")
        return {"items": summaries, "total": total}

    @rpc
    @reads_only
    def sync_documents(self, actor, query):
        """Documents by change (``query``: sync.SyncQuerySchema): {items, next_after, resume}."""
        items, cursors = logic.documents_changed(self.db, actor=load_actor(actor),
                                                 **load(sync.SyncQuerySchema(), query))
        return sync.answer(dump_summaries(items), cursors)

    @rpc
    @reads_only
    def export_documents(self, actor, query=None):
        """A page of the filtered registry for an export (keyset-paged: ``after``) as
        {items, total (first page only), next_after}."""
        actor = load_actor(actor)
        params = load(schemas.DocumentExportQuerySchema(), query or {})
        items, total, cursor = logic.export_documents(self.db, actor=actor, **params)
        return {"items": dump_summaries(items), "total": total, "next_after": cursor}

    @rpc
    def add_link(self, actor, document_id, link):
        """Relate the document to another one the actor sees (``link``: document_id, note)."""
        actor = load_actor(actor)
        data = load(schemas.NewLinkSchema(), link)
        with self.db.begin():
            created = links.add_link(self.db, document_id=parse_uuid(document_id, "document_id"),
                                     other_id=data["document_id"], note=data["note"], actor=actor)
        return schemas.LinkSchema().dump(created)

    @rpc
    def remove_link(self, actor, document_id, other_id):
        actor = load_actor(actor)
        with self.db.begin():
            links.remove_link(self.db, document_id=parse_uuid(document_id, "document_id"),
                              other_id=parse_uuid(other_id, "other_id"), actor=actor)

    @rpc
    def document_tree(self, actor, document_id):
        """Parents up to the root, children recursively and related documents, all the actor sees."""
        tree = links.document_tree(self.db, document_id=parse_uuid(document_id, "document_id"),
                                   actor=load_actor(actor))
        return schemas.DocumentTreeSchema().dump(tree)

    @rpc
    def register_document(self, actor, document_id, request=None):
        """Register a card without a number (``request``: reserved_number, optional)."""
        actor = load_actor(actor)
        data = load(schemas.RegistrationRequestSchema(), request or {})
        with self.db.begin():
            document = registration.register_document(
                self.db, document_id=parse_uuid(document_id, "document_id"), actor=actor, **data)
        return document_schema.dump(document)

    @rpc
    def cancel_registration(self, actor, document_id, cancellation):
        """Take the document's number away (``cancellation``: reason); the number is never reused."""
        actor = load_actor(actor)
        data = load(schemas.CancelRegistrationSchema(), cancellation)
        with self.db.begin():
            document = registration.cancel_registration(
                self.db, document_id=parse_uuid(document_id, "document_id"), reason=data["reason"], actor=actor)
        return document_schema.dump(document)

    @rpc
    def reserve_number(self, actor, journal_id, reservation=None):
        """Reserve the journal's next number (``reservation``: year, note; both optional)."""
        actor = load_actor(actor)
        data = load(schemas.ReservationRequestSchema(), reservation or {})
        with self.db.begin():
            reserved = registration.reserve_number(self.db, journal_id=parse_uuid(journal_id, "journal_id"),
                                            actor=actor, **data)
        return schemas.RegistrationSchema().dump(reserved)

    @rpc
    def journal_numbers(self, actor, journal_id, query=None):
        """Every number of the journal in a year (default this one), in order, with its status."""
        actor = load_actor(actor)
        data = load(schemas.NumbersQuerySchema(), query or {})
        numbers = registration.journal_numbers(self.db, journal_id=parse_uuid(journal_id, "journal_id"),
                                        actor=actor, **data)
        return schemas.RegistrationSchema(many=True).dump(numbers)

    @rpc
    def change_status(self, actor, document_id, change):
        actor = load_actor(actor)
        data = load(schemas.StatusChangeRequestSchema(), change)
        with self.db.begin():
            document = life_cycle.change_status(
                self.db, document_id=parse_uuid(document_id, "document_id"),
                to_status=data["status"], actor=actor, reason=data["reason"])
        return document_schema.dump(document)

    @rpc
    def start_upload(self, actor, document_id):
        """Returns an upload id and a presigned URL to PUT the file's bytes to."""
        actor = load_actor(actor)
        with self.db.begin():
            upload, url = files.start_upload(
                self.db, storage=self.storage, document_id=parse_uuid(document_id, "document_id"),
                actor=actor)
        return {"upload_id": str(upload.id), "url": url,
                "max_bytes": int(self.config["MAX_UPLOAD_BYTES"])}

    @rpc
    def attach_file(self, actor, document_id, attachment):
        actor = load_actor(actor)
        data = load(schemas.AttachSchema(), attachment)
        cleanup = None
        try:
            with self.db.begin():
                version, cleanup = files.attach_file(
                    self.db, storage=self.storage, document_id=parse_uuid(document_id, "document_id"),
                    upload_id=data["upload_id"], filename=data["filename"], file_id=data["file_id"],
                    actor=actor, max_bytes=int(self.config["MAX_UPLOAD_BYTES"]), claimed=claimed_upload(data))
        except Exception:
            if cleanup is not None:
                cleanup(committed=False)
            raise
        cleanup(committed=True)
        return {**version_schema.dump(version), "file_id": str(version.file_id)}

    @rpc
    def file_download(self, actor, document_id, version_id, inline=True, variant=None):
        """A short-lived URL to read a file version, or (``variant``: searchable_pdf, thumbnail)
        what the texts service derived from it; the same people see both."""
        if variant is not None and variant not in file_texts.VARIANTS:
            raise InvalidInput("Invalid input: variant", {"variant": [
                f"Must be one of: {', '.join(file_texts.VARIANTS)}."]})
        version, url = files.file_download(
            self.db, storage=self.storage, document_id=parse_uuid(document_id, "document_id"),
            version_id=parse_uuid(version_id, "version_id"), actor=load_actor(actor), inline=bool(inline),
            variant=variant)
        return {**version_schema.dump(version), "url": url}

    # Paper copies.

    @rpc
    def list_paper_copies(self, actor, document_id):
        copies = paper_copies.list_paper_copies(self.db, document_id=parse_uuid(document_id, "document_id"),
                                         actor=load_actor(actor))
        return paper_copy_schema.dump(copies, many=True)

    @rpc
    def add_paper_copy(self, actor, document_id, paper_copy):
        """Record a paper original or copy (``paper_copy``: kind, location) of a document."""
        actor = load_actor(actor)
        data = load(schemas.NewPaperCopySchema(), paper_copy)
        with self.db.begin():
            added = paper_copies.add_paper_copy(self.db, document_id=parse_uuid(document_id, "document_id"),
                                         actor=actor, **data)
        return paper_copy_schema.dump(added)

    @rpc
    def move_paper_copy(self, actor, paper_copy_id, movement):
        """Hand a paper copy to an employee or return it to a location (``movement``)."""
        actor = load_actor(actor)
        data = load(schemas.PaperMovementRequestSchema(), movement)
        with self.db.begin():
            moved = paper_copies.move_paper_copy(self.db, paper_copy_id=parse_uuid(paper_copy_id, "paper_copy_id"),
                                          actor=actor, **data)
        return paper_copy_schema.dump(moved)

    @rpc
    def mark_paper_copy_lost(self, actor, paper_copy_id, loss):
        """Record that a paper copy is lost (``loss``: reason)."""
        actor = load_actor(actor)
        data = load(schemas.LostPaperCopySchema(), loss)
        with self.db.begin():
            lost = paper_copies.mark_paper_copy_lost(self.db, paper_copy_id=parse_uuid(paper_copy_id, "paper_copy_id"),
                                              reason=data["reason"].strip(), actor=actor)
        return paper_copy_schema.dump(lost)

    @rpc
    def paper_copies(self, actor, query=None):
        """Paper copies across the documents the actor sees (``query``: out, overdue, holder_id)."""
        actor = load_actor(actor)
        params = load(schemas.PaperCopyQuerySchema(), query or {})
        items, total = paper_copies.paper_copies(self.db, actor=actor, **params)
        return {"items": paper_copy_schema.dump(items, many=True), "total": total}

    # Contract execution: milestones, payments, the settlement, what is overdue.

    @rpc
    def get_execution(self, actor, document_id):
        """A contract's milestones, payments, settlement per currency, and its acts and invoices."""
        return execution_schema.dump(execution.get_execution(
            self.db, document_id=parse_uuid(document_id, "document_id"), actor=load_actor(actor)))

    @rpc
    def set_execution_terms(self, actor, document_id, terms):
        """Say which side we are in a contract (``terms``: we_are supplier or customer)."""
        actor = load_actor(actor)
        data = load(schemas.ExecutionTermsSchema(), terms)
        with self.db.begin():
            result = execution.set_terms(self.db, document_id=parse_uuid(document_id, "document_id"),
                                         actor=actor, **data)
        return execution_schema.dump(result)

    @rpc
    def add_milestone(self, actor, document_id, milestone):
        """Add an obligation with a deadline to a contract (``milestone``: title, due_on, amount...)."""
        actor = load_actor(actor)
        data = load(schemas.NewMilestoneSchema(), milestone)
        with self.db.begin():
            result = execution.add_milestone(self.db, document_id=parse_uuid(document_id, "document_id"),
                                             actor=actor, **{**data, "title": data["title"].strip()})
        return execution_schema.dump(result)

    @rpc
    def update_milestone(self, actor, milestone_id, changes, expected_version=None):
        """Change a milestone: move it, link the completion act that closes it, mark it done or reopen it."""
        actor = load_actor(actor)
        data = load(schemas.MilestoneChangesSchema(), changes)
        if "title" in data:
            data["title"] = data["title"].strip()
        with self.db.begin():
            result = execution.update_milestone(self.db, milestone_id=parse_uuid(milestone_id, "milestone_id"),
                                                changes=data, actor=actor,
                                                expected_version=load_version(expected_version))
        return execution_schema.dump(result)

    @rpc
    def remove_milestone(self, actor, milestone_id):
        actor = load_actor(actor)
        with self.db.begin():
            result = execution.remove_milestone(self.db, milestone_id=parse_uuid(milestone_id, "milestone_id"),
                                                actor=actor)
        return execution_schema.dump(result)

    @rpc
    def add_payment(self, actor, document_id, payment):
        """Record a planned or an actual payment of a contract (``payment``: kind, on, amount...)."""
        actor = load_actor(actor)
        data = load(schemas.NewPaymentSchema(), payment)
        with self.db.begin():
            result = execution.add_payment(self.db, document_id=parse_uuid(document_id, "document_id"),
                                           actor=actor, **data)
        return execution_schema.dump(result)

    @rpc
    def cancel_payment(self, actor, payment_id, cancellation):
        """Cancel a payment recorded by mistake (``cancellation``: reason); it stays listed."""
        actor = load_actor(actor)
        data = load(schemas.PaymentCancellationSchema(), cancellation)
        with self.db.begin():
            result = execution.cancel_payment(self.db, payment_id=parse_uuid(payment_id, "payment_id"),
                                              reason=data["reason"].strip(), actor=actor)
        return execution_schema.dump(result)

    @rpc
    def execution_overdue(self, actor, query=None):
        """Milestones and planned payments overdue across the contracts the actor sees."""
        actor = load_actor(actor)
        params = load(schemas.ExecutionOverdueQuerySchema(), query or {})
        items, total = execution.overdue(self.db, actor=actor, **params)
        return {"items": overdue_schema.dump(items, many=True), "total": total}

    @timer(interval=3600)
    def sweep_staging(self):
        removed = files.sweep_staging(storage=self.storage)
        if removed:
            log.info("removed %d abandoned uploads", removed)
        orphans = files.sweep_orphans(self.db, storage=self.storage)
        self.db.rollback()
        if orphans:
            log.info("removed %d stored objects no file version names", orphans)

    # A document's status follows its approval.

    @event_handler("approvals", "approval.started", requeue_on_error=True)
    @handle_once(processed_events)
    def on_approval_started(self, session, event):
        p = event.payload
        # its initiator and approvers see the document from now on
        access.add_participants(session, document_id=p["document_id"], initiator_id=p["initiator_id"],
                               approver_ids=p.get("approver_ids") or [])
        life_cycle.apply_approval_outcome(session, document_id=p["document_id"], to_status="on_approval",
                                     actor_id=p["initiator_id"], reason="approval started",
                                     occurred_at=event.occurred_at)

    @event_handler("approvals", "approval.task_assigned", requeue_on_error=True)
    @handle_once(processed_events)
    def on_approval_task_assigned(self, session, event):
        """Whoever gets a task (a later stage's approver, a deputy, one added) sees the document."""
        p = event.payload
        access.add_participants(session, document_id=p["document_id"], initiator_id=p["initiator_id"],
                               approver_ids=[p["approver_id"]], with_initiator=False)

    @event_handler("approvals", "approval.returned", requeue_on_error=True)
    @handle_once(processed_events)
    def on_approval_returned(self, session, event):
        p = event.payload
        life_cycle.apply_approval_outcome(session, document_id=p["document_id"], to_status="draft",
                                     actor_id=p.get("returned_by"), reason="returned for revision",
                                     occurred_at=event.occurred_at)

    @event_handler("approvals", "approval.resubmitted", requeue_on_error=True)
    @handle_once(processed_events)
    def on_approval_resubmitted(self, session, event):
        p = event.payload
        life_cycle.apply_approval_outcome(session, document_id=p["document_id"], to_status="on_approval",
                                     actor_id=p["initiator_id"], reason="resubmitted after revision",
                                     occurred_at=event.occurred_at)

    @event_handler("approvals", "approval.finished", requeue_on_error=True)
    @handle_once(processed_events)
    def on_approval_finished(self, session, event):
        p = event.payload
        life_cycle.apply_approval_outcome(session, document_id=p["document_id"],
                                     to_status=APPROVAL_OUTCOME_STATUS[p["outcome"]],
                                     actor_id=p.get("decided_by") or p.get("initiator_id"),
                                     reason=f"approval {p['outcome']}", occurred_at=event.occurred_at)

    # Counterparties: their names (for search) and merges.

    @event_handler("counterparties", "counterparty.created", requeue_on_error=True)
    @handle_once(processed_events)
    def on_counterparty_created(self, session, event):
        logic.remember_counterparty(session, counterparty_id=event.payload["counterparty_id"],
                                    name=event.payload["name"])

    @event_handler("counterparties", "counterparty.updated", requeue_on_error=True)
    @handle_once(processed_events)
    def on_counterparty_updated(self, session, event):
        p = event.payload
        name = p.get("name") or ((p.get("changes") or {}).get("name") or {}).get("to")
        if name:
            logic.remember_counterparty(session, counterparty_id=p["counterparty_id"], name=name)

    @event_handler("counterparties", "counterparty.merged", requeue_on_error=True)
    @handle_once(processed_events)
    def on_counterparty_merged(self, session, event):
        p = event.payload
        logic.merge_counterparty(session, merged_id=p["merged_id"], survivor_id=p["survivor_id"],
                                 merged_by=p.get("merged_by"))

    # What the texts service read from the stored files (file_texts.py).

    @event_handler("texts", "file_text.extracted", requeue_on_error=True)
    @handle_once(processed_events)
    def on_file_text_extracted(self, session, event):
        file_texts.apply_extracted(session, payload=event.payload)

    # Personal data: documents hold none of a contact person's, but the erasure is traced here too.

    @event_handler("counterparties", "contact_person.erased", requeue_on_error=True)
    @handle_once(processed_events)
    def on_contact_person_erased(self, session, event):
        access.process_erasure(session, event=event)


def dump_summaries(documents):
    """Documents as the registry lists them; each type is dumped once for the whole page,
    not once per document (a page holds few types and many documents)."""
    types = {}
    summaries = dump_summaries_without_type(documents)
    for document, summary in zip(documents, summaries, strict=True):
        if document.type_id not in types:
            types[document.type_id] = type_schema.dump(document.type)
        summary["type"] = types[document.type_id]
    return summaries
