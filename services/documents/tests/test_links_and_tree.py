"""Free "related to" links and the tree on the card: parents up to the root, children
recursively, related documents from both ends, and nothing the reader may not see."""
import uuid

import pytest
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.errors import Conflict, InvalidInput, NotFound
from documents import models


@pytest.fixture
def read_tree(service):
    """``read_tree(actor, document)``: the document's tree as the actor gets it."""
    return lambda reader, document: service.document_tree(reader, str(document.id))


def titles(nodes):
    return [(node["document"]["title"], titles(node["children"])) for node in nodes]


def test_a_link_shows_from_both_ends_with_its_note_and_is_audited(service, read_tree, make_document, actor, reader):
    contract, letter = make_document(register=False, title="Contract"), make_document(register=False, title="Letter")

    service.add_link(actor, str(contract.id), {"document_id": str(letter.id), "note": "the claim"})

    from_contract = read_tree(actor, contract)["related"]
    from_letter = read_tree(actor, letter)["related"]
    assert [(r["document"]["title"], r["note"], r["direction"]) for r in from_contract] == [
        ("Letter", "the claim", "outgoing")]
    assert [(r["document"]["title"], r["direction"]) for r in from_letter] == [("Contract", "incoming")]
    table = models.audit_log.table
    actions = reader(lambda s: s.scalars(select(table.c.action).where(
        table.c.record_id == contract.id, table.c.action == "linked")).all())
    assert actions == ["linked"]


def test_a_link_is_removed_from_either_end_once(service, read_tree, make_document, actor):
    one, other = make_document(register=False), make_document(register=False)
    one_id, other_id = str(one.id), str(other.id)
    service.add_link(actor, one_id, {"document_id": other_id})

    service.remove_link(actor, other_id, one_id)

    assert read_tree(actor, one)["related"] == []
    with pytest.raises(NotFound):
        service.remove_link(actor, one_id, other_id)


def test_bad_links_are_refused(service, make_document, actor):
    one, other = str(make_document(register=False).id), str(make_document(register=False).id)
    hidden = str(make_document(register=False, by=Actor(id=uuid.uuid4(), roles=["employee"])).id)
    service.add_link(actor, one, {"document_id": other})

    with pytest.raises(Conflict):
        service.add_link(actor, other, {"document_id": one})
    for target in (one, hidden, str(uuid.uuid4()), "nope"):
        with pytest.raises(InvalidInput) as raised:
            service.add_link(actor, one, {"document_id": target})
        assert "document_id" in raised.value.args[0]
    with pytest.raises(NotFound):
        service.add_link(actor, hidden, {"document_id": one})


def test_the_tree_has_the_parent_chain_and_the_children_recursively(service, read_tree, make_document, actor):
    contract = make_document(type_code="contract", register=False, title="Contract")
    annex = make_document(type_code="annex", register=False, title="Annex 1", parent_id=str(contract.id))
    act = make_document(register=False, title="Act", parent_id=str(annex.id))
    make_document(register=False, title="Invoice", parent_id=str(contract.id))

    of_contract = read_tree(actor, contract)
    of_act = read_tree(actor, act)

    assert of_contract["parents"] == []
    assert titles(of_contract["children"]) == [("Annex 1", [("Act", [])]), ("Invoice", [])]
    assert [p["title"] for p in of_act["parents"]] == ["Contract", "Annex 1"]
    assert of_act["children"] == []


def test_the_tree_leaves_out_what_the_reader_does_not_see(service, read_tree, make_document, actor):
    reader_of_some = Actor(id=uuid.uuid4(), roles=["employee"])
    root = make_document(register=False, title="Root")
    middle = make_document(register=False, title="Middle", parent_id=str(root.id),
                           responsible_id=str(reader_of_some.id))
    hidden_child = make_document(register=False, title="Hidden", parent_id=str(middle.id))
    make_document(register=False, title="Grandchild", parent_id=str(hidden_child.id),
                  responsible_id=str(reader_of_some.id))
    hidden_link = make_document(register=False, title="Hidden link")
    service.add_link(actor, str(middle.id), {"document_id": str(hidden_link.id)})

    tree = read_tree(reader_of_some, middle)

    assert tree["parents"] == []
    assert titles(tree["children"]) == [("Grandchild", [])]
    assert tree["related"] == []
    with pytest.raises(NotFound):
        read_tree(reader_of_some, root)
