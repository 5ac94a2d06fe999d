"""Sync by change through the API (docs/api.md, "Sync by change"): a client pages with a small
limit while another one writes, and sees every row at least once and the final state; merged
counterparties and deactivated employees come as tombstones; each sync shows what the caller's
plain list shows. Every list answers the envelope; every path has one spelling."""
import time
from datetime import datetime, timedelta, timezone

import pytest

pytestmark = pytest.mark.system


def _since():
    """A moment just before now, for a sync that should see what the test writes next."""
    return (datetime.now(timezone.utc) - timedelta(seconds=1)).isoformat()


def _page(api, address):
    """One sync page at ``address`` (a path with its query, as `next` gives it)."""
    answer = api.http.get(f"{api.base_url}{address}", timeout=30)
    assert answer.status_code == 200, answer.text
    page = answer.json()
    link = answer.headers.get("Link")
    assert link == (f'<{page["next"]}>; rel="next"' if page["next"] else None)
    return page


def _sync(api, path, *, since=None, after=None, wanted=(), limit=3, between_pages=None, timeout=15):
    """Follow a sync's `next` pages, then its `resume` cursor, until every id of ``wanted`` was
    served (a change shows once every transaction older than it has ended): (the items in the
    order served, the last resume cursor). ``between_pages``: called after each page (another
    client writing meanwhile)."""
    address = f"/api/v1{path}?limit={limit}&" + (f"after={after}" if after else f"updated_since={since}").replace(
        "+", "%2B")
    served, deadline = [], time.monotonic() + timeout
    while True:
        page = _page(api, address)
        served += page["items"]
        assert "total" not in page  # a sync counts nothing
        if between_pages:
            between_pages()
        if page["next"]:
            assert len(page["items"]) == limit
            address = page["next"]
            continue
        if set(wanted) <= {item["id"] for item in served}:
            return served, page["resume"]
        assert time.monotonic() < deadline, f"not served: {set(wanted) - {item['id'] for item in served}}"
        time.sleep(0.2)
        address = f"/api/v1{path}?limit={limit}&after={page['resume']}"


def test_a_sync_sees_every_row_while_another_client_writes(admin, client, admin_credentials, unique):
    writer = client(*admin_credentials)
    since = _since()
    made = [admin.post("/counterparties/", json={"name": f"Sync {unique} {n}"}).json() for n in range(7)]
    expected = {c["id"]: c["name"] for c in made}
    writes = iter(range(6))

    def another_client_writes():
        step = next(writes, None)
        if step is None:
            return
        if step % 2:  # a new one
            added = writer.post("/counterparties/", json={"name": f"Sync {unique} added {step}"}).json()
            expected[added["id"]] = added["name"]
        else:  # a change of one already served or not yet served
            target = made[step]
            changed = writer.patch(f"/counterparties/{target['id']}", json={"name": f"{target['name']} v{step}"})
            assert changed.status_code == 200, changed.text
            expected[target["id"]] = changed.json()["name"]

    served, resume = _sync(admin, "/counterparties/", since=since, wanted=list(expected),
                           between_pages=another_client_writes)
    assert {c["id"] for c in made} <= {item["id"] for item in served}
    mirror = {item["id"]: item["name"] for item in served}  # a client upserts by id: the last one wins
    # a write made after the last page comes with the resume cursor
    behind = [key for key in expected if mirror.get(key) != expected[key]]
    latest, _ = _sync(admin, "/counterparties/", after=resume, wanted=behind)
    mirror.update({item["id"]: item["name"] for item in latest})
    assert {key: mirror.get(key) for key in expected} == expected


def test_merged_counterparties_and_deactivated_employees_are_tombstones(admin, employee, unique):
    since = _since()
    survivor = admin.post("/counterparties/", json={"name": f"Keeper {unique}"}).json()
    duplicate = admin.post("/counterparties/", json={"name": f"Duplicate {unique}"}).json()
    merged = admin.post(f"/counterparties/{survivor['id']}/merge", json={"merged_id": duplicate["id"]})
    assert merged.status_code == 200, merged.text
    leaver, _ = employee("Sync Leaver")
    assert admin.post(f"/employees/{leaver['id']}/deactivate").status_code in (200, 204)

    served, _ = _sync(admin, "/counterparties/", since=since, wanted=[duplicate["id"], survivor["id"]])
    tombstone = [item for item in served if item["id"] == duplicate["id"]][-1]
    assert tombstone["deleted"] is True and tombstone["merged_into"] == survivor["id"]
    assert set(tombstone) == {"id", "deleted", "merged_into", "updated_at"}
    assert all(item.get("deleted") is None for item in served if item["id"] == survivor["id"])

    people, _ = _sync(admin, "/employees/", since=since, wanted=[leaver["id"]])
    gone = [item for item in people if item["id"] == leaver["id"]][-1]
    assert set(gone) == {"id", "deleted", "updated_at"} and gone["deleted"] is True


