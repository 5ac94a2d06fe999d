"""The calendar through the API: my week, a colleague's, and a department head's team."""
import pytest

pytestmark = pytest.mark.system


def test_a_department_head_sees_the_teams_week_and_an_employee_only_their_own(admin, client, unique, eventually):
    def person(key, roles, department_id=None):
        email, password = f"{key}.{unique}@calendar.chancery", f"calendar-password-{unique}"
        created = admin.post("/employees/", json={"full_name": f"{key} {unique}", "email": email,
                                                  "password": password, "roles": roles,
                                                  "department_id": department_id})
        assert created.status_code == 201, created.text
        return created.json(), client(email, password)

    head, head_api = person("head", ["department_head"])
    department = admin.post("/departments/", json={"name": f"Calendar {unique}", "head_id": head["id"]}).json()
    worker, worker_api = person("worker", ["manager"], department["id"])
    outsider, _ = person("outsider", ["manager"])
    counterparty = admin.post("/counterparties/", json={"name": f"Calendar Co {unique}"}).json()
    planned = {}
    for who, at in ((worker, "2031-03-04T09:00:00+03:00"), (worker, "2031-03-12T09:00:00+03:00"),
                    (outsider, "2031-03-05T09:00:00+03:00"), (head, "2031-03-03T00:30:00+03:00")):
        made = admin.post("/activities/", json={"counterparty_id": counterparty["id"], "kind": "meeting",
                                                "subject": f"Meeting of {who['full_name']}", "planned_at": at,
                                                "responsible_id": who["id"]})
        assert made.status_code == 201, made.text
        planned.setdefault(who["id"], []).append(made.json()["id"])
    week = {"from": "2031-03-03", "to": "2031-03-09", "tz": "Europe/Moscow"}

    mine = worker_api.get("/activities/calendar", params=week)
    assert mine.status_code == 200, mine.text
    assert [a["id"] for a in mine.json()["items"]] == planned[worker["id"]][:1]
    assert mine.json()["from"] == "2031-03-03"
    assert worker_api.get("/activities/calendar", params={**week, "team": "true"}).status_code == 403
    assert worker_api.get("/activities/calendar", params={**week, "employee_id": head["id"]}).status_code == 403

    # the head's team follows the staff service's events about who works where
    team = eventually(lambda: (lambda r: r.json() if r.status_code == 200 and len(r.json()["items"]) == 2 else None)(
        head_api.get("/activities/calendar", params={**week, "team": "true"})))
    assert [a["id"] for a in team["items"]] == [planned[head["id"]][0], planned[worker["id"]][0]]
    month = head_api.get("/activities/calendar", params={"from": "2031-03-01", "to": "2031-03-31",
                                                          "employee_id": worker["id"]}).json()
    assert [a["id"] for a in month["items"]] == planned[worker["id"]]
    assert head_api.get("/activities/calendar", params={**week, "employee_id": outsider["id"]}).status_code == 403
    assert head_api.get("/activities/calendar", params={"from": "2031-01-01", "to": "2031-06-01"}).status_code == 422
    assert head_api.get("/activities/calendar", params={"to": "2031-06-01"}).status_code == 422
