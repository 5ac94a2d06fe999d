"""Signed-in identities kept by the gateway's workers while the staff service's news says nothing
they are made of changed (chancery_common.identities), and dropped everywhere within about a
second of a change: staff thinking a few seconds between clicks are not worked out afresh at
every click, and a withdrawn right or a dismissal still takes effect at once."""
import time

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from chancery_gateway.auth import CACHE_SECONDS

pytestmark = pytest.mark.system

# the news reaches every worker within a heartbeat and a little; a change must show by then
CHANGE_SHOWS_WITHIN = 3.0


def resolutions(system):
    """How many sessions the staff service has resolved, over all its instances."""
    total = 0
    for instance in system.instances["staff"]:
        text = requests.get(f"http://127.0.0.1:{system.http_ports[instance]}/metrics", timeout=10).text
        for family in text_string_to_metric_families(text):
            total += sum(sample.value for sample in family.samples
                         if sample.name == "chancery_rpc_calls_total"
                         and sample.labels.get("side") == "callee" and sample.labels.get("method") == "resolve_session")
    return total


def warmed(system, api, rounds=20, attempts=15):
    """Ask until ``rounds`` requests in a row were answered without a resolution: every gateway
    worker these requests reach holds the identity."""
    for _ in range(attempts):
        before = resolutions(system)
        for _ in range(rounds):
            assert api.get("/auth/me").status_code == 200
        if resolutions(system) == before:
            return
    raise AssertionError("the gateway's workers went on resolving the session")


def test_an_identity_is_kept_past_the_seconds_while_nothing_changes(system, employee):
    _, api = employee("Tamara Thinking", roles=["manager"])
    warmed(system, api)
    time.sleep(CACHE_SECONDS + 1)  # without the news, every worker would ask staff again now
    before = resolutions(system)
    for _ in range(20):
        assert api.get("/auth/me").status_code == 200
    assert resolutions(system) == before


def test_a_withdrawn_right_shows_in_every_worker_at_once(system, admin, employee):
    person, api = employee("Roman Rights", roles=["accountant"])
    granted = admin.request("PUT", "/settings/role-permissions",
                            json={"permission": "configure_routes", "roles": ["director", "accountant"]})
    assert granted.status_code == 200
    time.sleep(CHANGE_SHOWS_WITHIN)
    warmed(system, api)
    assert all("configure_routes" in api.get("/auth/me").json()["permissions"] for _ in range(10))

    withdrawn = admin.request("PUT", "/settings/role-permissions",
                              json={"permission": "configure_routes", "roles": ["director"]})
    assert withdrawn.status_code == 200
    time.sleep(CHANGE_SHOWS_WITHIN)
    assert not any("configure_routes" in api.get("/auth/me").json()["permissions"] for _ in range(20))


def test_a_dismissal_ends_the_session_in_every_worker_at_once(system, admin, employee):
    person, api = employee("Denis Dismissed", roles=["manager"])
    warmed(system, api)
    assert admin.post(f"/employees/{person['id']}/deactivate").status_code == 200
    time.sleep(CHANGE_SHOWS_WITHIN)
    assert {api.get("/auth/me").status_code for _ in range(20)} == {401}
