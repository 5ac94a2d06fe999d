"""The organisation: departments, legal entities, CSV import, absences and deputies, role settings."""
import io
import time
from datetime import date, datetime, timedelta, timezone

import pytest
from nameko.standalone.rpc import ClusterRpcProxy
from openpyxl import Workbook

pytestmark = pytest.mark.system


def auth_cache_seconds():
    from chancery_gateway.auth import CACHE_SECONDS
    return CACHE_SECONDS + 0.5


def test_departments_heads_and_what_a_head_sees(admin, employee, unique, client):
    entity = admin.post("/legal-entities/", json={"name": f"Stroy Holding {unique}", "tax_id": "7707083893"})
    assert entity.status_code == 201, entity.text
    head, _ = employee("Helen Head", roles=["department_head"])
    sales = admin.post("/departments/", json={"name": f"Sales {unique}", "head_id": head["id"],
                                              "legal_entity_id": entity.json()["id"]}).json()
    north = admin.post("/departments/", json={"name": f"Sales North {unique}", "parent_id": sales["id"]}).json()
    loop = admin.patch(f"/departments/{sales['id']}", json={"parent_id": north["id"]})
    assert loop.status_code == 422 and "parent_id" in loop.json()["errors"]["json"]
    same_name = admin.post("/departments/", json={"name": f"sales {unique}"})
    assert same_name.status_code == 409

    password = f"head-password-{unique}"
    admin.post(f"/employees/{head['id']}/password-reset", json={"new_password": password})
    me = client(head["email"], password).get("/auth/me").json()
    assert set(me["visible_department_ids"]) == {sales["id"], north["id"]}


def test_csv_import_is_all_or_nothing(admin, client, unique):
    bad = (f"full_name,email,department,roles\nGood Person,good.{unique}@x.ru,Imported {unique},manager\n"
           f",nameless.{unique}@x.ru,,\nThird,third.{unique}@x.ru,,emperor\n")
    refused = admin.run_import("/employees/import", "staff.csv", bad.encode())
    assert refused.status_code == 422
    errors = refused.json()["errors"]["json"]["rows"]
    assert set(errors) == {"3", "4"}
    assert "emperor" in errors["4"][0]
    assert admin.get("/employees/", params={"search": f"good.{unique}"}).json()["total"] == 0

    good = (f"full_name,email,department,position,phone,roles\n"
            f"Olga Import,olga.{unique}@x.ru,Imported {unique},Accountant,+7 900,accountant\n"
            f"Oleg Import,oleg.{unique}@x.ru,Imported {unique},Manager,,manager;employee\n")
    result = admin.run_import("/employees/import", "staff.csv", good.encode("utf-8-sig"))
    assert result.status_code == 200, result.text
    counts = ("employees_created", "employees_updated", "departments_created")
    assert [result.json()[key] for key in counts] == [2, 0, 1]
    assert result.json()["file"] == {"format": "csv", "encoding": "utf-8-sig", "separator": ","}
    again = admin.run_import("/employees/import", "staff.csv", good.encode()).json()
    assert [again[key] for key in counts] == [0, 2, 0]
    olga = admin.get("/employees/", params={"search": f"olga.{unique}"}).json()["items"][0]
    assert (olga["position"], olga["roles"]) == ("Accountant", ["accountant"])


def test_the_employees_import_is_a_job_only_administrators_start(admin, employee, unique):
    _, manager_api = employee("Import Outsider")
    content = f"full_name,email\nOutsider Row,outsider.{unique}@x.ru\n".encode()
    refused = manager_api.post("/employees/import", files={"file": ("staff.csv", content)})
    assert refused.status_code == 403, refused.text
    started = admin.post("/employees/import", files={"file": ("staff.csv", content)}, data={"dry_run": "true"})
    assert started.status_code == 202 and started.json()["kind"] == "employees_import", started.text
    job, _ = admin.run_job_of(started)
    assert (job["state"], job["report"]["employees_created"], job["params"]["dry_run"]) == ("done", 1, True)
    unreadable = admin.post("/employees/import", files={"file": ("staff.xlsx", b"not a workbook")})
    assert unreadable.status_code == 422 and "file" in unreadable.json()["errors"]["json"], unreadable.text


