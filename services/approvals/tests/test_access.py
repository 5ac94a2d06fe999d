"""Who sees which approval: in lists and their totals, by direct id, in the answer to "why";
and who may configure routes."""
import uuid

import pytest
from nameko.testing.services import worker_factory
from sqlalchemy import func, select

from chancery_common.actor import Actor
from chancery_common.errors import InvalidInput, NotFound, PermissionDenied
from approvals import logic, models, routes
from approvals.service import ApprovalsService

ROLES = ("administrator", "director", "lawyer", "accountant", "manager", "employee")


def person(*roles, permissions=()):
    return Actor(id=uuid.uuid4(), roles=list(roles), permissions=list(permissions))


def as_argument(actor):
    """The actor as the gateway sends it over the bus."""
    return {"id": str(actor.id), "roles": actor.roles, "permissions": actor.permissions}


@pytest.fixture
def service(session):
    return worker_factory(ApprovalsService, db=session)


@pytest.fixture
def office(start):
    """Two approvals of one counterparty and the people around them; each role of ROLES has
    one holder who takes part in neither."""
    counterparty_id = uuid.uuid4()
    people = {role: person(role) for role in ROLES}
    people.update(initiator=person("manager"), first=person("lawyer"), second=person("accountant"),
                  other=person("employee"))
    made = {
        # the second stage's approver is waiting for their turn, and already sees it
        "contract": start([people["first"]], [people["second"]], by=people["initiator"],
                          counterparty_id=counterparty_id),
        "letter": start([people["other"]], by=people["first"], counterparty_id=counterparty_id),
    }
    return counterparty_id, people, {name: approval.id for name, approval in made.items()}


EXPECTED = {
    "administrator": {"contract", "letter"},
    "director": {"contract", "letter"},
    "lawyer": set(), "accountant": set(), "manager": set(), "employee": set(),
    "initiator": {"contract"},
    "first": {"contract", "letter"},
    "second": {"contract"},
    "other": {"letter"},
}


def visible_ids(session, actor, counterparty_id):
    with session.begin():
        items, total = logic.list_approvals(session, actor=actor, counterparty_id=counterparty_id)
    assert total == len(items)
    return {approval.id for approval in items}


@pytest.mark.parametrize("who", list(EXPECTED))
def test_each_sees_exactly_the_approvals_the_rules_give_them(session, office, who):
    counterparty_id, people, ids = office

    assert visible_ids(session, people[who], counterparty_id) == {ids[name] for name in EXPECTED[who]}


@pytest.mark.parametrize("who", list(EXPECTED))
def test_an_approval_one_may_not_see_is_not_found_by_its_id(session, office, who):
    _, people, ids = office

    for name, approval_id in ids.items():
        if name in EXPECTED[who]:
            with session.begin():
                assert logic.get_approval(session, approval_id=approval_id, actor=people[who]).id == approval_id
        else:
            with pytest.raises(NotFound), session.begin():
                logic.get_approval(session, approval_id=approval_id, actor=people[who])


def test_totals_count_only_what_is_visible_across_pages(session, office):
    counterparty_id, people, _ = office

    with session.begin():
        page, total = logic.list_approvals(session, actor=people["first"], counterparty_id=counterparty_id, limit=1)

    assert (len(page), total) == (1, 2)


def test_withdrawing_what_one_may_not_see_is_not_found_and_what_one_sees_is_the_initiators(session, office):
    _, people, ids = office

    with pytest.raises(NotFound), session.begin():
        logic.withdraw(session, approval_id=ids["contract"], reason=None, actor=people["other"])
    with pytest.raises(PermissionDenied), session.begin():
        logic.withdraw(session, approval_id=ids["contract"], reason=None, actor=people["second"])


def test_explaining_access_agrees_with_the_lists_for_everyone_and_every_approval(session, office):
    counterparty_id, people, ids = office

    for who, actor in people.items():
        listed = visible_ids(session, actor, counterparty_id)
        for name, approval_id in ids.items():
            with session.begin():
                explained = logic.explain_access(session, asked_by=people["administrator"], actor=actor,
                                                 record_id=approval_id)
            assert explained["visible"] == (approval_id in listed), (who, name)
            assert explained["reasons"] and all(r.endswith(".") for r in explained["reasons"]), (who, name)


