"""Retry-safe writes through the gateway: the Idempotency-Key header.

A retry with the same key and body is answered with the first result (marked as a replay);
a duplicate while the first is still running is 409; another body under the same key is
422; keys belong to one principal (a session's employee, an API token); they expire and
are swept. The services recognise a retried creation whose first attempt was written while
the gateway had already answered 503 (a ghost write), so it never makes a second record.
"""
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone

import pytest
import requests
from sqlalchemy import create_engine, text

from chancery_common.database import normalise_url

pytestmark = pytest.mark.system

GHOST_MARKER = "ghost-write-marker"  # the test profile's services pause after committing such a name, before replying


def keyed(key):
    return {"Idempotency-Key": key}


def named(api, name):
    """The counterparties with exactly this name."""
    found = api.get("/counterparties/", params={"search": name, "limit": 50}).json()["items"]
    return [c for c in found if c["name"] == name]


@pytest.fixture(scope="module")
def gateway_db(system):
    engine = create_engine(normalise_url(system.database_urls["gateway"]))
    yield engine
    engine.dispose()


def test_a_retry_with_the_same_key_and_body_is_answered_with_the_first_result(admin, unique):
    key, body = str(uuid.uuid4()), {"name": f"Replay LLC {unique}"}

    first = admin.post("/counterparties/", json=body, headers=keyed(key))
    again = admin.post("/counterparties/", json=body, headers=keyed(key))

    assert first.status_code == 201, first.text
    assert "Idempotent-Replayed" not in first.headers
    assert (again.status_code, again.json()) == (201, first.json())
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["Content-Type"] == first.headers["Content-Type"]
    assert [c["id"] for c in named(admin, body["name"])] == [first.json()["id"]]
    # without a key each request is a request of its own
    assert admin.post("/counterparties/", json={"name": f"Twice LLC {unique}"}).status_code == 201
    assert admin.post("/counterparties/", json={"name": f"Twice LLC {unique}"}).status_code == 201
    assert len(named(admin, f"Twice LLC {unique}")) == 2


def test_the_same_key_for_another_body_is_422_and_a_refused_request_frees_its_key(admin, unique):
    key = f'"{uuid.uuid4()}"'  # the draft's form of the value, a quoted string, is accepted too

    bad = admin.post("/counterparties/", json={"name": ""}, headers=keyed(key))
    assert bad.status_code == 422 and "name" in bad.json()["errors"]["json"]
    # nothing was made: the corrected request may use the same key
    made = admin.post("/counterparties/", json={"name": f"Corrected LLC {unique}"}, headers=keyed(key))
    assert made.status_code == 201, made.text

    other = admin.post("/counterparties/", json={"name": f"Other LLC {unique}"}, headers=keyed(key))
    assert other.status_code == 422, other.text
    assert "Idempotency-Key" in other.json()["message"]
    elsewhere = admin.patch(f"/counterparties/{made.json()['id']}", json={"notes": "x"}, headers=keyed(key))
    assert elsewhere.status_code == 422, elsewhere.text
    assert named(admin, f"Other LLC {unique}") == []
    assert admin.get(f"/counterparties/{made.json()['id']}").json()["notes"] in (None, "")

    for wrong in ("", "with space", "clé", "x" * 256):
        refused = admin.post("/counterparties/", json={"name": f"Wrong key {unique}"}, headers=keyed(wrong))
        assert refused.status_code == 400 and "Idempotency-Key" in refused.json()["message"], wrong
    assert named(admin, f"Wrong key {unique}") == []


def test_keys_belong_to_their_principal(admin, employee, base_url, unique):
    key, body = str(uuid.uuid4()), {"name": f"Shared key LLC {unique}"}
    colleague, colleague_api = employee("Kim Keys", roles=("manager",))
    token = admin.post("/api-tokens/", json={"name": f"ERP {unique}", "employee_id": colleague["id"],
                                             "scopes": ["read", "write"]}).json()["token"]

    mine = admin.post("/counterparties/", json=body, headers=keyed(key))
    theirs = colleague_api.post("/counterparties/", json=body, headers=keyed(key))
    by_token = requests.post(f"{base_url}/api/v1/counterparties/", json=body, timeout=30,
                             headers={**keyed(key), "Authorization": f"Bearer {token}"})
    by_token_again = requests.post(f"{base_url}/api/v1/counterparties/", json=body, timeout=30,
                                   headers={**keyed(key), "Authorization": f"Bearer {token}"})

    assert [r.status_code for r in (mine, theirs, by_token, by_token_again)] == [201, 201, 201, 201]
    assert len({mine.json()["id"], theirs.json()["id"], by_token.json()["id"]}) == 3
    assert "Idempotent-Replayed" not in theirs.headers and "Idempotent-Replayed" not in by_token.headers
    assert by_token_again.json()["id"] == by_token.json()["id"]
    assert by_token_again.headers["Idempotent-Replayed"] == "true"
    assert len(named(admin, body["name"])) == 3


