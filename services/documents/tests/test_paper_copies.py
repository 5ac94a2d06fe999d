"""Paper originals and copies: where each is kept, who holds it, the movements between,
the copies out and overdue; all visible only with their document."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.errors import Conflict, InvalidInput, NotFound
from documents import events, models

COLLEAGUE = uuid.uuid4()


def days_from_today(days):
    return (datetime.now(timezone.utc).date() + timedelta(days=days)).isoformat()


@pytest.fixture
def paper(service, make_document, actor):
    """``paper(kind="original")``: a new document with one paper copy in the archive."""
    def make(kind="original", **fields):
        document = make_document(register=False, **fields)
        return service.add_paper_copy(actor, str(document.id), {"kind": kind, "location": "Archive, cabinet 3"})
    return make


def test_a_copy_is_handed_out_and_returned_with_each_movement_logged_audited_and_announced(
        service, paper, actor, outbox_events, reader):
    original = paper()
    assert (original["status"], original["holder_id"], original["movements"]) == ("in_place", None, [])
    due = days_from_today(7)

    out = service.move_paper_copy(actor, original["id"], {
        "to_holder": str(COLLEAGUE), "reason": "for the court hearing", "expected_return_on": due})
    back = service.move_paper_copy(actor, original["id"], {"to_location": "Room 12, folder B"})

    assert (out["status"], out["holder_id"], out["expected_return_on"]) == ("handed_out", str(COLLEAGUE), due)
    assert (back["status"], back["holder_id"], back["location"], back["expected_return_on"]) == (
        "in_place", None, "Room 12, folder B", None)
    assert [(m["from_holder"], m["to_holder"], m["to_location"], m["reason"]) for m in back["movements"]] == [
        (None, str(COLLEAGUE), None, "for the court hearing"), (str(COLLEAGUE), None, "Room 12, folder B", None)]
    assert [c["id"] for c in service.list_paper_copies(actor, original["document_id"])] == [original["id"]]
    moved = outbox_events(events.PAPER_COPY_MOVED, original["document_id"])
    assert [(e["to_holder_id"], e["status"], e["expected_return_on"]) for e in moved] == [
        (str(COLLEAGUE), "handed_out", due), (None, "in_place", None)]
    table = models.audit_log.table
    actions = reader(lambda s: s.scalars(select(table.c.action).where(
        table.c.record_id == uuid.UUID(original["document_id"])).order_by(table.c.id)).all())
    assert actions == ["created", "paper_copy_added", "paper_copy_moved", "paper_copy_moved"]


def test_copies_out_and_overdue_are_listed(service, paper, actor):
    late, due, home = paper(), paper(kind="copy"), paper()
    service.move_paper_copy(actor, late["id"], {"to_holder": str(COLLEAGUE),
                                                "expected_return_on": days_from_today(-1)})
    service.move_paper_copy(actor, due["id"], {"to_holder": str(COLLEAGUE),
                                               "expected_return_on": days_from_today(1)})

    out = service.paper_copies(actor, {"out": True, "holder_id": str(COLLEAGUE)})
    overdue = service.paper_copies(actor, {"overdue": True, "holder_id": str(COLLEAGUE)})

    assert ([c["id"] for c in out["items"]], out["total"]) == ([late["id"], due["id"]], 2)
    assert ([c["id"] for c in overdue["items"]], overdue["total"]) == ([late["id"]], 1)
    assert home["id"] not in {c["id"] for c in service.paper_copies(actor, {"out": True})["items"]}


def test_paper_copies_follow_their_documents_visibility(service, paper, make_document):
    original = paper()
    stranger = Actor(id=uuid.uuid4(), roles=["employee"])

    with pytest.raises(NotFound):
        service.list_paper_copies(stranger, original["document_id"])
    with pytest.raises(NotFound):
        service.add_paper_copy(stranger, original["document_id"], {"kind": "copy", "location": "Desk"})
    with pytest.raises(NotFound):
        service.move_paper_copy(stranger, original["id"], {"to_holder": str(stranger.id)})
    with pytest.raises(NotFound):
        service.move_paper_copy(stranger, str(uuid.uuid4()), {"to_location": "Desk"})
    assert service.paper_copies(stranger, {})["total"] == 0


@pytest.mark.parametrize("request_, field", [
    ({}, "to_holder"),
    ({"to_holder": str(COLLEAGUE), "to_location": "Desk"}, "to_holder"),
    ({"to_location": "Desk", "expected_return_on": "2030-01-01"}, "expected_return_on"),
    ({"to_holder": "someone"}, "to_holder"),
    ({"to_holder": str(COLLEAGUE), "expected_return_on": "soon"}, "expected_return_on"),
])
def test_bad_movements_are_named(service, paper, actor, request_, field):
    original = paper()

    with pytest.raises(InvalidInput) as raised:
        service.move_paper_copy(actor, original["id"], request_)

    assert field in raised.value.args[0]


def test_bad_copies_are_named_and_a_copy_is_not_handed_to_its_holder(service, paper, make_document, actor):
    document_id = str(make_document(register=False).id)
    for request_, field in (({"kind": "scan", "location": "Archive"}, "kind"), ({"kind": "copy"}, "location"),
                            ({"kind": "copy", "location": " "}, "location")):
        with pytest.raises(InvalidInput) as raised:
            service.add_paper_copy(actor, document_id, request_)
        assert field in raised.value.args[0]
    original = paper()
    service.move_paper_copy(actor, original["id"], {"to_holder": str(COLLEAGUE)})
    with pytest.raises(Conflict):
        service.move_paper_copy(actor, original["id"], {"to_holder": str(COLLEAGUE)})
