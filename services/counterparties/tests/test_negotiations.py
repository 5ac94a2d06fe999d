"""The negotiation log: stage notes, the current stage, and the ordered book of stages."""
import uuid

import pytest
from nameko.testing.services import worker_factory
from sqlalchemy import select

from chancery_common.errors import Conflict, InvalidInput, NotFound, load
from counterparties import reference_books, schemas
from counterparties.models import outbox
from counterparties.service import CounterpartiesService


class Service:
    """The service's entrypoints on the test's session; a read leaves no transaction open
    (as a worker's own session would end with the worker)."""

    def __init__(self, session):
        self.session = session
        self.worker = worker_factory(CounterpartiesService, db=session)

    def __getattr__(self, name):
        def call(*args):
            try:
                return getattr(self.worker, name)(*args)
            finally:
                if self.session.in_transaction():
                    self.session.commit()
        return call


@pytest.fixture
def admin(make_actor):
    """An administrator with the permissions the gateway would give one."""
    return make_actor("administrator", permissions=["view_audit", "edit_reference_books"])


@pytest.fixture
def service(session):
    return Service(session)


def as_dict(actor):
    return {"id": str(actor.id), "roles": actor.roles, "department_id": None, "permissions": actor.permissions,
            "visible_department_ids": [str(d) for d in actor.visible_department_ids]}


@pytest.fixture
def stage(session, admin):
    """``stage(name, code=None)``: a new negotiation stage, last in order."""
    def make(name=None, code=None):
        with session.begin():
            return reference_books.create_value(session, kind="negotiation_stage", actor=admin, code=code,
                                                name=name or f"Stage {uuid.uuid4().hex[:6]}")
    return make


def test_the_stages_come_in_order_and_new_ones_go_last(service, admin, stage):
    seeded = service.list_reference_values(as_dict(admin), "negotiation_stage")
    assert [value["code"] for value in seeded[:3]] == ["first_contact", "needs_clarified", "offer_under_review"]
    positions = [value["position"] for value in seeded]
    assert positions == sorted(positions)
    added = stage(code=f"s_{uuid.uuid4().hex[:6]}")
    added_id, code = str(added.id), added.code
    listed = service.list_reference_values(as_dict(admin), "negotiation_stage")
    assert listed[-1]["id"] == added_id and listed[-1]["position"] > positions[-1]
    with pytest.raises(Conflict, match="code"):
        stage(code=code)
    moved = service.update_reference_value(as_dict(admin), "negotiation_stage", added_id, {"position": 0})
    assert service.list_reference_values(as_dict(admin), "negotiation_stage")[0]["id"] == moved["id"]


def test_notes_give_the_counterparty_its_current_stage_and_join_the_timeline(
        service, make_counterparty, actor, make_actor, stage, history):
    counterparty = make_counterparty()
    offer, meeting = stage("Offer sent " + uuid.uuid4().hex[:6], code=f"offer_{uuid.uuid4().hex[:6]}"), stage()
    me = as_dict(actor)
    assert service.get_counterparty(me, str(counterparty.id))["negotiation_stage"] is None

    first = service.add_negotiation_note(me, str(counterparty.id), {
        "stage_id": str(offer.id), "text": "Sent the offer for 40 pallets", "decided": "Price held until May",
        "client_priorities": "Delivery before June; payment in two parts"})
    second = service.add_negotiation_note(me, str(counterparty.id), {"stage_id": str(meeting.id),
                                                                     "text": "They want to meet"})

    assert (first["stage"]["name"], first["decided"], first["author_id"]) == (offer.name, "Price held until May",
                                                                              str(actor.id))
    card = service.get_counterparty(me, str(counterparty.id))
    assert card["negotiation_stage"]["id"] == str(meeting.id)
    listed = service.list_counterparties(me, {"ids": [str(counterparty.id)]})["items"][0]
    assert listed["negotiation_stage"]["id"] == str(meeting.id)
    log = service.list_negotiation_notes(me, str(counterparty.id))
    assert [note["id"] for note in log["items"]] == [second["id"], first["id"]]
    assert (log["total"], log["current_stage"]["id"]) == (2, str(meeting.id))
    entry = history(counterparty.id)[1]
    assert (entry.kind, entry.summary) == (
        "negotiation.noted", f"Negotiation: {offer.name}: Sent the offer for 40 pallets")

    stranger = as_dict(make_actor())
    with pytest.raises(NotFound):
        service.list_negotiation_notes(stranger, str(counterparty.id))
    with pytest.raises(NotFound):
        service.add_negotiation_note(stranger, str(counterparty.id), {"stage_id": str(offer.id), "text": "x"})


