"""No lost updates, through the gateway with two API clients: both read a card, the first
changes it with If-Match, the second's change from the old version is refused (412 naming who
changed what meanwhile) and succeeds after reading the card again."""
import pytest

pytestmark = pytest.mark.system


@pytest.fixture
def two_editors(employee):
    """Two administrators, each with a signed-in client of their own."""
    (alice, alice_api), (boris, boris_api) = (employee("Alice Editor", roles=["administrator"]),
                                              employee("Boris Editor", roles=["administrator"]))
    return (alice, alice_api), (boris, boris_api)


def lost_update_is_refused(path, first_change, second_change, two_editors):
    """The two-client walk on one record's path; returns the 412 problem."""
    (alice, alice_api), (boris, boris_api) = two_editors
    read_by_alice, read_by_boris = alice_api.get(path), boris_api.get(path)
    assert read_by_alice.status_code == read_by_boris.status_code == 200, read_by_alice.text
    tag = read_by_alice.headers["ETag"]
    assert tag == read_by_boris.headers["ETag"] == f'"{read_by_alice.json()["version"]}"'

    saved = alice_api.patch(path, json=first_change, headers={"If-Match": tag})
    assert saved.status_code == 200, saved.text
    new_tag = saved.headers["ETag"]
    assert new_tag == f'"{int(tag.strip(chr(34))) + 1}"' == f'"{saved.json()["version"]}"'

    stale = boris_api.patch(path, json=second_change, headers={"If-Match": tag})
    assert stale.status_code == 412, stale.text
    assert stale.headers["Content-Type"].startswith("application/problem+json")
    problem = stale.json()
    assert problem["type"].endswith("/api/v1/problems/precondition-failed")
    assert problem["changed_by"] == {"id": alice["id"], "name": "Alice Editor"}
    assert "Alice Editor" in problem["detail"]
    assert problem["current_version"] == saved.json()["version"] and stale.headers["ETag"] == new_tag
    for field, value in first_change.items():
        assert problem["changes"][field] == value
    assert alice_api.get(path).json() | first_change == alice_api.get(path).json()  # Boris wrote nothing

    again = boris_api.get(path)
    assert again.headers["ETag"] == new_tag
    retried = boris_api.patch(path, json=second_change, headers={"If-Match": again.headers["ETag"]})
    assert retried.status_code == 200, retried.text
    assert retried.json() | second_change == retried.json()
    assert retried.headers["ETag"] == f'"{saved.json()["version"] + 1}"'
    return problem


def test_a_counterparty_changed_meanwhile_is_not_overwritten(admin, two_editors, unique):
    counterparty = admin.post("/counterparties/", json={"name": f"Romashka {unique}"}).json()

    lost_update_is_refused(f"/counterparties/{counterparty['id']}", {"phone": "+7 495 111-11-11"},
                           {"phone": "+7 495 222-22-22", "notes": "Boris's"}, two_editors)


def test_a_document_changed_meanwhile_is_not_overwritten(admin, two_editors, unique):
    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
    document = admin.post("/documents/", json={"type_id": contract["id"], "title": f"Supply {unique}"}).json()

    lost_update_is_refused(f"/documents/{document['id']}", {"title": f"Supply of steel {unique}"},
                           {"title": f"Supply of cement {unique}"}, two_editors)


def test_an_employee_changed_meanwhile_is_not_overwritten(admin, two_editors, unique):
    someone = admin.post("/employees/", json={"full_name": "Clara Clerk", "email": f"clara.{unique}@test.chancery",
                                              "roles": ["employee"]}).json()

    lost_update_is_refused(f"/employees/{someone['id']}", {"position": "Senior clerk"},
                           {"position": "Chief clerk", "phone": "+7 900 000-00-00"}, two_editors)


def test_without_if_match_a_change_is_made_and_a_malformed_one_changes_nothing(admin, unique):
    counterparty = admin.post("/counterparties/", json={"name": f"Vasilek {unique}"}).json()
    path = f"/counterparties/{counterparty['id']}"

    malformed = admin.patch(path, json={"phone": "1"}, headers={"If-Match": "1"})
    assert malformed.status_code == 400 and "If-Match" in malformed.json()["errors"]["headers"]
    weak = admin.patch(path, json={"phone": "1"}, headers={"If-Match": 'W/"1"'})
    assert weak.status_code == 412
    assert admin.get(path).json()["phone"] is None

    plain = admin.patch(path, json={"phone": "2"})
    assert plain.status_code == 200 and plain.headers["ETag"] == '"2"'
    assert admin.patch(path, json={"phone": "3"}, headers={"If-Match": '"1", "2"'}).status_code == 200


def test_list_items_carry_their_version(admin, unique):
    made = admin.post("/counterparties/", json={"name": f"Listed {unique}"}).json()

    [item] = admin.get("/counterparties/", params={"search": f"Listed {unique}"}).json()["items"]

    assert item["id"] == made["id"] and item["version"] == 1
    department = admin.post("/departments/", json={"name": f"Listed {unique}"}).json()
    changed = admin.patch(f"/departments/{department['id']}", json={"name": f"Listed again {unique}"},
                          headers={"If-Match": '"1"'})
    assert changed.status_code == 200 and changed.headers["ETag"] == '"2"'
    [listed] = [d for d in admin.get("/departments/").json()["items"] if d["id"] == department["id"]]
    assert listed["version"] == 2
    assert admin.patch(f"/departments/{department['id']}", json={"name": f"Listed once more {unique}"},
                       headers={"If-Match": '"1"'}).status_code == 412
