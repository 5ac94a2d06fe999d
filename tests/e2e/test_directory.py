"""The counterparty directory through the API: reference books, search and filters, saved filters."""
import pytest

pytestmark = pytest.mark.system


def test_reference_books_rename_merge_and_refuse_to_delete_a_value_in_use(admin, employee, unique):
    _, clerk = employee("Plain Clerk")
    refused = clerk.post("/reference-books/region/", json={"name": f"Ural {unique}"})
    assert refused.status_code == 403, refused.text
    assert admin.get("/reference-books/planet/").status_code == 404

    ural = admin.post("/reference-books/region/", json={"name": f"Ural {unique}"})
    assert ural.status_code == 201, ural.text
    ural = ural.json()
    assert admin.post("/reference-books/region/", json={"name": f"URAL {unique}"}).status_code == 409
    typo = admin.post("/reference-books/region/", json={"name": f"Urla {unique}"}).json()

    counterparty = admin.post("/counterparties/", json={"name": f"Uralmash {unique}", "region_id": typo["id"]})
    assert counterparty.status_code == 201, counterparty.text
    assert counterparty.json()["region_id"] == typo["id"]
    wrong_book = admin.post("/reference-books/group/", json={"name": f"Key clients {unique}"}).json()
    bad = admin.post("/counterparties/", json={"name": f"Other {unique}", "region_id": wrong_book["id"]})
    assert bad.status_code == 422 and "region_id" in bad.text

    in_use = admin.request("DELETE", f"/reference-books/region/{typo['id']}")
    assert in_use.status_code == 409 and "used by 1 counterparties" in in_use.text

    renamed = admin.patch(f"/reference-books/region/{ural['id']}", json={"name": f"Urals {unique}"})
    assert renamed.status_code == 200 and renamed.json()["name"] == f"Urals {unique}"

    merged = admin.post(f"/reference-books/region/{typo['id']}/merge", json={"into_id": ural["id"]})
    assert merged.status_code == 200, merged.text
    assert (merged.json()["id"], merged.json()["counterparty_count"]) == (ural["id"], 1)
    assert admin.get(f"/counterparties/{counterparty.json()['id']}").json()["region_id"] == ural["id"]
    listed = admin.get("/reference-books/region/").json()["items"]
    assert typo["id"] not in [v["id"] for v in listed]
    assert admin.request("DELETE", f"/reference-books/group/{wrong_book['id']}").status_code == 204


def test_searching_and_filtering_shows_only_what_one_may_see(admin, employee, unique):
    manager, manager_api = employee("Filter Manager", roles=["manager"])
    group = admin.post("/reference-books/group/", json={"name": f"Partners {unique}"}).json()
    other_group = admin.post("/reference-books/group/", json={"name": f"Suppliers {unique}"}).json()
    for name, group_id, responsible in ((f"Alfa {unique}", group["id"], manager["id"]),
                                        (f"Beta {unique}", other_group["id"], manager["id"]),
                                        (f"Gamma {unique}", group["id"], admin.employee["id"])):
        made = admin.post("/counterparties/", json={"name": name, "group_id": group_id,
                                                    "responsible_employee_id": responsible})
        assert made.status_code == 201, made.text

    mine = manager_api.get("/counterparties/", params={"search": unique, "group_id": group["id"]}).json()
    assert ([c["name"] for c in mine["items"]], mine["total"]) == ([f"Alfa {unique}"], 1)
    both = admin.get("/counterparties/", params={"search": unique, "group_id": [group["id"], other_group["id"]],
                                                 "sort": "-name", "limit": 2}).json()
    assert ([c["name"] for c in both["items"]], both["total"]) == ([f"Gamma {unique}", f"Beta {unique}"], 3)
    assert admin.get("/counterparties/", params={"sort": "tax_id"}).status_code == 422


def test_saved_filters_are_each_employees_own(admin, employee, unique):
    _, mine = employee("Saving Employee")
    _, theirs = employee("Other Employee")
    group = admin.post("/reference-books/group/", json={"name": f"Saved {unique}"}).json()

    saved = mine.post("/saved-filters/", json={"name": "Partners", "query": {
        "group_id": [group["id"]], "search": "oil", "sort": "-updated_at"}})
    assert saved.status_code == 201, saved.text
    assert saved.json()["query"] == {"group_id": [group["id"]], "search": "oil", "sort": "-updated_at"}
    assert mine.post("/saved-filters/", json={"name": "Bad", "query": {"limit": 5}}).status_code == 422

    assert [f["name"] for f in mine.get("/saved-filters/").json()["items"]] == ["Partners"]
    assert theirs.get("/saved-filters/").json()["items"] == []
    assert theirs.request("DELETE", f"/saved-filters/{saved.json()['id']}").status_code == 404
    assert mine.request("DELETE", f"/saved-filters/{saved.json()['id']}").status_code == 204
    assert mine.get("/saved-filters/").json()["items"] == []


