"""Admission control (admission.py): a worker works on a bounded number of requests at once;
one that waits longer than the queue budget for a place is refused at once with 503."""
import dataclasses
import threading
import time

from chancery_gateway.admission import Admission, Overloaded
from chancery_gateway.app import create_app


def test_a_place_is_taken_at_once_waited_for_or_refused_after_the_budget():
    admission = Admission(places=2, budget_seconds=0.2)
    admission.enter()
    admission.enter()

    began = time.monotonic()
    try:
        admission.enter()
        raise AssertionError("a third request was admitted to two places")
    except Overloaded as exc:
        waited = time.monotonic() - began
        assert "no place within 0.2 s" in str(exc)
    assert 0.15 < waited < 2

    threading.Timer(0.05, admission.leave).start()  # a place frees while the next one waits
    admission.enter()
    admission.leave()
    admission.leave()


def test_a_request_beyond_the_places_is_answered_503_with_retry_after_and_health_stays_open(settings, bus, identity):
    app = create_app(dataclasses.replace(settings, admitted_requests=1, queue_budget_seconds=0.3))
    inside, leave = threading.Event(), threading.Event()

    def slow_sign_in(credentials, client):
        inside.set()
        assert leave.wait(10)
        return {**identity, "session_token": "a-session-token"}

    bus.answers[("staff", "sign_in")] = slow_sign_in
    first = {}
    holder = threading.Thread(target=lambda: first.update(response=app.test_client().post(
        "/api/v1/auth/login", json={"email": "a@test.chancery", "password": "x"})))
    holder.start()
    try:
        assert inside.wait(10)
        refused = app.test_client().post("/api/v1/auth/login", json={"email": "b@test.chancery", "password": "x"})
        health = app.test_client().get("/healthz")
    finally:
        leave.set()
        holder.join(10)

    assert refused.status_code == 503, refused.json
    assert refused.headers["Retry-After"] and refused.mimetype == "application/problem+json"
    assert refused.json["type"].endswith("/problems/unavailable") and "busy" in refused.json["detail"]
    assert [c for c in bus.calls if c[1] == "sign_in" and c[2][0]["email"] == "b@test.chancery"] == []  # not run
    assert health.status_code == 200
    assert first["response"].status_code == 200
    # the place is free again
    again = app.test_client().post("/api/v1/auth/login", json={"email": "c@test.chancery", "password": "x"})
    assert again.status_code == 200, again.json
