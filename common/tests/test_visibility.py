"""Asking the owners of some records who may see them: in parallel, once each, an owner that
does not answer showing nothing."""
import uuid

import eventlet
import pytest

from chancery_common import visibility
from chancery_common.errors import InvalidInput, ServiceUnavailable, load

ACTOR = {"id": str(uuid.uuid4()), "roles": ["manager"]}


def test_each_owner_is_asked_once_about_its_records_and_the_owners_in_parallel():
    asked, running = [], []
    seen = str(uuid.uuid4())

    def owner(name, answer):
        def visible_ids(actor, query):
            asked.append((name, actor, sorted(query["ids"])))
            running.append(name)
            eventlet.sleep(0.05)  # both are asked before either answers
            assert len(running) == 2
            return {"ids": answer}
        return visible_ids

    records = {"documents": {seen, str(uuid.uuid4())}, "approvals": {str(uuid.uuid4())}, "paper": set()}
    answers = visibility.ask({"documents": owner("documents", [seen]), "approvals": owner("approvals", []),
                              "paper": owner("paper", [])}, ACTOR, records)

    visible, unavailable = answers()

    assert visible == {"documents": {seen}, "approvals": set(), "paper": set()}
    assert unavailable == []
    assert sorted(asked) == sorted([("documents", ACTOR, sorted(records["documents"])),
                                    ("approvals", ACTOR, sorted(records["approvals"]))])  # nothing to ask paper


def test_an_owner_that_does_not_answer_lets_nothing_of_its_records_be_seen():
    def down(actor, query):
        raise ServiceUnavailable("the approvals service is not running", {"service": "approvals"})

    visible, unavailable = visibility.ask({"approvals": down}, ACTOR, {"approvals": {str(uuid.uuid4())}})()

    assert visible == {"approvals": set()}
    assert unavailable == [{"service": "approvals", "reason": "the approvals service is not running"}]


def test_the_question_names_a_bad_id():
    with pytest.raises(InvalidInput) as refused:
        load(visibility.IdsSchema(), {"ids": ["nope"]})
    assert "ids" in refused.value.details


def test_more_ids_than_one_question_takes_are_asked_in_parts_each_within_the_bound(monkeypatch):
    monkeypatch.setattr(visibility, "MAX_IDS", 3)
    ids = sorted(str(uuid.uuid4()) for _ in range(7))
    sizes = []

    def visible_ids(actor, query):
        load(visibility.IdsSchema(), query)
        sizes.append(len(query["ids"]))
        return {"ids": [i for i in query["ids"] if i in ids[::2]]}

    visible, unavailable = visibility.ask({"documents": visible_ids}, ACTOR, {"documents": set(ids)})()
    assert sorted(sizes) == [1, 3, 3] and unavailable == []
    assert visible == {"documents": set(ids[::2])}
