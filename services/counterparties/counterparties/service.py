"""The counterparties service's entrypoints: validate input, call logic, dump output."""
from nameko.events import event_handler
from nameko.timer import timer

from chancery_common import event_log
from chancery_common import audit, sync, visibility
from chancery_common.actor import load_actor
from chancery_common.consumer import handle_once
from chancery_common.database import Database, reads_only
from chancery_common.dumping import compiled
from chancery_common.errors import load, parse_uuid
from chancery_common.observability import Observability
from chancery_common.outbox import OutboxRelay
from chancery_common.rpc import TimedRpcProxy, rpc
from chancery_common.versions import load_version

from . import (
    calendar, changes, handover, logic, merge, negotiations, overview, pipeline, quick_search, reference_books,
    registration, relationship_history, reports, saved_filters, schemas, sender_match, transfer,
)
from .exceptions import InvalidInput
from .models import audit_log, outbox, processed_events

counterparty_schema = schemas.CounterpartySchema()
history_schema = schemas.HistoryEntrySchema()
contact_schema = schemas.ContactPersonSchema()
activity_schema = schemas.ActivitySchema()
# long lists (a page of activities, an agenda, a month of the calendar) by the compiled dump
dump_activities = compiled(activity_schema)
dump_agenda_items = compiled(schemas.CalendarActivitySchema())
# the unified view's parts (the view is the screen opened most)
dump_counterparties = compiled(counterparty_schema)
dump_history = compiled(history_schema)
dump_contacts = compiled(contact_schema)
dump_notes_page = compiled(schemas.NegotiationNotesSchema())
audit_entry_schema = schemas.AuditEntrySchema()
reference_value_schema = schemas.ReferenceValueSchema()
saved_filter_schema = schemas.SavedFilterSchema()