def test_employees_from_an_xlsx_workbook_with_russian_headers(admin, unique):
    book = Workbook()
    book.active.append(["ФИО", "Эл. почта", "Подразделение", "Должность", "Телефон", "Роли", "Табельный №"])
    book.active.append(["Вера Иванова", f"Vera.{unique}@x.ru", f"Бухгалтерия {unique}", "Главный бухгалтер",
                        "+7 495 100-00-00", "Бухгалтер", 101])
    book.active.append(["Пётр Орлов", f"petr.{unique}@x.ru", f"Бухгалтерия {unique}", None, None, None, 102])
    buffer = io.BytesIO()
    book.save(buffer)

    preview = admin.run_import("/employees/import", "сотрудники.xlsx", buffer.getvalue(), dry_run=True)
    assert preview.status_code == 200, preview.text
    report = preview.json()
    assert (report["dry_run"], report["applied"], report["employees_created"]) == (True, False, 2)
    assert report["file"] == {"format": "xlsx", "encoding": None, "separator": None}
    assert report["unknown_columns"] == ["Табельный №"] and report["departments"] == [f"Бухгалтерия {unique}"]
    assert admin.get("/employees/", params={"search": f"vera.{unique}"}).json()["total"] == 0

    done = admin.run_import("/employees/import", "сотрудники.xlsx", buffer.getvalue())
    assert done.status_code == 200 and done.json()["applied"], done.text
    vera = admin.get("/employees/", params={"search": f"vera.{unique}"}).json()["items"][0]
    assert (vera["full_name"], vera["position"], vera["roles"]) == ("Вера Иванова", "Главный бухгалтер",
                                                                   ["accountant"])

    no_email = "ФИО;Подразделение\r\nАнна;Продажи\r\n".encode("cp1251")
    refused = admin.run_import("/employees/import", "staff.csv", no_email)
    assert refused.status_code == 422
    assert refused.json()["errors"]["json"]["file"] == ["Missing columns: email."]


def test_absences_name_who_acts_for_whom(admin, employee, system):
    away, away_api = employee("Vera Vacation")
    deputy, _ = employee("Denis Deputy")
    today = date.today()
    own = away_api.post("/absences/", json={"employee_id": away["id"], "deputy_id": deputy["id"],
                                            "starts_on": today.isoformat(),
                                            "ends_on": (today + timedelta(days=14)).isoformat(),
                                            "reason": "vacation"})
    assert own.status_code == 201, own.text
    overlap = away_api.post("/absences/", json={"employee_id": away["id"], "deputy_id": deputy["id"],
                                                "starts_on": (today + timedelta(days=3)).isoformat(),
                                                "ends_on": (today + timedelta(days=4)).isoformat()})
    assert overlap.status_code == 409
    for_someone_else = away_api.post("/absences/", json={
        "employee_id": deputy["id"], "deputy_id": away["id"], "starts_on": today.isoformat(),
        "ends_on": today.isoformat()})
    assert for_someone_else.status_code == 403
    backwards = away_api.post("/absences/", json={
        "employee_id": away["id"], "deputy_id": deputy["id"], "starts_on": "2030-01-10",
        "ends_on": "2030-01-01"})
    assert backwards.status_code == 422 and "ends_on" in backwards.json()["errors"]["json"]

    with ClusterRpcProxy({"AMQP_URI": system.profile.amqp_uri}, timeout=10) as cluster:
        acting = cluster.staff.acting_employees({"employee_ids": [away["id"], deputy["id"]]})
        assert acting[away["id"]] == {"acting_id": deputy["id"], "on_behalf_of": away["id"]}
        assert acting[deputy["id"]] == {"acting_id": deputy["id"], "on_behalf_of": None}
        admin.post(f"/absences/{own.json()['id']}/cancel")
        assert cluster.staff.acting_employees({"employee_ids": [away["id"]]})[away["id"]]["acting_id"] == away["id"]


def test_role_settings_decide_permissions(admin, employee):
    settings = admin.get("/settings/role-permissions").json()
    assert "secretary" in settings["register_documents"]
    changed = admin.request("PUT", "/settings/role-permissions",
                            json={"permission": "configure_routes", "roles": ["director", "accountant"]})
    assert changed.status_code == 200
    assert set(changed.json()["configure_routes"]) == {"administrator", "director", "accountant"}
    accountant, accountant_api = employee("Anton Accountant", roles=["accountant"])
    assert "configure_routes" in accountant_api.get("/auth/me").json()["permissions"]
    unknown = admin.request("PUT", "/settings/role-permissions", json={"permission": "fly", "roles": []})
    assert unknown.status_code == 422


