"""Counterparties (owned by the counterparties service) and their unified view."""
from flask import g
from .blueprint import Blueprint

from chancery_common.errors import NotFound

from .. import preconditions, rpc
from ..compose import overview
from ..errors import problem_response
from .openapi import VERSIONED
from ..payload import as_dumped, jsonable
from .paging import listing, sync_request
from .schemas.common import page_of, PageArgs, SyncFields
from .schemas.counterparties import (
    CounterpartyCardChangesSchema, CounterpartyCardSchema, CounterpartyChangesSchema,
    CounterpartyMergeRequestSchema, CounterpartyMergeResultSchema, CounterpartySearchArgs, DuplicatesSchema,
    HandoverRequestSchema, HandoverResultSchema, HistoryEntrySchema, RegistrationChoicesArgs,
    RegistrationChoiceSchema
)
from .schemas.overview import OverviewSchema

blp = Blueprint("counterparties", __name__, url_prefix="/api/v1/counterparties",
                description="The CRM directory: organisations and individuals we work with.")

CounterpartyPage = page_of(CounterpartyCardSchema, "CounterpartyPage", sync=True)


class CounterpartyListArgs(CounterpartySearchArgs, SyncFields):
    """The directory's filters, or a sync."""
HistoryPage = page_of(HistoryEntrySchema, "CounterpartyHistoryPage")


@blp.route("/")
@blp.arguments(CounterpartyListArgs, location="query")
@blp.response(200, CounterpartyPage)
@listing
def list_counterparties(args):
    """Search, filter (by characteristics: repeat a parameter for any of several values), sort and page.

    Or sync (`updated_since`, then `after`): every counterparty the caller sees by change, a merged one as
    a tombstone naming the survivor (docs/api.md, "Sync by change")."""
    sync = sync_request(args)
    if sync:
        return rpc.call("counterparties", "sync_counterparties", g.actor, sync)
    return rpc.call("counterparties", "list_counterparties", g.actor, jsonable(args))


@blp.route("/", methods=["POST"])
@blp.arguments(CounterpartyCardSchema)
@blp.response(201, CounterpartyCardSchema)
@blp.alt_response(409, description="Another counterparty has this tax id: the message names it (its name and id "
                                   "when the caller sees it). Send `allow_duplicate: true` to create another one.")
def create_counterparty(data):
    """Quick entry of a counterparty; the creator becomes responsible unless one is named.

    An exact tax-id duplicate is refused (409) unless `allow_duplicate` is true; the look-alikes
    by name, phone or e-mail are only reported (`POST /counterparties/duplicates`)."""
    return rpc.call("counterparties", "create_counterparty", g.actor, jsonable(data))


@blp.route("/duplicates", methods=["POST"])
@blp.arguments(CounterpartyChangesSchema)
@blp.response(200, DuplicatesSchema)
def find_duplicates(data):
    """Counterparties that look like this one (same tax id, phone, e-mail or name), before saving."""
    return rpc.call("counterparties", "find_duplicates", g.actor, jsonable(data))


@blp.route("/for-registration")
@blp.arguments(RegistrationChoicesArgs, location="query")
@blp.response(200, page_of(RegistrationChoiceSchema, "RegistrationChoiceList"))
@blp.alt_response(403, description="The caller may not register documents.")
@listing
def registration_choices(args):
    """Any counterparty of the directory by name, short name or tax id, for whoever may register documents
    (``register_documents``): only its id, names and tax id, not its card (docs/permissions.md)."""
    return rpc.call("counterparties", "registration_choices", g.actor, jsonable(args))


@blp.route("/handover", methods=["POST"])
@blp.arguments(HandoverRequestSchema)
@blp.response(200, HandoverResultSchema)
def hand_over(data):
    """Hand counterparties (and their open activities) over from one employee to another in one action.

    Administrators and directors; department heads between employees of their departments.
    All or nothing: a counterparty the caller does not see is 404, one the `from` employee is
    not responsible for is 409.
    """
    return rpc.call("counterparties", "hand_over", g.actor, jsonable(data))


@blp.route("/<uuid:counterparty_id>")
@blp.response(200, CounterpartyCardSchema)
@blp.doc(**VERSIONED)
@blp.alt_response(404, description="Not found; for a counterparty merged into another that the caller sees, "
                                   "the body's `merged_into` names the one it went into.")
def get_counterparty(counterparty_id):
    try:
        return preconditions.tagged(rpc.call("counterparties", "get_counterparty", g.actor, str(counterparty_id)))
    except NotFound as missing:
        # over the bus an absent ``details`` arrives as the text "None"
        details = missing.details if isinstance(missing.details, dict) else {}
        if not details.get("merged_into"):
            raise
        return problem_response(404, missing.message, merged_into=details["merged_into"])


@blp.route("/<uuid:counterparty_id>/merge", methods=["POST"])
@blp.arguments(CounterpartyMergeRequestSchema)
@blp.response(200, CounterpartyMergeResultSchema)
def merge_counterparty(data, counterparty_id):
    """Merge ``merged_id`` into this counterparty (a duplicate entered twice), in one transaction.

    Its contact persons, activities, history, negotiation notes and responsible employees move
    here; `fields` chooses whose value of a card field stays. The merged one becomes a
    tombstone: reading it answers 404 with `merged_into`. Administrators, directors or the
    merge_counterparties permission; both must be visible to the caller.
    """
    return rpc.call("counterparties", "merge_counterparties", g.actor, str(counterparty_id),
                    {"merged_id": str(data["merged_id"]), "fields": data.get("choices") or {}})


@blp.route("/<uuid:counterparty_id>", methods=["PATCH"])
@blp.arguments(CounterpartyCardChangesSchema)
@blp.response(200, CounterpartyCardSchema)
@blp.doc(**VERSIONED)
def update_counterparty(data, counterparty_id):
    """Change some fields; each change is kept in the relationship history."""
    return preconditions.tagged(rpc.call("counterparties", "update_counterparty", g.actor, str(counterparty_id),
                                         jsonable(data), expected_version=preconditions.expected_version()))


@blp.route("/<uuid:counterparty_id>/history")
@blp.arguments(PageArgs, location="query")
@blp.response(200, HistoryPage)
@listing
def get_history(args, counterparty_id):
    """The relationship history, newest first.

    An entry from a document (its paper copies, a contract's execution) or an approval is
    shown only to those who may see that record, and only those are counted in `total`;
    when the service owning such records does not answer, 503 naming it.
    """
    return rpc.call("counterparties", "get_history", g.actor, str(counterparty_id), args)


@blp.route("/<uuid:counterparty_id>/overview")
@blp.response(200, OverviewSchema)
def get_overview(counterparty_id):
    """Everything about one counterparty in one call, composed from every service in parallel.

    A part whose service does not answer in time is left empty and listed in
    ``unavailable``; the rest is still returned.
    """
    return as_dumped(overview.compose(g.actor, str(counterparty_id)))