class CounterpartiesService(event_log.EventLogEntrypoints):
    name = "counterparties"

    db = Database()
    observability = Observability()
    relay = OutboxRelay(outbox)
    event_outbox = outbox  # its published-event log (event_log.EventLogEntrypoints)
    # the owners of the records the relationship history tells of (relationship_history.SOURCES)
    documents = TimedRpcProxy("documents", timeout=5)
    approvals = TimedRpcProxy("approvals", timeout=5)
    # an import's responsible employees, looked up by name or e-mail before its transaction
    staff = TimedRpcProxy("staff", timeout=5)

    def _asking_owners_for(self, actor):
        """Who sees the records a history tells of, asked of their owners for ``actor`` (as received)."""
        owners = {"documents": self.documents.visible_ids, "approvals": self.approvals.visible_ids}
        return lambda records: visibility.ask(owners, actor, records)

    @rpc
    def ping(self):
        return "pong"

    @timer(interval=audit.SEAL_SECONDS)
    def seal_audit_reads(self):
        """Seal the reads of personal data written since the last seal into the audit chain
        (chancery_common.audit): reads never wait for the chain's lock themselves."""
        with self.db.begin():
            audit_log.seal(self.db)

    @rpc
    def create_counterparty(self, actor, counterparty):
        actor = load_actor(actor)
        data = load(schemas.CounterpartySchema(), counterparty)
        with self.db.begin():
            created = logic.create_counterparty(self.db, data=data, actor=actor)
        return counterparty_schema.dump(created)

    @rpc
    def update_counterparty(self, actor, counterparty_id, changes, expected_version=None):
        """``expected_version``: the version the change was based on (If-Match), else PreconditionFailed."""
        actor = load_actor(actor)
        data = load(schemas.CounterpartySchema(partial=True), changes)
        data.pop("allow_duplicate", None)
        with self.db.begin():
            updated = logic.update_counterparty(
                self.db, counterparty_id=parse_uuid(counterparty_id, "counterparty_id"),
                changes=data, actor=actor, expected_version=load_version(expected_version))
        return counterparty_schema.dump(updated)

    @rpc
    def get_counterparty(self, actor, counterparty_id):
        actor = load_actor(actor)
        counterparty = logic.get_counterparty(
            self.db, counterparty_id=parse_uuid(counterparty_id, "counterparty_id"), actor=actor)
        negotiations.with_stages(self.db, [counterparty])
        return dump_counterparties([counterparty])[0]

    @rpc
    def list_counterparties(self, actor, query=None):
        actor = load_actor(actor)
        params = load(schemas.CounterpartyQuerySchema(), query or {})
        items, total = logic.list_counterparties(self.db, actor=actor, **params)
        negotiations.with_stages(self.db, items)
        return {"items": dump_counterparties(items), "total": total}

    @rpc
    def sync_counterparties(self, actor, query):
        """Counterparties by change, merged ones as tombstones (``query``: sync.SyncQuerySchema)."""
        actor = load_actor(actor)
        found, cursors = changes.counterparties(self.db, actor=actor, **load(sync.SyncQuerySchema(), query))
        negotiations.with_stages(self.db, [c for c in found if c.merged_into_id is None])
        return sync.answer([sync.tombstone(c.id, c.merged_at or c.updated_at, merged_into=c.merged_into_id)
                            if c.merged_into_id else counterparty_schema.dump(c) for c in found], cursors)

    @rpc
    def sync_contact_persons(self, actor, query):
        """Contact persons by change; each one listed is an audited read of personal data."""
        actor = load_actor(actor)
        with self.db.begin():
            persons, cursors = changes.contact_persons(self.db, actor=actor, **load(sync.SyncQuerySchema(), query))
        return sync.answer(contact_schema.dump(persons, many=True), cursors)

    @rpc
    def sync_activities(self, actor, query):
        """Activities by change."""
        actor = load_actor(actor)
        found, cursors = changes.activities(self.db, actor=actor, **load(sync.SyncQuerySchema(), query))
        return sync.answer(dump_activities(found), cursors)

    @rpc
    def activity_results(self, actor, query):
        """Activities of a period (done in it, or planned in it), by responsible employee and status now."""
        actor = load_actor(actor)
        params = load(reports.ActivityResultsQuerySchema(), query)
        return reports.ActivityResultsSchema().dump(reports.activity_results(self.db, actor=actor, **params))

    @rpc
    def quick_search(self, actor, request):
        """The global search's part here: contact persons and activities holding every word."""
        actor = load_actor(actor)
        data = load(quick_search.QuickSearchSchema(), request)
        found = quick_search.quick_search(self.db, actor=actor, text=data["text"], limit=data["limit"])
        return quick_search.QuickSearchResultSchema().dump(found)

    @rpc
    def registration_choices(self, actor, query=None):
        """Any counterparty, by name or tax id, with only what registering a document needs
        (for whoever may register documents; registration.py)."""
        actor = load_actor(actor)
        params = load(registration.RegistrationQuerySchema(), query or {})
        found = registration.choices(self.db, actor=actor, **params)
        return registration.RegistrationChoiceSchema(many=True).dump(found)

    @rpc
    @reads_only
    def match_sender(self, query):
        """The counterparty an incoming letter is from, by the sender's e-mail or a tax id its
        text names, or None (the intake service's suggestion; sender_match.py)."""
        params = load(sender_match.SenderQuerySchema(), query or {})
        found = sender_match.match(self.db, **params)
        return None if found is None else sender_match.SenderMatchSchema().dump(found)

    @rpc
    def find_duplicates(self, actor, counterparty, exclude_id=None):
        """Visible look-alikes, and how many the caller may not see (``hidden_matches``)."""
        actor = load_actor(actor)
        data = load(schemas.CounterpartySchema(partial=True), counterparty)
        data.pop("allow_duplicate", None)
        exclude = parse_uuid(exclude_id, "exclude_id") if exclude_id else None
        items, hidden = logic.find_duplicates(self.db, data=data, exclude_id=exclude, actor=actor)
        return schemas.DuplicatesSchema().dump({"items": items, "hidden_matches": hidden})

    @rpc
    def overview_part(self, actor, counterparty_id):
        """This service's part of the unified view in one call: {counterparty, history, contact_persons,
        activities (planned, 100), negotiation (5 notes)}, each as the single call answers it but the
        history: {items: the newest 60 entries whoever reads them, records: [[service, record id] the
        entry tells of, or null for this service's own], counts: {own, entries, records: {documents:
        {id: n}, approvals: {id: n}}}, page_size: 30}, for the gateway to keep what the reader may see
        (relationship_history.candidates); NotFound when the counterparty is not visible."""
        actor = load_actor(actor)
        with self.db.begin():  # the contact persons' reads are audited
            found = overview.part(self.db, counterparty_id=parse_uuid(counterparty_id, "counterparty_id"),
                                  actor=actor)
            history, records, counts = found["history"]
            activities, activities_total = found["activities"]
            return {
                "counterparty": dump_counterparties([found["counterparty"]])[0],
                "history": {"items": dump_history(history), "records": records, "counts": counts,
                            "page_size": overview.HISTORY},
                "contact_persons": dump_contacts(found["contact_persons"]),
                "activities": {"items": dump_activities(activities), "total": activities_total},
                "negotiation": dump_notes_page([found["negotiation"]])[0],
            }

    @rpc
    def get_history(self, actor, counterparty_id, page=None):
        """A page of the relationship history: of the entries telling of another service's
        records, those the actor may see (relationship_history.py)."""
        ask_owners = self._asking_owners_for(actor)
        actor = load_actor(actor)
        params = load(schemas.PageSchema(), page or {})
        items, total = relationship_history.history(
            self.db, counterparty_id=parse_uuid(counterparty_id, "counterparty_id"), actor=actor,
            ask_owners=ask_owners, **params)
        return {"items": history_schema.dump(items, many=True), "total": total}

    @rpc
    def merge_counterparties(self, actor, survivor_id, request):
        """``request``: {merged_id, fields: {field: survivor|merged}}: everything of ``merged_id`` moves to
        ``survivor_id`` in one transaction; the merged one becomes a tombstone. Administrators,
        directors or the merge_counterparties permission. Publishes counterparty.merged."""
        actor = load_actor(actor)
        data = load(schemas.CounterpartyMergeSchema(), request)
        with self.db.begin():
            survivor, moved = merge.merge(self.db, survivor_id=parse_uuid(survivor_id, "survivor_id"),
                                          merged_id=data["merged_id"], fields=data["choices"], actor=actor)
            result = schemas.CounterpartyMergeResultSchema().dump({"counterparty": survivor, "moved": moved})
        return result

    @rpc
    def hand_over(self, actor, request):
        """``request``: {counterparty_ids, from_employee_id, to_employee_id, include_open_activities, reason}.

        One transaction; administrators, directors, and department heads between employees of
        their departments. Publishes counterparty.handed_over.
        """
        actor = load_actor(actor)
        data = load(schemas.HandoverSchema(), request)
        with self.db.begin():
            result = handover.hand_over(self.db, actor=actor, **data)
        return schemas.HandoverResultSchema().dump(result)

    # Import and export

    def _responsible_employees(self, rows):
        """The active employees the rows name as responsible (transfer.employees_named)."""
        names = transfer.responsible_names(rows)
        if len(names) > transfer.MAX_RESPONSIBLE_NAMES:
            raise InvalidInput("Invalid input: responsible", {"file": [
                f"The file names {len(names)} different responsible employees; "
                f"at most {transfer.MAX_RESPONSIBLE_NAMES} are looked up in one import."]})
        found = {name: self.staff.list_employees({"search": name, "active_only": True, "limit": 20})["items"]
                 for name in names}
        return transfer.employees_named(names, found)

    @rpc
    def import_counterparties(self, actor, request):
        """``request``: {columns: [header], rows: [{row, values: {column: text}}], mode: skip|update|create,
        dry_run, allow_partial}.

        A file without a name column is InvalidInput naming it (``details``: {file: [...]}). One
        transaction. Returns the report (per row: create / update / skip / same_as_row / error,
        with duplicates found); a dry run, or rows in error without ``allow_partial``, change
        nothing, and the latter is InvalidInput naming each row and field (``details``: {rows:
        {row number: {field: [messages]}}})."""
        actor = load_actor(actor)
        data = load(schemas.ImportRequestSchema(), request)
        employees = self._responsible_employees(data["rows"])  # asked before any row is locked
        with self.db.begin() as transaction:
            report = transfer.run(self.db, rows=data["rows"], columns=data["columns"], mode=data["mode"],
                                  allow_partial=data["allow_partial"], actor=actor, employees=employees)
            refused = report["failed"] and not data["allow_partial"]
            applied = not (data["dry_run"] or refused)
            if not applied:
                transaction.rollback()
        if refused and not data["dry_run"]:
            bad = {str(row["row"]): row["errors"] for row in report["rows"] if row["action"] == "error"}
            raise InvalidInput(f"Invalid input: {len(bad)} rows have errors (rows {', '.join(list(bad)[:20])}); "
                               "nothing was imported", {"rows": bad})
        return schemas.ImportReportSchema().dump({**report, "dry_run": data["dry_run"], "applied": applied})

    @rpc
    def export_counterparties(self, actor, query=None):
        """A page of the filtered directory (list_counterparties' filters, keyset-paged:
        ``after``) as {columns, rows, total (first page), next_after}."""
        actor = load_actor(actor)
        params = load(schemas.ExportQuerySchema(), query or {})
        limit, after = params.pop("limit"), params.pop("after")
        page = transfer.export_counterparties(self.db, actor=actor, query=params, limit=limit, after=after)
        return schemas.ExportPageSchema().dump(page)

    @rpc
    def export_contact_persons(self, actor, query=None):
        """The contact persons of a page of the filtered directory as {columns, rows, total,
        next_after}; audited."""
        actor = load_actor(actor)
        params = load(schemas.ExportQuerySchema(), query or {})
        limit, after = params.pop("limit"), params.pop("after")
        with self.db.begin():
            page = transfer.export_contact_persons(self.db, actor=actor, query=params, limit=limit, after=after)
        return schemas.ExportPageSchema().dump(page)

    # The negotiation log

    @rpc
    def add_negotiation_note(self, actor, counterparty_id, note):
        """``note``: {stage_id, text, decided?, client_priorities?, expected_amount?, currency?,
        expected_close_on?} (the deal's fields set with the note); publishes negotiation.noted."""
        actor = load_actor(actor)
        data = load(schemas.NegotiationNoteSchema(), note)
        with self.db.begin():
            added = negotiations.add_note(self.db, counterparty_id=parse_uuid(counterparty_id, "counterparty_id"),
                                          actor=actor, **data)
            result = schemas.NegotiationNoteSchema().dump(added)
        return result

    @rpc
    def list_negotiation_notes(self, actor, counterparty_id, page=None):
        """{items (newest first), total, current_stage} of a visible counterparty."""
        actor = load_actor(actor)
        params = load(schemas.PageSchema(), page or {})
        counterparty_id = parse_uuid(counterparty_id, "counterparty_id")
        items, total, current = negotiations.list_notes(self.db, counterparty_id=counterparty_id, actor=actor,
                                                        **params)
        negotiation = negotiations.negotiation_of(self.db, counterparty_id=counterparty_id)
        return schemas.NegotiationNotesSchema().dump({"items": items, "total": total, "current_stage": current,
                                                      "negotiation": negotiation})

    @rpc
    def update_negotiation(self, actor, counterparty_id, deal):
        """``deal``: {expected_amount?, currency?, expected_close_on?} (null clears; an amount goes with
        its currency); publishes negotiation.updated when something changed."""
        actor = load_actor(actor)
        data = load(schemas.NegotiationDealSchema(), deal)
        with self.db.begin():
            negotiation = negotiations.update_deal(
                self.db, counterparty_id=parse_uuid(counterparty_id, "counterparty_id"), actor=actor, **data)
            result = schemas.NegotiationSchema().dump(negotiation)
        return result

    @rpc
    def negotiation_board(self, actor, query=None):
        """The pipeline board: a column per negotiation stage with the visible counterparties in it
        (directory filters, department), each column's count and amounts per currency, stalled cards
        marked (no contact for ``stalled_days``); see pipeline.py."""
        actor = load_actor(actor)
        params = load(pipeline.BoardQuerySchema(), query or {})
        return pipeline.BoardSchema().dump(pipeline.board(self.db, actor=actor, **params))

    @rpc
    def negotiation_funnel(self, actor, query):
        """``query``: {since, until, department_id?}: per stage, the visible counterparties that reached
        it in the period and how many of them went on to the next stage."""
        actor = load_actor(actor)
        params = load(pipeline.FunnelQuerySchema(), query)
        return pipeline.FunnelSchema().dump(pipeline.funnel(self.db, actor=actor, **params))

    # Reference books (activity_type, region, group, category, advertising_source; negotiation_stage)

    @rpc
    def list_reference_values(self, actor, kind, options=None):
        """The values of one book by name, each with ``counterparty_count``; ``options``: {include_archived}."""
        actor = load_actor(actor)
        kind = load(schemas.ReferenceKindSchema(), {"kind": kind})["kind"]
        params = load(schemas.ReferenceListSchema(), options or {})
        values = reference_books.list_values(self.db, kind=kind, actor=actor, **params)
        return reference_value_schema.dump(values, many=True)

    @rpc
    def create_reference_value(self, actor, kind, value):
        """``value``: {name, is_archived}; needs edit_reference_books; a name taken (any case) is Conflict."""
        actor = load_actor(actor)
        kind = load(schemas.ReferenceKindSchema(), {"kind": kind})["kind"]
        data = load(schemas.ReferenceValueSchema(), value)
        with self.db.begin():
            created = reference_books.create_value(self.db, kind=kind, name=data["name"], actor=actor,
                                                   code=data.get("code"), position=data.get("position"))
            if data["is_archived"]:
                created = reference_books.update_value(self.db, kind=kind, value_id=created.id,
                                                       changes={"is_archived": True}, actor=actor)
        return reference_value_schema.dump(created)

    @rpc
    def update_reference_value(self, actor, kind, value_id, changes, expected_version=None):
        """Rename or (un)archive: ``changes``: {name?, is_archived?}."""
        actor = load_actor(actor)
        kind = load(schemas.ReferenceKindSchema(), {"kind": kind})["kind"]
        data = load(schemas.ReferenceValueSchema(partial=True), changes)
        with self.db.begin():
            updated = reference_books.update_value(
                self.db, kind=kind, value_id=parse_uuid(value_id, "value_id"), changes=data, actor=actor,
                expected_version=load_version(expected_version))
        return reference_value_schema.dump(updated)

    @rpc
    def delete_reference_value(self, actor, kind, value_id):
        """Remove an unused value; one in use is Conflict naming how many counterparties use it."""
        actor = load_actor(actor)
        kind = load(schemas.ReferenceKindSchema(), {"kind": kind})["kind"]
        with self.db.begin():
            reference_books.delete_value(self.db, kind=kind, value_id=parse_uuid(value_id, "value_id"),
                                         actor=actor)
        return None

    @rpc
    def merge_reference_value(self, actor, kind, value_id, merge):
        """``merge``: {into_id}: every counterparty moves to ``into_id``, the value goes; returns the target."""
        actor = load_actor(actor)
        kind = load(schemas.ReferenceKindSchema(), {"kind": kind})["kind"]
        data = load(schemas.MergeSchema(), merge)
        with self.db.begin():
            target = reference_books.merge_value(self.db, kind=kind, value_id=parse_uuid(value_id, "value_id"),
                                                 into_id=data["into_id"], actor=actor)
        return reference_value_schema.dump(target)

    # Saved filters (each employee's own)

    @rpc
    def list_saved_filters(self, actor):
        actor = load_actor(actor)
        return saved_filter_schema.dump(saved_filters.list_filters(self.db, actor=actor), many=True)

    @rpc
    def save_filter(self, actor, saved_filter):
        """``saved_filter``: {name, query}; ``query`` is a list_counterparties query without paging."""
        actor = load_actor(actor)
        data = load(schemas.SavedFilterSchema(), saved_filter)
        query = {name: value for name, value in schemas.SavedQuerySchema().dump(data["query"]).items()
                 if value is not None}
        with self.db.begin():
            saved = saved_filters.save_filter(self.db, name=data["name"], query=query, actor=actor)
        return saved_filter_schema.dump(saved)

    @rpc
    def delete_saved_filter(self, actor, filter_id):
        actor = load_actor(actor)
        with self.db.begin():
            saved_filters.delete_filter(self.db, filter_id=parse_uuid(filter_id, "filter_id"), actor=actor)
        return None

    # Contact persons and activities

    @rpc
    def add_contact_person(self, actor, counterparty_id, contact_person):
        actor = load_actor(actor)
        data = load(schemas.ContactPersonSchema(), contact_person)
        with self.db.begin():
            person = logic.add_contact_person(
                self.db, counterparty_id=parse_uuid(counterparty_id, "counterparty_id"),
                data=data, actor=actor)
        return contact_schema.dump(person)

    @rpc
    def list_contact_persons(self, actor, counterparty_id):
        """The persons of a counterparty; each one listed is an audited read of personal data."""
        actor = load_actor(actor)
        counterparty_id = parse_uuid(counterparty_id, "counterparty_id")
        with self.db.begin():
            persons = logic.list_contact_persons(self.db, counterparty_id=counterparty_id, actor=actor)
        return contact_schema.dump(persons, many=True)

    @rpc
    def get_contact_person(self, actor, contact_person_id):
        """One person; the read of their personal data is audited."""
        actor = load_actor(actor)
        contact_person_id = parse_uuid(contact_person_id, "contact_person_id")
        with self.db.begin():
            person = logic.get_contact_person(self.db, contact_person_id=contact_person_id, actor=actor)
        return contact_schema.dump(person)

    @rpc
    def update_contact_person(self, actor, contact_person_id, changes, expected_version=None):
        actor = load_actor(actor)
        data = load(schemas.ContactPersonSchema(partial=True), changes)
        with self.db.begin():
            person = logic.update_contact_person(
                self.db, contact_person_id=parse_uuid(contact_person_id, "contact_person_id"),
                changes=data, actor=actor, expected_version=load_version(expected_version))
        return contact_schema.dump(person)

    @rpc
    def move_contact_person(self, actor, contact_person_id, move):
        """``move``: {counterparty_id}: the person now works there; activities and history stay theirs."""
        actor = load_actor(actor)
        data = load(schemas.MoveSchema(), move)
        with self.db.begin():
            person = logic.move_contact_person(
                self.db, contact_person_id=parse_uuid(contact_person_id, "contact_person_id"),
                counterparty_id=data["counterparty_id"], actor=actor)
        return contact_schema.dump(person)

    @rpc
    def record_consent(self, actor, contact_person_id, consent):
        """``consent``: {given, method}; withdrawal (given false) also stops mailings."""
        actor = load_actor(actor)
        data = load(schemas.ConsentSchema(), consent)
        with self.db.begin():
            person = logic.record_consent(
                self.db, contact_person_id=parse_uuid(contact_person_id, "contact_person_id"),
                actor=actor, **data)
        return contact_schema.dump(person)

    @rpc
    def export_contact_person(self, actor, contact_person_id):
        """Everything this service holds about the person, as JSON; audited as "exported"."""
        actor = load_actor(actor)
        with self.db.begin():
            export = logic.export_contact_person(
                self.db, contact_person_id=parse_uuid(contact_person_id, "contact_person_id"), actor=actor)
        return schemas.ContactPersonExportSchema().dump(export)

    @rpc
    def erase_contact_person(self, actor, contact_person_id, erasure):
        """``erasure``: {reason}. Administrators and lawyers; publishes contact_person.erased."""
        actor = load_actor(actor)
        data = load(schemas.ErasureSchema(), erasure)
        with self.db.begin():
            person = logic.erase_contact_person(
                self.db, contact_person_id=parse_uuid(contact_person_id, "contact_person_id"),
                actor=actor, **data)
        return contact_schema.dump(person)

    @rpc
    def plan_activity(self, actor, activity):
        actor = load_actor(actor)
        data = load(schemas.ActivitySchema(), activity)
        with self.db.begin():
            planned = logic.plan_activity(self.db, data=data, actor=actor)
        return activity_schema.dump(planned)

    @rpc
    def get_activity(self, actor, activity_id):
        actor = load_actor(actor)
        return activity_schema.dump(
            logic.get_activity(self.db, activity_id=parse_uuid(activity_id, "activity_id"), actor=actor))

    @rpc
    def list_activities(self, actor, query=None):
        actor = load_actor(actor)
        params = load(schemas.ActivityQuerySchema(), query or {})
        items, total = logic.list_activities(self.db, actor=actor, **params)
        return {"items": dump_activities(items), "total": total}

    @rpc
    def activity_calendar(self, actor, query):
        """``query``: {planned_from, planned_to, employee_id?, team?, status?}: activities in the range for
        the caller (and whom they deputise for), one employee they may see, or their team."""
        actor = load_actor(actor)
        params = load(schemas.CalendarQuerySchema(), query)
        found = calendar.calendar(self.db, actor=actor, **params)
        return {**schemas.CalendarSchema(exclude=("items",)).dump(found), "items": dump_agenda_items(found["items"])}

    @rpc
    def agenda(self, actor, query):
        """``query``: {day_from, day_to, overdue_before, employee_id?}: the planned activities of
        the day and the overdue ones, of the caller (and whom they deputise for) or of one
        employee they may see."""
        actor = load_actor(actor)
        params = load(schemas.AgendaQuerySchema(), query)
        found = calendar.agenda(self.db, actor=actor, **params)
        return {"today": dump_agenda_items(found["today"]), "overdue": dump_agenda_items(found["overdue"])}

    @rpc
    @reads_only
    def calendar_feed(self, actor):
        """The caller's own planned and done activities for their subscribed calendar (about three
        months back to a year ahead), each with its version (sequence, last modified)."""
        actor = load_actor(actor)
        return schemas.FeedActivitySchema(many=True).dump(calendar.feed(self.db, actor=actor))

    @rpc
    def complete_activity(self, actor, activity_id, completion):
        actor = load_actor(actor)
        data = load(schemas.CompletionSchema(), completion)
        with self.db.begin():
            activity, following = logic.complete_activity(
                self.db, activity_id=parse_uuid(activity_id, "activity_id"), actor=actor, **data)
        return {"activity": activity_schema.dump(activity),
                "follow_up": activity_schema.dump(following) if following else None}

    @rpc
    def reschedule_activity(self, actor, activity_id, reschedule):
        """``reschedule``: {planned_at, duration_minutes?, reason?}; publishes activity.rescheduled."""
        actor = load_actor(actor)
        data = load(schemas.RescheduleSchema(), reschedule)
        with self.db.begin():
            activity = logic.reschedule_activity(
                self.db, activity_id=parse_uuid(activity_id, "activity_id"), actor=actor, **data)
        return activity_schema.dump(activity)

    @rpc
    def cancel_activity(self, actor, activity_id, cancellation):
        """``cancellation``: {reason}; publishes activity.cancelled (and activity.completed, status cancelled)."""
        actor = load_actor(actor)
        data = load(schemas.CancellationSchema(), cancellation)
        with self.db.begin():
            activity = logic.cancel_activity(
                self.db, activity_id=parse_uuid(activity_id, "activity_id"), actor=actor, **data)
        return activity_schema.dump(activity)

    # Access and audit

    @rpc
    def explain_access(self, actor, employee, record_type, record_id):
        """Whether ``employee`` (an actor as the gateway builds it) sees a record, and why."""
        actor = load_actor(actor)
        employee = load_actor(employee)
        ref = load(schemas.RecordRefSchema(), {"record_type": record_type, "record_id": record_id})
        verdict = logic.explain_access(self.db, employee=employee, actor=actor, **ref)
        return schemas.AccessSchema().dump(verdict)

    @rpc
    def audit_entries(self, actor, query=None):
        """Audit rows of one record the caller sees, or of the whole log with view_audit."""
        actor = load_actor(actor)
        params = load(schemas.AuditQuerySchema(), query or {})
        items, total = logic.audit_entries(self.db, actor=actor, **params)
        return {"items": audit_entry_schema.dump(items, many=True), "total": total}

    @rpc
    def verify_audit(self, actor):
        """{intact, first_bad_id}: whether the audit chain is whole (view_audit)."""
        actor = load_actor(actor)
        return schemas.AuditVerdictSchema().dump(logic.verify_audit(self.db, actor=actor))

    # The relationship history follows the other services' events.

    @event_handler("documents", "document.registered", requeue_on_error=True)
    @handle_once(processed_events)
    def on_document_registered(self, session, event):
        p = event.payload
        logic.record_foreign_event(session, event=event,
                                   summary=f"{p['type_name']} {p['number']} registered: {p['title']}")

    @event_handler("documents", "document.status_changed", requeue_on_error=True)
    @handle_once(processed_events)
    def on_document_status_changed(self, session, event):
        p = event.payload
        logic.record_foreign_event(session, event=event,
                                   summary=f"{p['title']}: {p['from_status']} → {p['to_status']}")

    @event_handler("approvals", "approval.started", requeue_on_error=True)
    @handle_once(processed_events)
    def on_approval_started(self, session, event):
        logic.record_foreign_event(session, event=event,
                                   summary=f"Approval started: {event.payload['document_title']}")

    @event_handler("approvals", "approval.finished", requeue_on_error=True)
    @handle_once(processed_events)
    def on_approval_finished(self, session, event):
        p = event.payload
        logic.record_foreign_event(session, event=event, summary=f"Approval {p['outcome']}: {p['document_title']}"
                                   + (f" ({p['comment']})" if p.get("comment") else ""))

    @event_handler("documents", "document.signed", requeue_on_error=True)
    @handle_once(processed_events)
    def on_document_signed(self, session, event):
        p = event.payload
        number = f" {p['number']}" if p.get("number") else ""
        logic.record_foreign_event(session, event=event, summary=f"Signed{number}: {p.get('title') or 'a document'}")

    @event_handler("documents", "paper_copy.moved", requeue_on_error=True)
    @handle_once(processed_events)
    def on_paper_copy_moved(self, session, event):
        p = event.payload
        if p["status"] == "handed_out":
            movement = "handed out"
        elif p["status"] == "lost":
            movement = "lost" + (f": {p['reason']}" if p.get("reason") else "")
        else:
            movement = f"returned to {p.get('to_location') or 'its place'}"
        logic.record_foreign_event(session, event=event, summary=f"Paper {p['kind']} of {p['title']} {movement}")

    @event_handler("documents", "contract.milestone_changed", requeue_on_error=True)
    @handle_once(processed_events)
    def on_contract_milestone_changed(self, session, event):
        p = event.payload
        logic.record_foreign_event(session, event=event, summary=(
            f"{p['title']}: milestone «{p['milestone_title']}» {p['change']} ({p['milestone_status']})"))

    @event_handler("documents", "contract.payment_recorded", requeue_on_error=True)
    @handle_once(processed_events)
    def on_contract_payment_recorded(self, session, event):
        p = event.payload
        logic.record_foreign_event(session, event=event, summary=(
            f"{p['title']}: {p['kind']} payment of {p['amount']} {p['currency']} on {p['on']}"))

    @event_handler("documents", "contract.payment_cancelled", requeue_on_error=True)
    @handle_once(processed_events)
    def on_contract_payment_cancelled(self, session, event):
        p = event.payload
        logic.record_foreign_event(session, event=event, summary=(
            f"{p['title']}: {p['kind']} payment of {p['amount']} {p['currency']} on {p['on']} cancelled: "
            f"{p['reason']}"))

    # Who works where follows the staff service's events.

    @event_handler("staff", "employee.created", requeue_on_error=True)
    @handle_once(processed_events)
    def on_employee_created(self, session, event):
        logic.remember_employee(session, **_placement(event.payload), is_active=True,
                                changed_at=event.occurred_at)

    @event_handler("staff", "employee.updated", requeue_on_error=True)
    @handle_once(processed_events)
    def on_employee_updated(self, session, event):
        logic.remember_employee(session, **_placement(event.payload), is_active=event.payload["is_active"],
                                changed_at=event.occurred_at)


def _placement(payload):
    department_id = payload.get("department_id")
    return {"employee_id": parse_uuid(payload["employee_id"], "employee_id"),
            "department_id": parse_uuid(department_id, "department_id") if department_id else None}
