"""Who sees which counterparties, contact persons and activities (docs/permissions.md).

The organisation: department A with sub-department A1, and department B. The head of A
sees A and A1; a manager sees their own department; directors, lawyers and
administrators see everything. An invisible record does not exist: NotFound by id, left
out of lists and totals.
"""
import uuid
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from nameko.testing.services import worker_factory

from chancery_common.envelope import Event
from chancery_common.errors import InvalidInput, NotFound, PermissionDenied
from counterparties import logic, relationship_history
from counterparties.service import CounterpartiesService


@pytest.fixture
def org(make_actor, make_counterparty, place, session, admin):
    """Departments, the people in them, a counterparty per person, and their records."""
    a, a1, b = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    people = {
        "head_a": make_actor("department_head", department_id=a, visible_department_ids=[a, a1]),
        "manager_a": make_actor("manager", department_id=a),
        "manager_a1": make_actor("manager", department_id=a1),
        "manager_b": make_actor("manager", department_id=b),
        "director": make_actor("director"),
        "lawyer": make_actor("lawyer"),
        "administrator": make_actor("administrator"),
    }
    for name, department in (("head_a", a), ("manager_a", a), ("manager_a1", a1), ("manager_b", b)):
        place(people[name], department)
    counterparties = {
        name: make_counterparty(by=people[name], name=f"Of {name} {uuid.uuid4().hex[:6]}")
        for name in ("head_a", "manager_a", "manager_a1", "manager_b")
    }
    # responsible employee the staff directory has not heard of
    counterparties["stranger"] = make_counterparty(by=admin, responsible_employee_id=str(uuid.uuid4()))
    with session.begin():
        persons = {name: logic.add_contact_person(session, counterparty_id=c.id, actor=admin,
                                                  data={"full_name": f"Person of {name}"})
                   for name, c in counterparties.items()}
        soon = datetime.now(timezone.utc) + timedelta(days=1)
        activities = {
            # on A's counterparty, but B's manager is responsible for it
            "a_for_b": logic.plan_activity(session, actor=admin, data={
                "counterparty_id": counterparties["manager_a"].id, "kind": "call", "subject": "For B",
                "planned_at": soon, "responsible_id": people["manager_b"].id}),
            "a_for_a": logic.plan_activity(session, actor=people["manager_a"], data={
                "counterparty_id": counterparties["manager_a"].id, "kind": "meeting", "subject": "Own",
                "planned_at": soon}),
        }
    return SimpleNamespace(departments={"a": a, "a1": a1, "b": b}, people=people,
                           counterparties=counterparties, persons=persons, activities=activities)


EVERYTHING = {"head_a", "manager_a", "manager_a1", "manager_b", "stranger"}
SEES = {
    "head_a": {"head_a", "manager_a", "manager_a1"},
    "manager_a": {"head_a", "manager_a"},
    "manager_a1": {"manager_a1"},
    "manager_b": {"manager_b"},
    "director": EVERYTHING,
    "lawyer": EVERYTHING,
    "administrator": EVERYTHING,
}


def visible_names(session, org, actor, **query):
    names = {c.id: name for name, c in org.counterparties.items()}
    with session.begin():
        items, total = logic.list_counterparties(session, actor=actor, ids=list(names), **query)
    return {names[c.id] for c in items}, total


@pytest.mark.parametrize("who", sorted(SEES))
def test_each_role_sees_its_counterparties_in_lists_and_totals(session, org, who):
    seen, total = visible_names(session, org, org.people[who])

    assert seen == SEES[who]
    assert total == len(SEES[who])
    _, paged_total = visible_names(session, org, org.people[who], limit=1)
    assert paged_total == len(SEES[who])