def test_additional_responsible_employees_see_the_counterparty(admin, employee, unique):
    owner, _ = employee("Primary Owner", roles=["manager"])
    helper, helper_api = employee("Helping Hand", roles=["manager"])
    made = admin.post("/counterparties/", json={"name": f"Shared {unique}", "responsible_employee_id": owner["id"]})
    assert helper_api.get(f"/counterparties/{made.json()['id']}").status_code == 404
    changed = admin.patch(f"/counterparties/{made.json()['id']}", json={"additional_responsible_ids": [helper["id"]]})
    assert changed.status_code == 200 and changed.json()["additional_responsible_ids"] == [helper["id"]]
    assert helper_api.get(f"/counterparties/{made.json()['id']}").status_code == 200
    found = helper_api.get("/counterparties/", params={"responsible_employee_id": helper["id"]}).json()
    assert [c["id"] for c in found["items"]] == [made.json()["id"]]


def test_handing_counterparties_over_with_their_open_activities(admin, employee, client, unique, eventually):
    def person(key, roles, department_id=None):
        email, password = f"{key}.{unique}@handover.chancery", f"handover-password-{unique}"
        created = admin.post("/employees/", json={"full_name": f"{key} {unique}", "email": email,
                                                  "password": password, "roles": roles,
                                                  "department_id": department_id})
        assert created.status_code == 201, created.text
        return created.json(), client(email, password)

    head, head_api = person("head", ["department_head"])
    department = admin.post("/departments/", json={"name": f"Sales {unique}", "head_id": head["id"]}).json()
    leaving, leaving_api = person("leaving", ["manager"], department["id"])
    staying, staying_api = person("staying", ["manager"], department["id"])
    outsider, _ = person("outsider", ["manager"])
    counterparties = [admin.post("/counterparties/", json={
        "name": f"{name} {unique}", "responsible_employee_id": leaving["id"]}).json() for name in ("One", "Two")]
    call = admin.post("/activities/", json={
        "counterparty_id": counterparties[0]["id"], "kind": "call", "subject": "Renewal",
        "planned_at": "2030-01-10T10:00:00+00:00", "responsible_id": leaving["id"]}).json()
    request = {"counterparty_ids": [c["id"] for c in counterparties], "from_employee_id": leaving["id"],
               "to_employee_id": staying["id"], "reason": "Vacation"}

    assert leaving_api.post("/counterparties/handover", json=request).status_code == 403
    # the head's right follows the staff service's events about who works where
    done = eventually(lambda: (lambda r: r if r.status_code == 200 else None)(
        head_api.post("/counterparties/handover", json=request)))
    assert done.json()["activities_moved"] == 1
    to_outsider = head_api.post("/counterparties/handover", json={
        **request, "from_employee_id": staying["id"], "to_employee_id": outsider["id"]})
    assert to_outsider.status_code == 403 and "works elsewhere" in to_outsider.text

    for counterparty in counterparties:
        card = staying_api.get(f"/counterparties/{counterparty['id']}")
        assert card.status_code == 200 and card.json()["responsible_employee_id"] == staying["id"]
        history = admin.get(f"/counterparties/{counterparty['id']}/history").json()["items"]
        assert history[0]["kind"] == "counterparty.handed_over" and "Vacation" in history[0]["summary"]
    assert staying_api.get(f"/activities/{call['id']}").json()["responsible_id"] == staying["id"]
    again = admin.post("/counterparties/handover", json=request)
    assert again.status_code == 409, again.text


def test_russian_legal_details_are_checked(admin, unique):
    wrong = admin.post("/counterparties/", json={"name": f"Typo LLC {unique}", "tax_id": "7707083894",
                                                 "registration_number": "1027700132196", "kpp": "77"})
    assert wrong.status_code == 422
    errors = wrong.json()["errors"]["json"]
    assert set(errors) == {"tax_id", "registration_number", "kpp"}
    assert "check digits" in errors["tax_id"][0]
    right = admin.post("/counterparties/", json={"name": f"Right LLC {unique}", "tax_id": "7707083893",
                                                 "registration_number": "1027700132195", "kpp": "773601001",
                                                 "allow_duplicate": True})
    assert right.status_code == 201, right.text
    foreign = admin.post("/counterparties/", json={"name": f"GmbH {unique}", "country": "DE",
                                                   "tax_id": "DE811907980"})
    assert foreign.status_code == 201 and foreign.json()["country"] == "DE"
