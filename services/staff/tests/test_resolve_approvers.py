"""resolve_approvers: approver specs of an approval route to the people who act today."""
import uuid
from datetime import date, timedelta

import pytest

from staff import models, organisation
from staff.schemas import ResolveApproversSchema

TODAY = date(2026, 12, 2)


@pytest.fixture
def org(session, make_employee):
    """Two legal entities; sales (head: Helen) and legal (head: Lev) in the first, a branch in the second."""
    with session.begin():
        first, second = models.LegalEntity(name=f"First {uuid.uuid4().hex[:6]}"), \
            models.LegalEntity(name=f"Second {uuid.uuid4().hex[:6]}")
        session.add_all([first, second])
        session.flush()
        sales, legal, branch = (models.Department(name=f"{n} {uuid.uuid4().hex[:6]}", legal_entity_id=e.id)
                                for n, e in (("Sales", first), ("Legal", first), ("Branch", second)))
        session.add_all([sales, legal, branch])
        session.flush()
        ids = {"first": first.id, "second": second.id, "sales": sales.id, "legal": legal.id, "branch": branch.id}
    post = f"Sales manager {uuid.uuid4().hex[:6]}"  # the module's tests share one database
    ids["post"] = post
    people = {
        "helen": make_employee(full_name="Helen Head", department_id=ids["sales"], roles=["department_head"]),
        "lev": make_employee(full_name="Lev Lawyer", department_id=ids["legal"], roles=["lawyer"],
                             position="Chief lawyer"),
        "lena": make_employee(full_name="Lena Lawyer", department_id=ids["legal"], roles=["lawyer"]),
        "bora": make_employee(full_name="Bora Branch", department_id=ids["branch"], roles=["lawyer"]),
        "sam": make_employee(full_name="Sam Seller", department_id=ids["sales"], roles=["manager"],
                             position=post),
        "ola": make_employee(full_name="Ola Seller", department_id=ids["sales"], roles=["manager"],
                             position=post.lower()),
        "dima": make_employee(full_name="Dima Deputy", department_id=ids["sales"], roles=["manager"]),
        "admin": make_employee(full_name="Ada Admin", roles=["administrator"]),
    }
    with session.begin():
        session.get(models.Department, ids["sales"]).head_id = people["helen"].id
        session.get(models.Department, ids["legal"]).head_id = people["lev"].id
    return ids, people


def resolve(session, specs, **context):
    data = ResolveApproversSchema().load({"specs": specs, "context": {"on": TODAY.isoformat(), **context}})
    with session.begin():
        return organisation.resolve_approvers(session, specs=data["specs"], context=data["context"])


def names(result, people):
    by_id = {str(p.id): name for name, p in people.items()}
    return [[(by_id[p["employee_id"]], by_id.get(p["on_behalf_of"])) for p in found] for found in result["approvers"]]


def test_each_kind_of_approver(session, org):
    ids, people = org
    result = resolve(session, [
        {"kind": "employee", "employee_id": str(people["lena"].id)},
        {"kind": "position", "position": ids["post"]},
        {"kind": "role", "role": "lawyer", "scope": "legal_entity"},
        {"kind": "role", "role": "manager", "scope": "department"},
        {"kind": "department_head"},
        {"kind": "initiator_head"},
        {"kind": "responsible"},
    ], department_id=str(ids["sales"]), legal_entity_id=str(ids["first"]), initiator_id=str(people["lena"].id),
        responsible_id=str(people["sam"].id))

    assert names(result, people) == [
        [("lena", None)],
        [("ola", None), ("sam", None)],            # both holders of the position, case aside
        [("lena", None), ("lev", None)],           # lawyers of the first legal entity only
        [("dima", None), ("ola", None), ("sam", None)],
        [("helen", None)],                          # head of the document's department
        [("lev", None)],                            # head of the initiator's department
        [("sam", None)],
    ]
    assert str(people["admin"].id) in result["administrator_ids"]
    # escalations reach the approver's department head
    assert result["approvers"][1][0]["head_id"] == str(people["helen"].id)
    assert result["approvers"][1][0]["department_id"] == str(ids["sales"])


def test_an_absent_approver_is_replaced_by_their_deputy_on_behalf_of_them(session, org):
    ids, people = org
    with session.begin():
        session.add(models.Absence(employee_id=people["sam"].id, deputy_id=people["dima"].id,
                                   starts_on=TODAY - timedelta(days=1), ends_on=TODAY + timedelta(days=3),
                                   created_by=people["admin"].id))

    result = resolve(session, [{"kind": "employee", "employee_id": str(people["sam"].id)},
                               {"kind": "position", "position": ids["post"].upper()}])

    assert names(result, people) == [[("dima", "sam")], [("ola", None), ("dima", "sam")]]
    with session.begin():
        assert organisation.standing_in_for(session, employee_id=people["dima"].id, on=TODAY) == [
            str(people["sam"].id)]
        assert organisation.standing_in_for(session, employee_id=people["dima"].id,
                                            on=TODAY + timedelta(days=10)) == []


def test_a_dismissed_approver_is_replaced_by_their_department_head(session, org):
    ids, people = org
    with session.begin():
        session.get(models.Employee, people["ola"].id).is_active = False

    result = resolve(session, [{"kind": "employee", "employee_id": str(people["ola"].id)},
                               {"kind": "position", "position": ids["post"].upper()}])

    # named: the head acts for them; a position: only its active holders
    assert names(result, people) == [[("helen", "ola")], [("sam", None)]]


def test_nobody_when_no_one_holds_it(session, org):
    ids, people = org
    result = resolve(session, [{"kind": "position", "position": "Astronaut"},
                               {"kind": "role", "role": "lawyer", "scope": "legal_entity"},
                               {"kind": "responsible"}])
    assert result["approvers"] == [[], [], []]
