"""Background jobs through the gateway: exports with every row (more than the old 10,000
limit), real date and money cells, who sees a job, cancelling, and jobs that outlive the
gateway process and the worker that ran them."""
import io
import uuid

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, text

from chancery_common.database import normalise_url
from chancery_local import infra

pytestmark = pytest.mark.system

MANY = 10_050  # more than the synchronous export's old limit of 10,000 rows


@pytest.fixture(scope="module")
def many_counterparties(system, admin):
    """``MANY`` counterparties named with one tag, made by SQL in the counterparties database
    (as bench/ makes its data): an import of this size would take the test much longer."""
    # letters only: a search's digits (four or more) also find phone numbers that hold them
    tag = "Bulk" + uuid.uuid4().hex[:12].translate(str.maketrans("0123456789", "ghijklmnop"))
    engine = create_engine(normalise_url(system.database_urls["counterparties"]))
    with engine.begin() as connection:
        connection.execute(text("""
            INSERT INTO counterparties (id, kind, name, country, tax_id, status, responsible_employee_id,
                                        created_by, created_at, updated_at)
            SELECT gen_random_uuid(), 'organisation', :tag || ' ' || lpad(n::text, 5, '0'), 'RU',
                   lpad(n::text, 10, '7'), 'active', CAST(:admin AS uuid), CAST(:admin AS uuid),
                   TIMESTAMPTZ '2026-01-01 08:00+00' + n * interval '1 hour', now()
            FROM generate_series(1, :many) AS n"""), {"tag": tag, "admin": admin.employee["id"], "many": MANY})
    engine.dispose()
    return tag


def job_of(api, job_id):
    return api.get(f"/jobs/{job_id}").json()


def test_an_export_of_more_than_10000_rows_has_every_row_and_date_cells(admin, many_counterparties):
    job, exported = admin.run_job("/counterparties/export", timeout=120,
                                  json={"search": many_counterparties, "format": "xlsx", "sort": "created_at"})
    assert (job["state"], job["progress_done"], job["progress_total"]) == ("done", MANY, MANY), job
    assert job["report"] == {"rows": MANY} and job["kind"] == "counterparties_export"
    assert exported.status_code == 200
    assert exported.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in exported.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(exported.content), read_only=True).active
    rows = sheet.iter_rows()
    header = [cell.value for cell in next(rows)]
    name, created = header.index("name"), header.index("created_at (UTC)")
    names, first = [], None
    for row in rows:
        names.append(row[name].value)
        if first is None:
            first = row[created]
    assert names == [f"{many_counterparties} {n:05d}" for n in range(1, MANY + 1)]  # every row, in order
    assert first.is_date and first.value.isoformat() == "2026-01-01T09:00:00"
    assert first.number_format == "DD.MM.YYYY HH:MM"


def test_a_document_export_writes_date_and_money_cells_with_russian_headers(admin, unique):
    types = {t["code"]: t for t in admin.get("/document-types/").json()["items"]}
    contract = types.get("contract") or next(iter(types.values()))
    made = admin.post("/documents/", json={"type_id": contract["id"], "title": f"Supply {unique}",
                                           "amount": "1250000.50", "currency": "RUB",
                                           "document_date": "2026-02-03", "valid_to": "2027-01-31"})
    assert made.status_code == 201, made.text
    # the language of the request that starts it (here the language switch's cookie) goes with the job
    job, exported = admin.run_job("/documents/export", json={"search": unique}, cookies={"chancery_lang": "ru"})
    assert job["state"] == "done" and job["language"] == "ru", job
    sheet = load_workbook(io.BytesIO(exported.content)).active
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["Номер", "Дата регистрации", "Вид документа", "Содержание"]
    row = dict(zip(header, sheet[2], strict=True))
    assert row["Содержание"].value == f"Supply {unique}"
    assert row["Дата документа"].is_date and row["Дата документа"].value.date().isoformat() == "2026-02-03"
    assert row["Дата документа"].number_format == "DD.MM.YYYY"
    assert row["Сумма"].data_type == "n" and row["Сумма"].value == 1250000.5
    assert row["Сумма"].number_format == "#,##0.00" and row["Валюта"].value == "RUB"
    assert row["Статус"].value == "Черновик"