@pytest.mark.parametrize("who", sorted(SEES))
def test_an_invisible_counterparty_is_not_found_by_its_id(session, org, who, owners_seeing):
    actor = org.people[who]
    for name, counterparty in org.counterparties.items():
        with session.begin():
            if name in SEES[who]:
                assert logic.get_counterparty(session, counterparty_id=counterparty.id, actor=actor)
                assert relationship_history.history(session, counterparty_id=counterparty.id, actor=actor,
                                             ask_owners=owners_seeing())[1] >= 1
                assert len(logic.list_contact_persons(session, counterparty_id=counterparty.id, actor=actor)) == 1
            else:
                with pytest.raises(NotFound):
                    logic.get_counterparty(session, counterparty_id=counterparty.id, actor=actor)
                with pytest.raises(NotFound):
                    relationship_history.history(session, counterparty_id=counterparty.id, actor=actor,
                                             ask_owners=owners_seeing())
                with pytest.raises(NotFound):
                    logic.list_contact_persons(session, counterparty_id=counterparty.id, actor=actor)
                with pytest.raises(NotFound):
                    logic.get_contact_person(session, contact_person_id=org.persons[name].id, actor=actor)


def test_an_unknown_id_and_an_invisible_one_answer_alike(session, org):
    manager_b = org.people["manager_b"]
    with pytest.raises(NotFound) as invisible, session.begin():
        logic.get_counterparty(session, counterparty_id=org.counterparties["manager_a"].id, actor=manager_b)
    unknown_id = uuid.uuid4()
    with pytest.raises(NotFound) as unknown, session.begin():
        logic.get_counterparty(session, counterparty_id=unknown_id, actor=manager_b)

    assert str(invisible.value) == f"counterparty {org.counterparties['manager_a'].id} not found"
    assert str(unknown.value) == f"counterparty {unknown_id} not found"


def test_writes_to_an_invisible_counterparty_are_not_found(session, org):
    manager_b, theirs = org.people["manager_b"], org.counterparties["manager_a"]
    person = org.persons["manager_a"]
    attempts = [
        lambda: logic.update_counterparty(session, counterparty_id=theirs.id, changes={"name": "X"},
                                          actor=manager_b),
        lambda: logic.add_contact_person(session, counterparty_id=theirs.id, data={"full_name": "X"},
                                         actor=manager_b),
        lambda: logic.update_contact_person(session, contact_person_id=person.id,
                                            changes={"position": "X"}, actor=manager_b),
        lambda: logic.record_consent(session, contact_person_id=person.id, given=True, method="verbal",
                                     actor=manager_b),
        lambda: logic.export_contact_person(session, contact_person_id=person.id, actor=manager_b),
        lambda: logic.plan_activity(session, actor=manager_b, data={
            "counterparty_id": theirs.id, "kind": "call", "subject": "X",
            "planned_at": datetime.now(timezone.utc)}),
        lambda: logic.complete_activity(session, activity_id=org.activities["a_for_a"].id, status="done",
                                        result="X", next_step=None, follow_up=None, actor=manager_b),
    ]
    for attempt in attempts:
        with pytest.raises(NotFound), session.begin():
            attempt()


def test_a_duplicate_the_actor_may_not_see_is_counted_not_shown(session, org):
    theirs = org.counterparties["manager_a"]

    with session.begin():
        items, hidden = logic.find_duplicates(session, data={"name": theirs.name}, actor=org.people["manager_b"])
    assert (items, hidden) == ([], 1)
    with session.begin():
        items, hidden = logic.find_duplicates(session, data={"name": theirs.name}, actor=org.people["head_a"])
    assert ([c.id for c in items], hidden) == ([theirs.id], 0)


def test_a_duplicate_nobody_is_responsible_for_is_counted_too(session, make_counterparty, update, make_actor, admin):
    orphan = make_counterparty(by=admin)
    update(orphan, by=admin, responsible_employee_id=None)

    with session.begin():
        assert logic.find_duplicates(session, data={"name": orphan.name}, actor=make_actor("manager")) == ([], 1)


# activities: whoever sees the counterparty, and the responsible employee -----------------

def visible_activities(session, org, actor, **query):
    names = {a.id: name for name, a in org.activities.items()}
    ids = set()
    for counterparty in org.counterparties.values():
        with session.begin():
            items, total = logic.list_activities(session, actor=actor, counterparty_id=counterparty.id, **query)
        assert total == len(items)
        ids |= {a.id for a in items}
    return {names[i] for i in ids if i in names}