def test_a_duplicate_in_flight_is_409_and_a_ghost_write_is_not_made_twice(admin, gateway_db, unique, eventually):
    """The service commits after the gateway gave up waiting (503): the retry with the same key
    finds the record written by the first attempt instead of making a second one."""
    key, body = str(uuid.uuid4()), {"name": f"Ghost {GHOST_MARKER} {unique}"}
    first = {}
    running = threading.Thread(target=lambda: first.update(
        response=admin.post("/counterparties/", json=body, headers=keyed(key))))
    running.start()
    try:
        eventually(lambda: state_of(gateway_db, key) == "in_flight")  # the first waits for the paused service
        duplicate = admin.post("/counterparties/", json=body, headers=keyed(key))
    finally:
        running.join(30)

    assert duplicate.status_code == 409, duplicate.text
    assert "still being processed" in duplicate.json()["message"]
    assert first["response"].status_code == 503, first["response"].text  # the gateway did not wait
    written = eventually(lambda: named(admin, body["name"]), timeout=20)  # but the service did commit

    retried = admin.post("/counterparties/", json=body, headers=keyed(key))
    assert retried.status_code == 201, retried.text
    assert retried.json()["id"] == written[0]["id"]
    assert [c["id"] for c in named(admin, body["name"])] == [written[0]["id"]]
    replayed = admin.post("/counterparties/", json=body, headers=keyed(key))
    assert replayed.headers["Idempotent-Replayed"] == "true" and replayed.json()["id"] == written[0]["id"]


def state_of(gateway_db, key):
    with gateway_db.connect() as connection:
        return connection.execute(text("SELECT state FROM idempotency_keys WHERE key = :key"), {"key": key}).scalar()


def forget_outcome(gateway_db, key):
    """As if the gateway had answered 503: the key's row stays, its outcome unknown."""
    with gateway_db.begin() as connection:
        changed = connection.execute(text(
            "UPDATE idempotency_keys SET state = 'open', status = NULL, body = NULL, headers = NULL "
            "WHERE key = :key"), {"key": key}).rowcount
    assert changed == 1


def test_services_recognise_a_retry_of_each_creation_whose_first_attempt_was_written(
        admin, employee, gateway_db, unique, eventually):
    """Counterparty, contact person, activity, document, registration, approval start and decision:
    a retry after an unknown outcome returns what the first attempt made, and makes nothing more."""
    def twice(method, path, body):
        key = str(uuid.uuid4())
        first = admin.request(method, path, json=body, headers=keyed(key))
        assert first.status_code in (200, 201), first.text
        forget_outcome(gateway_db, key)
        second = admin.request(method, path, json=body, headers=keyed(key))
        assert second.status_code == first.status_code, second.text
        assert "Idempotent-Replayed" not in second.headers  # it ran again, in the service
        assert second.json()["id"] == first.json()["id"]
        return first.json()

    counterparty = twice("POST", "/counterparties/", {"name": f"Retried LLC {unique}"})
    assert len(named(admin, f"Retried LLC {unique}")) == 1
    twice("POST", f"/counterparties/{counterparty['id']}/contact-persons", {"full_name": f"Retried Person {unique}"})
    assert len(admin.get(f"/counterparties/{counterparty['id']}/contact-persons").json()["items"]) == 1
    twice("POST", "/activities/", {
        "counterparty_id": counterparty["id"], "kind": "call", "subject": f"Retried call {unique}",
        "planned_at": (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()})
    activities = admin.get("/activities/", params={"counterparty_id": counterparty["id"]}).json()["items"]
    assert len(activities) == 1

    types = {t["code"]: t for t in admin.get("/document-types/").json()["items"]}
    document = twice("POST", "/documents/", {"type_id": types["contract"]["id"], "title": f"Retried {unique}",
                                             "counterparty_id": counterparty["id"], "register": False})
    found = admin.get("/documents/", params={"counterparty_id": counterparty["id"]}).json()
    assert found["total"] == 1
    registered = twice("POST", f"/documents/{document['id']}/registration", {})
    assert registered["number"]
    assert admin.get(f"/documents/{document['id']}").json()["number"] == registered["number"]

    approver, approver_api = employee("Ria Retry")
    approval = twice("POST", "/approvals/", {"document_id": document["id"], "approver_ids": [approver["id"]]})
    task = eventually(lambda: next((t for t in approver_api.get("/approvals/tasks").json()["items"]
                                    if t["approval_id"] == approval["id"]), None))
    key = str(uuid.uuid4())
    decided = approver_api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "approve"},
                                headers=keyed(key))
    assert decided.status_code == 200, decided.text
    forget_outcome(gateway_db, key)
    again = approver_api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "approve"},
                              headers=keyed(key))
    assert again.status_code == 200, again.text  # not 409 "already decided": the same decision
    assert "Idempotent-Replayed" not in again.headers
    assert admin.get(f"/approvals/{approval['id']}").json()["status"] == "approved"