def test_only_the_creator_and_administrators_see_a_job_and_its_file(admin, employee, unique):
    _, owner = employee("Job Owner")
    _, other = employee("Job Other")
    job, exported = owner.run_job("/counterparties/export", json={"search": unique})
    assert job["state"] == "done" and exported.status_code == 200
    assert other.get(f"/jobs/{job['id']}").status_code == 404
    assert other.get(f"/jobs/{job['id']}/result").status_code == 404
    assert other.post(f"/jobs/{job['id']}/cancel").status_code == 404
    assert job["id"] not in [j["id"] for j in other.get("/jobs/").json()["items"]]
    assert job["id"] in [j["id"] for j in owner.get("/jobs/").json()["items"]]
    assert admin.get(f"/jobs/{job['id']}/result").status_code == 200  # administrators see every job
    assert owner.post(f"/jobs/{job['id']}/cancel").status_code == 409  # finished: nothing to cancel


def test_an_import_job_reports_every_row_and_a_bad_file_is_refused_at_once(admin, unique):
    content = f"name;email\r\nImported {unique};info@{unique}.example\r\n;nobody\r\n".encode()
    started = admin.post("/counterparties/import", files={"file": ("list.csv", content)},
                         data={"dry_run": "true", "allow_partial": "true"})
    job, result = admin.run_job_of(started)
    assert job["state"] == "done" and result is None, job
    assert job["params"] == {"mode": "skip", "dry_run": True, "allow_partial": True, "filename": "list.csv"}
    assert [row["action"] for row in job["report"]["rows"]] == ["create", "error"]
    assert (job["progress_done"], job["progress_total"]) == (2, 2)
    refused = admin.post("/counterparties/import", files={"file": ("list.pdf", b"%PDF-1.4")})
    assert refused.status_code == 422 and "file" in refused.json()["errors"]["json"]


def test_a_running_export_is_cancelled_at_its_next_page(admin, many_counterparties, eventually):
    started = admin.post("/counterparties/export", json={"search": many_counterparties, "format": "csv"})
    assert started.status_code == 202
    job_id = started.json()["id"]
    assert admin.post(f"/jobs/{job_id}/cancel").status_code == 200

    def finished():
        job = job_of(admin, job_id)
        return job if job["state"] in ("done", "failed", "cancelled") else None
    job = eventually(finished, timeout=60)
    assert job["state"] == "cancelled" and job["result_url"] is None
    assert job["progress_done"] < MANY
    assert admin.get(f"/jobs/{job_id}/result").status_code == 409


def test_a_job_outlives_the_gateway_and_the_worker_that_ran_it(system, admin, many_counterparties, eventually):
    started = admin.post("/counterparties/export", json={"search": many_counterparties, "format": "csv"})
    assert started.status_code == 202
    job_id = started.json()["id"]
    eventually(lambda: job_of(admin, job_id)["state"] == "running", timeout=30, interval=0.05)
    # every gateway process and every jobs worker dies mid-export (kill -9)
    system.kill_process("gateway")
    system.kill_process("jobs")
    system.start_process("jobs")
    system.start_process("gateway")
    for url in {*system.gateway_urls.values(), system.profile.gateway_url}:
        infra.wait_for_gateway(url)

    def finished():
        job = job_of(admin, job_id)
        return job if job["state"] in ("done", "failed", "cancelled") else None
    job = eventually(finished, timeout=120, interval=0.5)
    assert job["state"] == "done" and job["attempts"] == 2, job["error"]  # taken up again after its lease ran out
    exported = admin.get(f"/jobs/{job_id}/result")
    assert exported.status_code == 200
    assert exported.content.decode("utf-8-sig").count("\r\n") == MANY + 1  # the header and every row, once