def test_the_responsible_employee_sees_an_activity_on_a_counterparty_they_do_not_see(session, org):
    manager_b = org.people["manager_b"]
    activity = org.activities["a_for_b"]

    assert visible_activities(session, org, manager_b) == {"a_for_b"}
    with session.begin():
        assert logic.get_activity(session, activity_id=activity.id, actor=manager_b).id == activity.id
        agenda, total = logic.list_activities(session, actor=manager_b, responsible_id=manager_b.id,
                                              status="planned")
    assert [a.id for a in agenda] == [activity.id] and total == 1
    with pytest.raises(NotFound), session.begin():
        logic.get_counterparty(session, counterparty_id=activity.counterparty_id, actor=manager_b)
    # and may record its result
    with session.begin():
        done, _ = logic.complete_activity(session, activity_id=activity.id, status="done", result="Called",
                                          next_step=None, follow_up=None, actor=manager_b)
    assert done.status == "done"


@pytest.mark.parametrize("who, expected", [
    ("manager_a", {"a_for_b", "a_for_a"}), ("head_a", {"a_for_b", "a_for_a"}),
    ("manager_a1", set()), ("director", {"a_for_b", "a_for_a"}),
])
def test_activities_follow_their_counterparty(session, org, who, expected):
    assert visible_activities(session, org, org.people[who]) == expected
    for name, activity in org.activities.items():
        if name not in expected:
            with pytest.raises(NotFound), session.begin():
                logic.get_activity(session, activity_id=activity.id, actor=org.people[who])


def plan_for(session, org, planner, responsible, counterparty="manager_a1"):
    with session.begin():
        return logic.plan_activity(session, actor=org.people[planner], data={
            "counterparty_id": org.counterparties[counterparty].id, "kind": "task", "subject": "Delegated",
            "planned_at": datetime.now(timezone.utc), "responsible_id": org.people[responsible].id})


def test_heads_plan_for_their_departments_directors_and_administrators_for_anyone(session, org):
    assert plan_for(session, org, "head_a", "manager_a1").responsible_id == org.people["manager_a1"].id
    assert plan_for(session, org, "director", "manager_b").responsible_id == org.people["manager_b"].id
    assert plan_for(session, org, "administrator", "manager_b").scheduled_by == org.people["administrator"].id


def test_others_may_not_plan_for_someone_else(session, org):
    with pytest.raises(PermissionDenied, match="works elsewhere"):
        plan_for(session, org, "head_a", "manager_b")
    with pytest.raises(PermissionDenied, match="department heads"):
        plan_for(session, org, "manager_a", "head_a", counterparty="manager_a")
    with pytest.raises(PermissionDenied):
        plan_for(session, org, "lawyer", "manager_a")


def test_a_follow_up_stays_with_the_responsible_employee(session, org):
    manager_a = org.people["manager_a"]
    # manager_a sees the activity (its counterparty is theirs) but B's manager is responsible
    with session.begin():
        _, following = logic.complete_activity(
            session, activity_id=org.activities["a_for_b"].id, status="done", result="Talked",
            next_step=None, actor=manager_a, follow_up={
                "kind": None, "subject": "Again", "description": None,
                "planned_at": datetime.now(timezone.utc) + timedelta(days=2)})
    assert following.responsible_id == org.people["manager_b"].id


# the staff directory follows the staff service's events ----------------------------------

def staff_event(event_type, employee_id, department_id, occurred_at=None, **payload):
    return Event(type=event_type, producer="staff", occurred_at=occurred_at or datetime.now(timezone.utc),
                 payload={"employee_id": str(employee_id),
                          "department_id": str(department_id) if department_id else None,
                          "roles": ["manager"], **payload}).to_message()


def test_visibility_follows_employees_between_departments(session, make_actor, make_counterparty):
    service = worker_factory(CounterpartiesService, db=session)
    north, south = uuid.uuid4(), uuid.uuid4()
    seller = make_actor("manager", department_id=north)
    head_of_north = make_actor("department_head", department_id=north)
    counterparty = make_counterparty(by=seller)

    def seen_by_head():
        with session.begin():
            return logic.list_counterparties(session, actor=head_of_north, ids=[counterparty.id])[1] == 1

    assert not seen_by_head()  # the directory has not heard of the seller yet
    service.on_employee_created(staff_event("employee.created", seller.id, north,
                                            full_name="Seller", email="s@example.test"))
    assert seen_by_head()
    moved_at = datetime.now(timezone.utc)
    service.on_employee_updated(staff_event("employee.updated", seller.id, south, occurred_at=moved_at,
                                            is_active=True, changes={}))
    assert not seen_by_head()
    # an older event delivered late does not move them back
    service.on_employee_updated(staff_event("employee.updated", seller.id, north,
                                            occurred_at=moved_at - timedelta(minutes=5),
                                            is_active=True, changes={}))
    assert not seen_by_head()


