"""docker-compose.yml run for real (make test-compose): the whole path through the
gateway in containers, every replica healthy by its own /readyz, a restarted service and
a crashed one recover by themselves, and the data outlives `down` and `up`.

The tests run in order and build on each other, as an operator's day would."""
import hashlib
import json

import pytest

from counterparties import legal

pytestmark = pytest.mark.compose

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + bytes(range(256)) * 64
WAIT = 90  # seconds for an event to travel between containers on a busy machine
made = []  # what each walk through the system made, checked again after `down` and `up`

# Lists what the documents service's S3 account holds under a prefix: run inside a
# documents container, so it asks the S3 container the service itself uses.
LIST_OBJECTS = """
import json, os, sys
from minio import Minio
client = Minio(os.environ["S3_ENDPOINT"], os.environ["S3_ACCESS_KEY"], os.environ["S3_SECRET_KEY"],
               secure=False, region=os.environ["S3_REGION"])
print(json.dumps({o.object_name: o.size for o in client.list_objects(os.environ["S3_BUCKET"], prefix=sys.argv[1],
                                                                        recursive=True)}))
"""


def walk(admin, employee, unique, eventually, compose):
    """Sign in, counterparty, contract with a file, approval decided, notification received,
    the unified view; returns what it made."""
    approver, approver_api = employee("Anna Approver", roles=["lawyer"])
    types = admin.get("/document-types/").json()["items"]
    contract = next(t for t in types if t["code"] == "contract")

    # a tax id of its own: each walk (before and after the restarts) makes a new counterparty
    tax_id = legal.complete_inn(f"77{int(unique, 16) % 10**7:07d}")
    counterparty = admin.post("/counterparties/", json={"name": f"Romashka LLC {unique}", "tax_id": tax_id})
    assert counterparty.status_code == 201, counterparty.text
    counterparty = counterparty.json()
    document = admin.post("/documents/", json={
        "type_id": contract["id"], "title": f"Supply contract {unique}", "counterparty_id": counterparty["id"],
        "amount": "1500000.00", "currency": "RUB"})
    assert document.status_code == 201, document.text
    document = document.json()

    uploaded = admin.post(f"/documents/{document['id']}/files",
                          files={"file": ("contract.pdf", PDF, "application/octet-stream")})
    assert uploaded.status_code == 201, uploaded.text
    version = uploaded.json()
    assert version["sha256"] == hashlib.sha256(PDF).hexdigest()
    stored = json.loads(compose("exec", "-T", "documents", "python", "-c", LIST_OBJECTS,
                                f"documents/{document['id']}/", capture=True).strip().splitlines()[-1])
    assert list(stored.values()) == [len(PDF)], f"the S3 container holds {stored}"

    approval = admin.post("/approvals/", json={"document_id": document["id"], "approver_ids": [approver["id"]]})
    assert approval.status_code == 201, approval.text
    approval = approval.json()
    inbox = eventually(lambda: approver_api.get("/notifications/").json()["items"], timeout=WAIT)
    assert inbox[0]["kind"] == "approval.task_assigned" and document["number"] in inbox[0]["title"]
    assert eventually(lambda: admin.get(f"/documents/{document['id']}").json()["status"] == "on_approval",
                      timeout=WAIT)

    task = next(t for t in approver_api.get("/approvals/tasks").json()["items"] if t["approval_id"] == approval["id"])
    decided = approver_api.post(f"/approvals/tasks/{task['id']}/decision",
                                json={"decision": "approve", "comment": "Terms are fine"})
    assert decided.status_code == 200, decided.text
    assert eventually(lambda: admin.get(f"/documents/{document['id']}").json()["status"] == "approved",
                      timeout=WAIT)

    view = eventually(lambda: (v := admin.get(f"/counterparties/{counterparty['id']}/overview").json())
                      ["notifications"]["items"] and v, timeout=WAIT)
    check_view(view, counterparty, document, approval)
    made.append({"counterparty": counterparty, "document": document, "version": version, "approval": approval,
                 "approver": approver_api, "approver_id": approver["id"]})