def test_keys_expire_and_are_swept(admin, gateway_db, unique):
    key, body = str(uuid.uuid4()), {"name": f"Expiring LLC {unique}"}
    first = admin.post("/counterparties/", json=body, headers=keyed(key))
    assert first.status_code == 201
    with gateway_db.begin() as connection:
        connection.execute(text("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' "
                                "WHERE key = :key"), {"key": key})

    # an expired key is a new one: the request runs again, and the service sees a new attempt
    anew = admin.post("/counterparties/", json=body, headers=keyed(key))
    assert anew.status_code == 201 and "Idempotent-Replayed" not in anew.headers
    assert anew.json()["id"] != first.json()["id"]
    assert len(named(admin, body["name"])) == 2

    with gateway_db.begin() as connection:
        connection.execute(text("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' "
                                "WHERE key = :key"), {"key": key})
    time.sleep(1.2)  # the test profile sweeps every second
    assert admin.post("/counterparties/", json={"name": f"Sweeper {unique}"},
                      headers=keyed(str(uuid.uuid4()))).status_code == 201
    with gateway_db.connect() as connection:
        left = connection.execute(text("SELECT count(*) FROM idempotency_keys WHERE key = :key"),
                                  {"key": key}).scalar()
        expired = connection.execute(text("SELECT count(*) FROM idempotency_keys WHERE expires_at <= now()")).scalar()
    assert (left, expired) == (0, 0)


def test_the_openapi_documents_the_header_on_unsafe_operations(admin):
    spec = admin.get("/openapi.json").json()
    header = spec["components"]["parameters"]["IdempotencyKey"]
    assert (header["in"], header["name"]) == ("header", "Idempotency-Key")
    create = spec["paths"]["/api/v1/counterparties/"]["post"]
    assert {"$ref": "#/components/parameters/IdempotencyKey"} in create["parameters"]
    assert {"409", "422"} <= set(create["responses"])
    assert "parameters" not in spec["paths"]["/api/v1/auth/login"]["post"]
    assert not any(p.get("name") == "Idempotency-Key" or "IdempotencyKey" in str(p)
                   for p in spec["paths"]["/api/v1/counterparties/"]["get"].get("parameters", []))


def test_an_erased_persons_data_leaves_the_stored_answers(admin, gateway_db, unique):
    counterparty = admin.post("/counterparties/", json={"name": f"Erasure LLC {unique}"}).json()
    key, body = str(uuid.uuid4()), {"full_name": f"Erasmus Planted {unique}", "phones": ["+7 900 111-22-33"]}
    added = admin.post(f"/counterparties/{counterparty['id']}/contact-persons", json=body, headers=keyed(key))
    assert added.status_code == 201, added.text

    def stored():
        with gateway_db.connect() as connection:
            return connection.execute(text("SELECT state, body FROM idempotency_keys WHERE key = :key"),
                                      {"key": key}).one()
    assert body["full_name"].encode() in bytes(stored().body)

    erased = admin.post(f"/contact-persons/{added.json()['id']}/erasure", json={"reason": "asked to"})
    assert erased.status_code == 200, erased.text

    assert tuple(stored()) == ("open", None)
    retried = admin.post(f"/counterparties/{counterparty['id']}/contact-persons", json=body, headers=keyed(key))
    assert retried.status_code == 201 and "Idempotent-Replayed" not in retried.headers
    assert retried.json()["id"] == added.json()["id"]
    assert body["full_name"] not in retried.text
