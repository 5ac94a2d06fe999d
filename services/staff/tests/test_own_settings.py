"""Every employee sets their own language and time zone; the rest of the system hears of it."""
import pytest

from chancery_common.errors import InvalidInput, load
from staff import events, logic, schemas


def test_an_unknown_time_zone_or_language_is_named():
    with pytest.raises(InvalidInput) as raised:
        load(schemas.OwnSettingsSchema(), {"time_zone": "Mars/Olympus", "locale": "de"})
    assert "Mars/Olympus" in raised.value.details["time_zone"][0]
    assert "locale" in raised.value.details


def test_only_language_and_time_zone_may_be_changed_this_way():
    with pytest.raises(InvalidInput) as raised:
        load(schemas.OwnSettingsSchema(), {"roles": ["administrator"]})
    assert "roles" in raised.value.details


def test_the_change_is_announced_with_the_whole_card(make_employee, session, outbox_events):
    employee = make_employee(full_name="Nina Settings")
    data = load(schemas.OwnSettingsSchema(), {"locale": "ru", "time_zone": "Asia/Yekaterinburg"})
    with session.begin():
        logic.update_employee(session, employee_id=employee.id, changes=data, actor_id=employee.id)

    [announced] = [p for p in outbox_events(events.EMPLOYEE_UPDATED) if p["employee_id"] == str(employee.id)]
    assert announced["changes"] == {"locale": {"from": "en", "to": "ru"},
                                    "time_zone": {"from": "UTC", "to": "Asia/Yekaterinburg"}}
    assert (announced["locale"], announced["time_zone"], announced["full_name"]) == \
        ("ru", "Asia/Yekaterinburg", "Nina Settings")