def check_view(view, counterparty, document, approval):
    assert view["unavailable"] == []
    assert view["counterparty"]["name"] == counterparty["name"]
    [shown] = view["documents"]["items"]
    assert (shown["id"], shown["status"], shown["file_count"]) == (document["id"], "approved", 1)
    [finished] = view["approvals"]["items"]
    assert (finished["id"], finished["status"]) == (approval["id"], "approved")
    assert [n["kind"] for n in view["notifications"]["items"]] == ["approval.finished"]


def test_every_replica_is_healthy_by_its_own_readyz(compose):
    compose.wait_healthy()
    replicas = compose.long_running()
    services = [name for name, spec in compose.config()["services"].items()
                if "CHANCERY_HTTP_PORT" in (spec.get("environment") or {})]
    assert services, "no service serves its own /readyz"
    for service in services:
        containers = [c for c in compose.containers(service) if c["State"] == "running"]
        assert len(containers) == replicas[service] >= 2, f"{service}: {len(containers)} running"
        for container in containers:
            answer = compose.exec_in(container["Name"], "python", "-c",
                                     "import os, urllib.request; print(urllib.request.urlopen("
                                     "f'http://127.0.0.1:{os.environ[\"CHANCERY_HTTP_PORT\"]}/readyz').read().decode())")
            ready = json.loads(answer)
            assert ready["service"] == service and ready["status"] == "ready", f"{container['Name']}: {ready}"
            assert set(ready["checks"].values()) == {"ok"}, ready


def test_postgresql_runs_with_the_memory_compose_gives_it(compose):
    """docker-compose.yml's command sets PostgreSQL's buffers (.env.example's values); asked over the
    container's own socket, where the administrator needs no password."""
    [server] = [c["Name"] for c in compose.containers("postgres") if c["State"] == "running"]
    user = compose.config()["services"]["postgres"]["environment"]["POSTGRES_USER"]
    ask = ["psql", "-h", "/var/run/postgresql", "-p", "5432", "-U", user, "-d", "postgres", "-Atc"]
    shown = {setting: compose.exec_in(server, *ask, f"SHOW {setting}").strip()
             for setting in ("shared_buffers", "effective_cache_size")}
    assert shown == {"shared_buffers": "512MB", "effective_cache_size": "1536MB"}


def test_the_whole_path_through_the_gateway_in_containers(admin, employee, unique, eventually, compose):
    walk(admin, employee, unique, eventually, compose)


def test_a_restarted_service_and_a_crashed_one_recover_by_themselves(
        admin, employee, unique, eventually, compose, gateway_answers):
    compose("restart", "documents")
    victim = sorted(c["Name"] for c in compose.containers("approvals") if c["State"] == "running")[0]
    restarts = compose.inspect(victim)["RestartCount"]
    compose.crash(victim)
    # its restart policy, not the test, brings it back; then every replica is healthy again
    eventually(lambda: compose.inspect(victim)["RestartCount"] > restarts, timeout=WAIT)
    compose.wait_healthy()
    gateway_answers()
    walk(admin, employee, unique, eventually, compose)


def test_down_and_up_keep_the_data(compose, gateway_answers):
    assert made, "nothing was made to look for"
    compose("down")
    assert not compose.containers()
    compose("up", "-d", "--no-build")
    compose.wait_healthy()
    admin = gateway_answers()
    for it in made:
        document, version = it["document"], it["version"]
        assert admin.get(f"/documents/{document['id']}").json()["status"] == "approved"
        content = admin.get(f"/documents/{document['id']}/files/versions/{version['id']}/content")
        assert content.status_code == 200 and content.content == PDF
        view = admin.get(f"/counterparties/{it['counterparty']['id']}/overview").json()
        check_view(view, it["counterparty"], document, it["approval"])
        # the approver's session (signed in before `down`) and notification are still there
        kinds = [n["kind"] for n in it["approver"].get("/notifications/").json()["items"]]
        assert "approval.task_assigned" in kinds