def test_an_absent_approvers_task_goes_to_their_deputy(admin, employee, eventually):
    away, _ = employee("Alla Away", roles=["lawyer"])
    deputy, deputy_api = employee("Dmitry Deputy", roles=["lawyer"])
    today = date.today()
    assert admin.post("/absences/", json={"employee_id": away["id"], "deputy_id": deputy["id"],
                                          "starts_on": today.isoformat(),
                                          "ends_on": (today + timedelta(days=7)).isoformat()}).status_code == 201
    memo = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "memo")
    document = admin.post("/documents/", json={"type_id": memo["id"], "title": "While Alla is away"}).json()
    approval = admin.post("/approvals/", json={"document_id": document["id"], "approver_ids": [away["id"]]})
    assert approval.status_code == 201, approval.text
    task = approval.json()["stages"][0]["tasks"][0]
    assert (task["approver_id"], task["on_behalf_of"]) == (deputy["id"], away["id"])
    inbox = eventually(lambda: deputy_api.get("/notifications/").json()["items"])
    assert inbox[0]["subject_id"] == approval.json()["id"]
    decided = deputy_api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "approve"})
    assert decided.status_code == 200
    rows = admin.get("/audit", params={"record_type": "approval", "record_id": approval.json()["id"]}).json()
    decision = next(r for r in rows["items"] if r["action"] == "decision_recorded")
    assert (decision["actor_id"], decision["on_behalf_of"]) == (deputy["id"], away["id"])


def test_when_staff_is_down_an_approval_cannot_start_half_way(admin, employee, system):
    approver, _ = employee("Sergey Stalled", roles=["lawyer"])
    memo = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "memo")
    document = admin.post("/documents/", json={"type_id": memo["id"], "title": "Staff is down"}).json()
    system.stop_process("staff")
    try:
        refused = admin.post("/approvals/", json={"document_id": document["id"], "approver_ids": [approver["id"]]})
    finally:
        system.start_process("staff")
    assert refused.status_code == 503 and "staff" in refused.json()["message"]
    assert admin.get("/approvals/", params={"document_id": document["id"]}).json()["total"] == 0


def test_positions_are_a_list_administrators_keep(admin, employee, unique):
    made = admin.post("/positions/", json={"name": f"Site engineer {unique}"})
    assert made.status_code == 201
    assert admin.post("/positions/", json={"name": f"site ENGINEER {unique}"}).status_code == 409
    assert f"Site engineer {unique}" in [p["name"] for p in admin.get("/positions/").json()["items"]]
    _, someone = employee("Pyotr Plain")
    assert someone.post("/positions/", json={"name": f"Chief {unique}"}).status_code == 403



def test_a_deputy_finds_the_absent_colleagues_activities_in_their_agenda(admin, employee, unique):
    away, away_api = employee("Klara Away", roles=["manager"])
    deputy, deputy_api = employee("Kirill Deputy", roles=["manager"])
    counterparty = admin.post("/counterparties/", json={"name": f"Deputised LLC {unique}",
                                                        "responsible_employee_id": away["id"]}).json()
    call = away_api.post("/activities/", json={
        "counterparty_id": counterparty["id"], "kind": "call", "subject": "Confirm the delivery",
        "planned_at": datetime.now(timezone.utc).isoformat()}).json()
    assert deputy_api.get(f"/activities/{call['id']}").status_code == 404  # not yet their deputy

    today = date.today()
    admin.post("/absences/", json={"employee_id": away["id"], "deputy_id": deputy["id"],
                                   "starts_on": today.isoformat(), "ends_on": today.isoformat()})
    # the identity (and so whom one deputises for) is cached for a few seconds
    time.sleep(auth_cache_seconds())
    agenda = deputy_api.get("/activities/agenda", params={"tz": "UTC"})
    assert agenda.status_code == 200, agenda.text
    [shown] = agenda.json()["today"]["call"]
    assert (shown["id"], shown["on_behalf_of"]) == (call["id"], away["id"])
    done = deputy_api.post(f"/activities/{call['id']}/completion", json={"result": "Delivery confirmed"})
    assert done.status_code == 200, done.text
    rows = admin.get("/audit", params={"record_type": "activity", "record_id": call["id"]}).json()["items"]
    completed = next(r for r in rows if r["action"] == "completed")
    assert (completed["actor_id"], completed["on_behalf_of"]) == (deputy["id"], away["id"])