def test_the_noted_event(session, service, make_counterparty, actor, stage):
    counterparty = make_counterparty()
    offer = stage(code=f"offer_{uuid.uuid4().hex[:6]}")
    note = service.add_negotiation_note(as_dict(actor), str(counterparty.id), {"stage_id": str(offer.id),
                                                                               "text": "Invoice sent"})
    with session.begin():
        payloads = session.scalars(select(outbox.table.c.payload).where(
            outbox.table.c.event_type == "negotiation.noted",
            outbox.table.c.payload["counterparty_id"].astext == str(counterparty.id))).all()
    assert payloads == [{"counterparty_id": str(counterparty.id), "note_id": note["id"], "stage_code": offer.code,
                         "stage_name": offer.name, "text": "Invoice sent", "noted_by": str(actor.id),
                         "expected_amount": None, "currency": None, "expected_close_on": None}]


def test_bad_notes_are_refused(service, make_counterparty, actor, admin, stage):
    counterparty_id, me = str(make_counterparty().id), as_dict(actor)
    archived_id, fine_id = str(stage().id), str(stage().id)
    region = service.create_reference_value(as_dict(admin), "region", {"name": f"Ural {uuid.uuid4().hex[:6]}"})
    with pytest.raises(InvalidInput, match="stage_id"):
        service.add_negotiation_note(me, counterparty_id, {"stage_id": region["id"], "text": "x"})
    service.update_reference_value(as_dict(admin), "negotiation_stage", archived_id, {"is_archived": True})
    with pytest.raises(InvalidInput) as refused:
        service.add_negotiation_note(me, counterparty_id, {"stage_id": archived_id, "text": "x"})
    assert "is archived" in refused.value.details["stage_id"][0]
    with pytest.raises(InvalidInput, match="text"):
        service.add_negotiation_note(me, counterparty_id, {"stage_id": fine_id, "text": "  "})


def test_a_stage_in_use_is_not_deleted_and_merging_moves_its_notes(service, make_counterparty, actor, admin, stage):
    counterparty_id, me, boss = str(make_counterparty().id), as_dict(actor), as_dict(admin)
    typo_id, right = str(stage().id), stage()
    right_id, right_name = str(right.id), right.name
    service.add_negotiation_note(me, counterparty_id, {"stage_id": typo_id, "text": "Call back in May"})
    with pytest.raises(Conflict, match="used by 1 negotiation notes"):
        service.delete_reference_value(boss, "negotiation_stage", typo_id)
    kept = service.merge_reference_value(boss, "negotiation_stage", typo_id, {"into_id": right_id})
    assert (kept["id"], kept["counterparty_count"]) == (right_id, 1)
    assert service.get_counterparty(me, counterparty_id)["negotiation_stage"]["id"] == right_id
    assert typo_id not in [v["id"] for v in service.list_reference_values(me, "negotiation_stage")]
    renamed = service.update_reference_value(boss, "negotiation_stage", right_id, {"name": "Renamed " + right_name})
    assert service.list_negotiation_notes(me, counterparty_id)["items"][0]["stage"]["name"] == renamed["name"]


def test_merging_counterparties_moves_the_negotiation_log(session, service, make_counterparty, admin, stage):
    survivor, merged, boss = make_counterparty(), make_counterparty(), as_dict(admin)
    note = service.add_negotiation_note(boss, str(merged.id), {"stage_id": str(stage().id), "text": "Offer"})
    result = service.merge_counterparties(boss, str(survivor.id), {"merged_id": str(merged.id)})
    assert result["moved"]["negotiation_notes"] == 1
    assert result["counterparty"]["id"] == str(survivor.id)
    assert service.list_negotiation_notes(boss, str(survivor.id))["items"][0]["id"] == note["id"]
    assert service.get_counterparty(boss, str(survivor.id))["negotiation_stage"] == note["stage"]
    with pytest.raises(NotFound, match="merged into"):
        service.list_negotiation_notes(boss, str(merged.id))
    assert load(schemas.CounterpartyMergeSchema(), {"merged_id": str(merged.id)})["choices"] == {}
