"""A contact person's important date, end to end: the counterparty's responsible employee
is reminded on the morning of the day (09:00 in their own time zone), through the
counterparties service's event, the notifications service's reminder row and the inbox."""
from datetime import datetime, timedelta, timezone

import pytest

pytestmark = pytest.mark.system


def zone_where_it_is_nine_now():
    """A fixed-offset zone whose local time is now 09:xx, and that zone's date today: the
    09:00 reminder of today is due minutes ago there (inside the planning grace)."""
    now = datetime.now(timezone.utc)
    offset = (9 - now.hour + 12) % 24 - 12
    name = "Etc/GMT" + (f"-{offset}" if offset > 0 else f"+{-offset}" if offset < 0 else "")
    return name, (now + timedelta(hours=offset)).date()


def test_a_birthday_reminds_the_responsible_employee(admin, employee, unique, eventually):
    manager, manager_api = employee(f"Rita Reminded{unique}", roles=["manager"])
    zone, local_today = zone_where_it_is_nine_now()
    assert admin.patch(f"/employees/{manager['id']}", json={"time_zone": zone}).status_code == 200
    counterparty = manager_api.post("/counterparties/", json={
        "name": f"Birthday Co {unique}", "responsible_employee_id": manager["id"]}).json()
    birthday = local_today.replace(year=1980)
    added = manager_api.post(f"/counterparties/{counterparty['id']}/contact-persons", json={
        "full_name": f"Boris Birthday {unique}", "important_dates": [
            {"kind": "birthday", "date": birthday.isoformat(), "remind": True}]})
    assert added.status_code == 201, added.text

    def reminded():
        items = manager_api.get("/notifications/").json()["items"]
        return [n for n in items if f"Boris Birthday {unique}" in n["title"]]

    [notification] = eventually(reminded, timeout=30)
    assert notification["link"] == f"/counterparties/{counterparty['id']}"