def test_contact_persons_documents_and_departments_sync_with_the_plain_lists_visibility(admin, employee, unique):
    since = _since()
    counterparty = admin.post("/counterparties/", json={"name": f"Private {unique}"}).json()
    person = admin.post(f"/counterparties/{counterparty['id']}/contact-persons/",
                        json={"full_name": f"Person {unique}"}).json()
    memo = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "memo")
    document = admin.post("/documents/", json={"title": f"Memo {unique}", "type_id": memo["id"]}).json()
    department = admin.post("/departments/", json={"name": f"Sync department {unique}"}).json()
    activity = admin.post("/activities/", json={
        "counterparty_id": counterparty["id"], "kind": "call", "subject": f"Call {unique}",
        "planned_at": (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()}).json()

    for path, record in (("/contact-persons/", person), ("/documents/", document), ("/departments/", department),
                         ("/activities/", activity)):
        served, _ = _sync(admin, path, since=since, wanted=[record["id"]])
        assert [item for item in served if item["id"] == record["id"]][-1]["id"] == record["id"], path

    _, outsider = employee("Sync Outsider")
    assert outsider.get(f"/counterparties/{counterparty['id']}").status_code == 404
    for path in ("/counterparties/", "/contact-persons/", "/documents/", "/activities/"):
        served, _ = _sync(outsider, path, since=since, limit=50)
        assert not {counterparty["id"], person["id"], document["id"], activity["id"]} & {i["id"] for i in served}, path


def test_an_approval_syncs_again_when_one_of_its_tasks_is_decided(admin, employee, unique, eventually):
    first, first_api = employee("Sync First Approver")
    second, _ = employee("Sync Second Approver")
    memo = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "memo")
    since = _since()
    document = admin.post("/documents/", json={"title": f"Approved memo {unique}", "type_id": memo["id"]}).json()
    approval = admin.post("/approvals/", json={"document_id": document["id"],
                                               "approver_ids": [first["id"], second["id"]]}).json()
    served, resume = _sync(admin, "/approvals/", since=since, wanted=[approval["id"]])
    mirrored = [item for item in served if item["id"] == approval["id"]][-1]
    assert mirrored["status"] == "in_progress" and mirrored["stages"][0]["tasks"][0]["status"] == "pending"
    assert "deleted" not in mirrored and mirrored["updated_at"]

    task = eventually(lambda: next((t for t in first_api.get("/approvals/tasks").json()["items"]
                                    if t["approval_id"] == approval["id"]), None))
    decided = first_api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "approve"})
    assert decided.status_code == 200, decided.text
    # the decision wrote a task and the stages, not the approval's own fields: it moves the approval all the same
    assert decided.json()["status"] == "in_progress"
    later, _ = _sync(admin, "/approvals/", after=resume, wanted=[approval["id"]])
    again = [item for item in later if item["id"] == approval["id"]][-1]
    assert again["stages"][0]["tasks"][0]["decision"] == "approve"
    assert again["stages"][1]["tasks"][0]["status"] == "pending"
    assert again["updated_at"] >= mirrored["updated_at"]

    _, outsider = employee("Sync Approvals Outsider")
    hidden, _ = _sync(outsider, "/approvals/", since=since, limit=50)
    assert approval["id"] not in {item["id"] for item in hidden}
    filtered = admin.get("/approvals/", params={"updated_since": since, "status": "approved"})
    assert filtered.status_code == 422 and "status" in filtered.json()["errors"]["json"], filtered.text


def test_a_sync_refuses_a_foreign_cursor_and_other_filters(admin):
    started = admin.get("/documents/", params={"updated_since": _since(), "limit": 1}).json()
    foreign = admin.get("/counterparties/", params={"after": started["resume"]})
    assert foreign.status_code == 422 and "after" in foreign.json()["errors"]["json"], foreign.text
    filtered = admin.get("/counterparties/", params={"updated_since": _since(), "search": "x"})
    assert filtered.status_code == 422 and "search" in filtered.json()["errors"]["json"], filtered.text
    assert admin.get("/counterparties/", params={"after": "made-up"}).status_code == 422


def test_every_list_answers_the_envelope(admin):
    spec = admin.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    checked = []
    for path, operations in spec["paths"].items():
        answer = (operations.get("get") or {}).get("responses", {}).get("200", {}).get("content", {}).get(
            "application/json", {}).get("schema")
        if answer is None:
            continue
        schema = schemas[answer["$ref"].rsplit("/", 1)[1]] if "$ref" in answer else answer
        assert schema.get("type") != "array", path
        required = [p for p in operations["get"].get("parameters", []) + operations.get("parameters", [])
                    if p.get("required")]
        if "items" not in schema.get("properties", {}) or required or path.endswith("/completeness"):
            continue
        body = admin.get(path.removeprefix("/api/v1")).json()
        assert isinstance(body, dict) and isinstance(body["items"], list) and "next" in body, path
        checked.append(path)
    assert {"/api/v1/legal-entities/", "/api/v1/departments/", "/api/v1/journals/",
            "/api/v1/document-types/", "/api/v1/contact-persons/"} <= set(checked)


def test_the_other_spelling_of_a_path_redirects(admin):
    to_collection = admin.get("/counterparties", params={"limit": 1}, allow_redirects=False)
    assert to_collection.status_code == 308
    assert to_collection.headers["Location"].endswith("/api/v1/counterparties/?limit=1")
    to_record = admin.get("/auth/me/", allow_redirects=False)
    assert (to_record.status_code, to_record.headers["Location"]) == (308, "/api/v1/auth/me")
    assert admin.get("/counterparties", params={"limit": 1}).json()["items"] is not None  # followed
