"""The holding's LDAP directory through the API, against Debian's slapd (StartTLS with the
run's CA): the administrator connects it, previews and runs the sync, directory users sign
in with the directory's password, and a change in the directory reaches Chancery on the
next scheduled sync; everything audited with source "ldap"."""
import pytest

pytestmark = pytest.mark.system

ANNA = "anna-directory-password"


@pytest.fixture(scope="module")
def directory(admin, ldap_server):
    refused = admin.request("PUT", "/settings/ldap-directory", json=ldap_server.settings(
        start_tls=False, sync_interval_minutes=0))
    assert refused.status_code == 422 and "start_tls" in refused.json()["errors"]["json"], refused.text
    saved = admin.request("PUT", "/settings/ldap-directory", json=ldap_server.settings(
        allow_create=True, sync_interval_minutes=0, max_dismissals=100))
    assert saved.status_code == 200, saved.text
    assert saved.json()["has_bind_password"] and "bind_password" not in saved.json()
    yield ldap_server
    assert admin.request("PUT", "/settings/ldap-directory", json={"enabled": False}).status_code == 200


def sign_in(client, login, password):
    return client().http.post(f"{client().base_url}/api/v1/auth/login",
                              json={"email": login, "password": password}, timeout=30)


def employee(admin, email):
    found = admin.get("/employees/", params={"search": email, "active_only": "false"}).json()["items"]
    return found[0] if found else None


def mine(result, action, directory):
    return {change.get("email") for change in result["changes"] if change["action"] == action
            and directory.run in (change.get("email") or "")}


def test_dry_run_then_sync_then_directory_users_sign_in(admin, client, directory):
    dry = admin.post("/settings/ldap-directory/sync", json={"dry_run": True})
    assert dry.status_code == 200, dry.text
    emails = {directory.email(uid) for uid in ("anna", "boris", "vera", "gleb")}
    assert mine(dry.json(), "created", directory) == emails
    assert employee(admin, directory.email("anna")) is None  # a dry run writes nothing

    done = admin.post("/settings/ldap-directory/sync", json={})
    assert done.status_code == 200 and done.json()["status"] == "succeeded", done.text
    assert mine(done.json(), "created", directory) == emails
    runs = admin.get("/settings/ldap-directory/syncs").json()["items"]
    assert runs[0]["id"] == done.json()["id"] and runs[0]["trigger"] == "administrator"

    signed = sign_in(client, "anna", ANNA)
    assert signed.status_code == 200, signed.text
    anna = signed.json()["employee"]
    assert anna["email"] == directory.email("anna") and anna["roles"] == ["lawyer"]
    assert sign_in(client, directory.email("anna"), ANNA).status_code == 200  # the e-mail is a login too
    for login, password in (("anna", "wrong password"), ("nobody", ANNA), ("*", ANNA), ("anna)(uid=*", ANNA)):
        answer = sign_in(client, login, password)
        assert answer.status_code == 401, (login, answer.text)

    audit = admin.get("/audit", params={"record_type": "employee", "record_id": anna["id"], "limit": 50})
    rows = audit.json()["items"]
    assert any(row["action"] == "signed_in" and row["changes"]["source"]["to"] == "ldap" for row in rows)
    assert any(row["action"] == "sign_in_failed" and row["changes"]["source"]["to"] == "ldap" for row in rows)
    assert any(row["action"] == "created" and row["changes"]["source"]["to"] == "ldap" for row in rows)


def test_a_directory_change_reaches_chancery_on_the_next_scheduled_sync(admin, client, eventually, directory):
    boris_id = employee(admin, directory.email("boris"))["id"]
    vera_id = employee(admin, directory.email("vera"))["id"]
    directory.modify("dn: uid=boris,ou=Sales {run},ou=people,dc=holding,dc=test\nchangetype: modrdn\n"
                     "newrdn: uid=boris\ndeleteoldrdn: 1\nnewsuperior: ou=Legal {run},ou=people,dc=holding,dc=test\n")
    directory.modify("dn: cn=sales-managers,ou=groups,dc=holding,dc=test\nchangetype: modify\n"
                     "delete: member\nmember: uid=boris,ou=Sales {run},ou=people,dc=holding,dc=test\n")
    directory.modify("dn: uid=vera,ou=Sales {run},ou=people,dc=holding,dc=test\nchangetype: delete\n")
    # a sync every hour: the first one runs at the next tick of the staff service's timer
    assert admin.request("PUT", "/settings/ldap-directory", json={"sync_interval_minutes": 60}).status_code == 200
    scheduled = eventually(lambda: [run for run in admin.get("/settings/ldap-directory/syncs").json()["items"]
                                    if run["trigger"] == "schedule"], timeout=30)
    assert scheduled[0]["status"] == "succeeded", scheduled[0]

    boris = admin.get(f"/employees/{boris_id}").json()
    legal = [d for d in admin.get("/departments/").json()["items"] if d["name"] == f"Legal {directory.run}"][0]
    assert boris["department_id"] == legal["id"] and boris["roles"] == ["employee"]
    assert admin.get(f"/employees/{vera_id}").json()["is_active"] is False
    refused = sign_in(client, "vera", "vera-directory-password")
    assert refused.status_code == 401  # gone from the directory
    rows = admin.get("/audit", params={"record_type": "employee", "record_id": vera_id}).json()["items"]
    dismissal = [row for row in rows if row["changes"].get("is_active")]
    assert dismissal and dismissal[0]["changes"]["source"]["to"] == "ldap"
