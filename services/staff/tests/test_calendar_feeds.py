"""An employee's private calendar address: made, shown once, only its hash kept; a new one
stops the old; revoked, unknown and a dismissed employee's secrets resolve to nothing."""
import hashlib
import uuid

import pytest
from nameko.testing.services import worker_factory
from sqlalchemy import select

from chancery_common.errors import InvalidInput, NotFound
from staff import models
from staff.service import StaffService


@pytest.fixture
def service(session):
    return worker_factory(StaffService, db=session)


def actor_of(employee, roles=("employee",)):
    return {"id": str(employee.id), "roles": list(roles)}


def test_the_address_is_made_shown_once_rotated_and_revoked(service, session, make_employee):
    anna = make_employee(full_name="Anna Feed", time_zone="Europe/Moscow")
    me = actor_of(anna)
    assert service.calendar_feed(me) == {"active": False, "created_at": None, "last_used_at": None}

    made = service.issue_calendar_feed(me)
    secret = made["secret"]
    assert secret.startswith("cal_") and len(secret) > 40 and made["active"] is True
    assert "secret" not in service.calendar_feed(me)
    with session.begin():
        stored = session.get(models.CalendarFeed, anna.id)
        assert stored.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
        assert secret not in str(session.execute(select(models.CalendarFeed.__table__)).all())

    found = service.resolve_calendar_feed(secret)
    assert found["employee"]["id"] == str(anna.id) and found["employee"]["time_zone"] == "Europe/Moscow"
    assert service.calendar_feed(me)["last_used_at"] is not None

    renewed = service.issue_calendar_feed(me)["secret"]
    assert renewed != secret
    with pytest.raises(NotFound):
        service.resolve_calendar_feed(secret)
    assert service.resolve_calendar_feed(renewed)["employee"]["id"] == str(anna.id)

    assert service.revoke_calendar_feed(me)["active"] is False
    with pytest.raises(NotFound):
        service.resolve_calendar_feed(renewed)
    assert service.revoke_calendar_feed(me)["active"] is False  # revoking none changes nothing

    with session.begin():
        actions = session.scalars(select(models.audit_log.table.c.action).where(
            models.audit_log.table.c.record_id == anna.id, models.audit_log.table.c.action.like("calendar_feed%"))
            .order_by(models.audit_log.table.c.id)).all()
    assert actions == ["calendar_feed_created", "calendar_feed_rotated", "calendar_feed_revoked"]


def test_unknown_short_and_dismissed_employees_secrets_resolve_to_nothing(service, make_employee):
    with pytest.raises(NotFound):
        service.resolve_calendar_feed("cal_" + uuid.uuid4().hex)
    with pytest.raises(InvalidInput):
        service.resolve_calendar_feed("cal_")
    boris = make_employee(full_name="Boris Feed")
    admin = make_employee(full_name="Admin Feed", roles=["administrator"])
    secret = service.issue_calendar_feed(actor_of(boris))["secret"]
    service.resolve_calendar_feed(secret)
    service.deactivate_employee(actor_of(admin, ["administrator"]), str(boris.id))
    with pytest.raises(NotFound):
        service.resolve_calendar_feed(secret)