# explain: the same rules, in words ------------------------------------------------------------

def explain(session, admin, employee, record_type, record_id):
    with session.begin():
        return logic.explain_access(session, employee=employee, record_type=record_type,
                                    record_id=record_id, actor=admin)


def test_explain_names_the_rule(session, org, admin):
    people, counterparties = org.people, org.counterparties

    assert explain(session, admin, people["director"], "counterparty", counterparties["manager_b"].id) == {
        "visible": True, "reasons": ["directors see every counterparty"]}
    assert explain(session, admin, people["manager_b"], "counterparty", counterparties["manager_b"].id) == {
        "visible": True, "reasons": ["responsible employee of the counterparty"]}
    head = explain(session, admin, people["head_a"], "counterparty", counterparties["manager_a1"].id)
    assert head == {"visible": True, "reasons": [
        f"the responsible employee works in department {org.departments['a1']}, "
        "which is one the employee heads or that lies inside one they head"]}
    denied = explain(session, admin, people["manager_b"], "counterparty", counterparties["manager_a"].id)
    assert denied["visible"] is False
    assert "outside the employee's" in denied["reasons"][-1]
    stranger = explain(session, admin, people["manager_a"], "counterparty", counterparties["stranger"].id)
    assert stranger["reasons"][-1] == ("not responsible, and the responsible employee is in no "
                                       "department known here")
    activity = explain(session, admin, people["manager_b"], "activity", org.activities["a_for_b"].id)
    assert activity["visible"] and activity["reasons"][0] == "responsible employee of the activity"


def test_explain_is_for_administrators_and_known_records(session, org, admin):
    with pytest.raises(PermissionDenied), session.begin():
        logic.explain_access(session, employee=org.people["manager_a"], record_type="counterparty",
                             record_id=org.counterparties["manager_a"].id, actor=org.people["director"])
    with pytest.raises(NotFound):
        explain(session, admin, org.people["manager_a"], "activity", uuid.uuid4())


def test_explain_agrees_with_the_lists_for_every_actor_and_record(session, org, admin):
    records = [("counterparty", c.id) for c in org.counterparties.values()]
    records += [("contact_person", p.id) for p in org.persons.values()]
    records += [("activity", a.id) for a in org.activities.values()]
    for employee in org.people.values():
        with session.begin():
            counterparties = {c.id for c in logic.list_counterparties(
                session, actor=employee, ids=[i for kind, i in records if kind == "counterparty"])[0]}
            persons = {p.id for c in counterparties
                       for p in logic.list_contact_persons(session, counterparty_id=c, actor=employee)}
            activities = {a.id for a in logic.list_activities(session, actor=employee, limit=500)[0]}
        listed = counterparties | persons | activities
        for record_type, record_id in records:
            verdict = explain(session, admin, employee, record_type, record_id)
            assert verdict["visible"] == (record_id in listed), (employee.roles, record_type, verdict)
            assert verdict["reasons"]


def test_explain_through_the_service_validates_its_input(session, org, admin):
    service = worker_factory(CounterpartiesService, db=session)
    as_dict = {"id": str(org.people["manager_a"].id), "roles": ["manager"],
               "department_id": str(org.departments["a"]), "visible_department_ids": [str(org.departments["a"])]}
    admin_dict = {"id": str(admin.id), "roles": ["administrator"]}

    verdict = service.explain_access(admin_dict, as_dict, "counterparty", str(org.counterparties["head_a"].id))
    assert verdict["visible"] is True
    with pytest.raises(InvalidInput) as bad:
        service.explain_access(admin_dict, as_dict, "document", "nope")
    assert set(bad.value.details) == {"record_type", "record_id"}
