"""No lost updates for document cards, journals and milestones: a change from a stale version
is refused naming who changed what meanwhile (chancery_common.versions)."""
import uuid

import pytest

from chancery_common.actor import Actor
from chancery_common.errors import PreconditionFailed


def test_a_card_changed_meanwhile_is_not_overwritten(service, make_document, actor):
    document = make_document(register=False, title="Lease")
    document_id, version = str(document.id), document.version  # read before the calls end their transactions
    other = Actor(id=uuid.uuid4(), roles=["administrator"], full_name="Other Admin")
    assert version == 1

    saved = service.update_document(other, document_id, {"title": "Office lease", "amount": "10.00",
                                                               "currency": "EUR"}, expected_version=1)
    assert saved["version"] == 2

    with pytest.raises(PreconditionFailed) as refused:
        service.update_document(actor, document_id, {"title": "Warehouse lease"}, expected_version=1)

    details = refused.value.details
    assert (details["current_version"], details["changed_by"]) == (2, str(other.id))
    assert details["changes"] == {"title": "Office lease", "amount": "10.00", "currency": "EUR"}
    again = service.update_document(actor, document_id, {"title": "Warehouse lease"}, expected_version=[1, 2])
    assert (again["version"], again["amount"]) == (3, "10.00")  # the other's change was kept


def test_an_if_match_of_no_usable_version_is_refused(service, make_document, actor):
    document_id = str(make_document(register=False, title="Lease").id)

    with pytest.raises(PreconditionFailed) as refused:
        service.update_document(actor, document_id, {"title": "Other"}, expected_version=[])

    assert refused.value.details["current_version"] == 1 and refused.value.details["changes"] == {}