@pytest.mark.parametrize("who, reason", [
    ("administrator", "They are an administrator, and administrators see every approval."),
    ("director", "They are a director, and directors see every approval."),
    ("initiator", "They initiated the approval."),
    ("second", "They are an approver in it (Stage 2)."),
])
def test_the_explanation_names_the_rule_that_applied(session, office, who, reason):
    _, people, ids = office

    with session.begin():
        explained = logic.explain_access(session, asked_by=people["administrator"], actor=people[who],
                                         record_id=ids["contract"])

    assert reason in explained["reasons"]


def test_only_administrators_ask_why_about_approvals_that_exist(session, office, service):
    _, people, ids = office

    with pytest.raises(PermissionDenied), session.begin():
        logic.explain_access(session, asked_by=people["director"], actor=people["lawyer"], record_id=ids["letter"])
    with pytest.raises(NotFound), session.begin():
        logic.explain_access(session, asked_by=people["administrator"], actor=people["lawyer"],
                             record_id=uuid.uuid4())
    with pytest.raises(InvalidInput) as refused:
        service.explain_access(as_argument(people["administrator"]), as_argument(people["lawyer"]),
                               "document", str(ids["letter"]))
    assert set(refused.value.details) == {"record_type"}


def test_my_tasks_come_with_their_approvals(service, office):
    _, people, ids = office

    answer = service.list_my_tasks(as_argument(people["first"]))

    assert {item["approval"]["id"] for item in answer["items"]} == {str(ids["contract"])}


# Routes: configured by those whose roles allow it.

def routes_of(session, document_type_id):
    with session.begin():
        return session.scalar(select(func.count()).select_from(models.Route)
                              .where(models.Route.document_type_id == document_type_id))


def test_saving_a_route_needs_configure_routes_and_leaves_nothing_when_refused(session):
    document_type_id = uuid.uuid4()
    stages = [{"name": "Legal", "approver_ids": [uuid.uuid4()], "completion": "all", "deadline_hours": 24}]

    with pytest.raises(PermissionDenied) as refused, session.begin():
        routes.save_route(session, document_type_id=document_type_id, name="Contracts", stages=stages,
                         actor=person("manager"))

    assert refused.value.message == "your roles do not allow configuring approval routes"
    assert routes_of(session, document_type_id) == 0
    with session.begin():
        routes.save_route(session, document_type_id=document_type_id, name="Contracts", stages=stages,
                         actor=person("lawyer", permissions=["configure_routes"]))
    assert routes_of(session, document_type_id) == 1


@pytest.mark.parametrize("who", list(EXPECTED))
def test_asked_which_of_some_approvals_one_may_see_the_answer_follows_the_same_rules(session, office, service,
                                                                                    who):
    """``visible_ids``: the counterparties service asks it to filter a relationship history."""
    _, people, ids = office

    answer = service.visible_ids(as_argument(people[who]), {"ids": [str(i) for i in [*ids.values(), uuid.uuid4()]]})
    session.rollback()

    assert sorted(answer["ids"]) == sorted(str(ids[name]) for name in EXPECTED[who])


@pytest.mark.parametrize("who", list(EXPECTED))
def test_the_views_part_lists_the_approvals_and_says_which_of_the_counterpartys_one_sees(
        session, office, service, who):
    """``overview_part``: the unified view's approvals, and which of the counterparty's approvals
    the reader sees (the gateway keeps the history's entries of those: compose/history.py)."""
    counterparty_id, people, ids = office
    reader = as_argument(people[who])

    part = service.overview_part(reader, str(counterparty_id))
    session.rollback()
    listed = service.list_approvals(reader, {"counterparty_id": str(counterparty_id), "limit": 50})
    session.rollback()

    assert part["approvals"] == listed
    seen = part["records_seen"]
    assert sorted(seen["visible"]) == sorted(str(ids[name]) for name in EXPECTED[who])
    assert sorted(seen["hidden"]) == sorted(str(ids[name]) for name in set(ids) - EXPECTED[who])
    assert seen["complete"] is True


def test_asking_which_approvals_names_a_missing_list(service):
    with pytest.raises(InvalidInput) as refused:
        service.visible_ids({"id": str(uuid.uuid4()), "roles": ["manager"]}, {})
    assert "ids" in refused.value.details
