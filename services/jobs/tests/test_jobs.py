"""The job's state machine, cancellation, expiry and who sees a job, against a real
PostgreSQL and S3; the other services are fakes answering as their RPC contracts do."""
import csv
import io
from datetime import date, datetime, timedelta, timezone

import pytest
from openpyxl import load_workbook

from chancery_common.errors import InvalidInput
from jobs import logic, runner
from jobs.exceptions import Conflict, Lost, NotFound

SETTINGS = logic.Settings(page_size=7, result_ttl=timedelta(hours=1), lease=timedelta(seconds=30))


class FakeDirectory:
    """The counterparties service's export_counterparties: ``total`` rows, keyset-paged."""

    def __init__(self, total, on_page=None):
        self.total, self.on_page, self.pages = total, on_page, 0

    def __call__(self, service, method, actor, query):
        assert (service, method) == ("counterparties", "export_counterparties")
        self.pages += 1
        if self.on_page:
            self.on_page(self.pages)
        start = int(query["after"][1]) if query["after"] else 0
        end = min(start + query["limit"], self.total)
        rows = [[f"Counterparty {i}", f"77{i:08d}", datetime(2026, 3, 1 + i % 28, 9, 30, tzinfo=timezone.utc)
                 .isoformat()] for i in range(start, end)]
        return {"columns": ["name", "tax_id", "created_at"], "rows": rows,
                "total": self.total if query["after"] is None else None,
                "next_after": [f"Counterparty {end}", str(end)] if end < self.total else None}


def start(session, actor, kind="counterparties_export", params=None, language="en", time_zone=None):
    with session.begin():
        job = logic.start_job(session, actor=actor[0], actor_data=actor[1], kind=kind, language=language,
                              params=params if params is not None else {"query": {}, "format": "xlsx"},
                              time_zone=time_zone)
    return job.id


def run_next(session, storage, call, call_long=None):
    claim = logic.claim_next(session, settings=SETTINGS)
    assert claim is not None
    return runner.run(session, claim, settings=SETTINGS, storage=storage, call=call, call_long=call_long)


def stored_bytes(storage, job):
    response = storage.client.get_object(storage.bucket, job.result_key)
    try:
        return response.read()
    finally:
        response.close()
        response.release_conn()


def test_an_export_goes_from_queued_to_done_with_every_row_in_the_file(session, storage, employee):
    job_id = start(session, employee, language="ru")
    job = logic.get_job(session, actor=employee[0], job_id=job_id)
    assert (job.state, job.progress_done, job.attempts) == ("queued", 0, 0)
    session.rollback()

    assert run_next(session, storage, FakeDirectory(23)) == "done"

    job = logic.get_job(session, actor=employee[0], job_id=job_id)
    assert (job.state, job.progress_done, job.progress_total) == ("done", 23, 23)
    assert job.result_filename.endswith(".xlsx") and job.report == {"rows": 23}
    assert job.expires_at - job.finished_at == SETTINGS.result_ttl
    sheet = load_workbook(io.BytesIO(stored_bytes(storage, job))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Наименование", "ИНН", "Создан (UTC)")  # the requester's language
    assert [row[0] for row in rows[1:]] == [f"Counterparty {i}" for i in range(23)]
    created = sheet.cell(row=2, column=3)
    assert created.is_date and created.value == datetime(2026, 3, 1, 9, 30)
    assert created.number_format == "DD.MM.YYYY HH:MM"
    session.rollback()
    assert logic.claim_next(session, settings=SETTINGS) is None  # nothing left to do


def test_a_csv_export_in_english_keeps_the_field_names_and_iso_dates(session, storage, employee):
    job_id = start(session, employee, params={"query": {}, "format": "csv"})
    assert run_next(session, storage, FakeDirectory(3)) == "done"
    job = logic.get_job(session, actor=employee[0], job_id=job_id)
    text = stored_bytes(storage, job).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["name", "tax_id", "created_at (UTC)"]
    assert rows[1] == ["Counterparty 0", "7700000000", "2026-03-01 09:30"]
    assert len(rows) == 4


def test_an_export_writes_times_in_the_requesters_time_zone(session, storage, employee):
    """09:30 UTC is 12:30 in Moscow: the cell holds Moscow's wall clock and the header names the zone;
    a CSV in Russian writes it as DD.MM.YYYY HH:MM."""
    job_id = start(session, employee, language="ru", time_zone="Europe/Moscow")
    assert run_next(session, storage, FakeDirectory(2)) == "done"
    job = logic.get_job(session, actor=employee[0], job_id=job_id)
    sheet = load_workbook(io.BytesIO(stored_bytes(storage, job))).active
    assert sheet.cell(row=1, column=3).value == "Создан (Europe/Moscow)"
    assert sheet.cell(row=2, column=3).value == datetime(2026, 3, 1, 12, 30)
    session.rollback()
    csv_id = start(session, employee, language="ru", time_zone="Asia/Vladivostok",
                   params={"query": {}, "format": "csv"})
    assert run_next(session, storage, FakeDirectory(1)) == "done"
    job = logic.get_job(session, actor=employee[0], job_id=csv_id)
    rows = list(csv.reader(io.StringIO(stored_bytes(storage, job).decode("utf-8-sig")), delimiter=";"))
    assert rows[0][2] == "Создан (Asia/Vladivostok)" and rows[1][2] == "01.03.2026 19:30"


def test_a_moment_in_a_date_column_is_the_day_it_was_in_the_zone():
    """A document registered at 01:00 in Moscow on 5 March is 22:00 UTC on 4 March: its date is the 5th."""
    from jobs.tables import typed, zone_of
    assert typed("2026-03-04T22:00:00+00:00", "date", zone_of("Europe/Moscow")) == date(2026, 3, 5)
    assert typed("2026-03-04T22:00:00+00:00", "date", zone_of(None)) == date(2026, 3, 4)
    assert typed("2026-03-05", "date", zone_of("Asia/Vladivostok")) == date(2026, 3, 5)  # a date stays itself
    from jobs.schemas import NewJobSchema
    assert "time_zone" in NewJobSchema().validate({"kind": "documents_export", "time_zone": "Mars/Olympus"})


def test_cancelling_a_running_export_stops_it_at_its_next_page_and_keeps_no_file(sessions, storage, employee):
    worker, other = sessions(), sessions()
    job_id = start(worker, employee)

    def cancel_on_second_page(page):
        if page == 2:
            with other.begin():
                logic.cancel_job(other, actor=employee[0], job_id=job_id)
    directory = FakeDirectory(1000, on_page=cancel_on_second_page)

    assert run_next(worker, storage, directory) == "cancelled"

    assert directory.pages == 2  # of 143: it stopped after the page during which it was cancelled
    job = logic.get_job(worker, actor=employee[0], job_id=job_id)
    assert (job.state, job.result_key, job.progress_done) == ("cancelled", None, 14)
    assert not list(storage.client.list_objects(storage.bucket, prefix=f"jobs/{job_id}/", recursive=True))


def test_a_queued_job_is_cancelled_at_once_and_a_finished_one_cannot_be(session, storage, employee):
    job_id = start(session, employee)
    with session.begin():
        assert logic.cancel_job(session, actor=employee[0], job_id=job_id).state == "cancelled"
    with pytest.raises(Conflict), session.begin():
        logic.cancel_job(session, actor=employee[0], job_id=job_id)
    assert logic.claim_next(session, settings=SETTINGS) is None


def test_expiry_removes_the_file_and_says_so(session, storage, employee):
    job_id = start(session, employee)
    assert run_next(session, storage, FakeDirectory(5)) == "done"
    job = logic.get_job(session, actor=employee[0], job_id=job_id)
    key, expires_at = job.result_key, job.expires_at
    session.rollback()
    assert storage.exists(key)

    assert logic.expire_results(session, storage=storage, moment=expires_at - timedelta(seconds=1)) == 0
    assert storage.exists(key)
    assert logic.expire_results(session, storage=storage, moment=expires_at + timedelta(seconds=1)) >= 1

    assert not storage.exists(key)
    job = logic.get_job(session, actor=employee[0], job_id=job_id)
    assert (job.state, job.result_key, job.result_expired) == ("done", None, True)


def test_only_the_creator_and_administrators_see_a_job(session, storage, employee, colleague, administrator):
    job_id = start(session, employee)
    with pytest.raises(NotFound):
        logic.get_job(session, actor=colleague[0], job_id=job_id)
    session.rollback()
    with pytest.raises(NotFound), session.begin():
        logic.cancel_job(session, actor=colleague[0], job_id=job_id)
    assert job_id not in [j.id for j in logic.list_jobs(session, actor=colleague[0])[0]]
    assert job_id in [j.id for j in logic.list_jobs(session, actor=employee[0])[0]]
    # an administrator sees it, and lists it among everyone's
    assert logic.get_job(session, actor=administrator[0], job_id=job_id).id == job_id
    assert job_id not in [j.id for j in logic.list_jobs(session, actor=administrator[0])[0]]
    assert job_id in [j.id for j in logic.list_jobs(session, actor=administrator[0], everyone=True, limit=200)[0]]
    # a colleague's "everyone" is still only their own
    assert job_id not in [j.id for j in logic.list_jobs(session, actor=colleague[0], everyone=True)[0]]
    session.rollback()
    with session.begin():
        logic.cancel_job(session, actor=employee[0], job_id=job_id)


def test_a_job_whose_worker_died_is_taken_up_again_and_the_old_worker_lets_go(sessions, storage, employee):
    first, second = sessions(), sessions()
    job_id = start(first, employee)
    claim = logic.claim_next(first, settings=SETTINGS)
    assert claim.id == job_id and claim.attempt == 1
    stale = logic.Tracker(first, claim, SETTINGS)
    stale.report(done=0, total=10)
    # no renewal: past its lease, another worker claims it
    later = datetime.now(timezone.utc) + SETTINGS.lease + timedelta(seconds=1)
    again = logic.claim_next(second, settings=SETTINGS, moment=later)
    assert again.id == job_id and again.attempt == 2
    with pytest.raises(Lost):
        stale.report(done=5)
    assert runner.run(second, again, settings=SETTINGS, storage=storage, call=FakeDirectory(10),
                      call_long=None) == "done"
    assert logic.get_job(second, actor=employee[0], job_id=job_id).attempts == 2


def test_a_job_tried_too_often_fails(sessions, storage, employee):
    session = sessions()
    job_id = start(session, employee)
    moment = datetime.now(timezone.utc)
    for _ in range(SETTINGS.max_attempts):
        assert logic.claim_next(session, settings=SETTINGS, moment=moment).id == job_id
        moment += SETTINGS.lease + timedelta(seconds=1)
    assert logic.claim_next(session, settings=SETTINGS, moment=moment) is None
    job = logic.get_job(session, actor=employee[0], job_id=job_id)
    assert job.state == "failed" and "stopped 3 times" in job.error


def test_a_service_refusing_fails_the_job_with_its_message(session, storage, employee):
    job_id = start(session, employee)

    def refusing(*args):
        raise InvalidInput("Invalid input: status", {"status": ["Must be one of: active, archived."]})
    assert run_next(session, storage, refusing) == "failed"
    job = logic.get_job(session, actor=employee[0], job_id=job_id)
    assert (job.state, job.error, job.result_key) == ("failed", "Invalid input: status", None)


IMPORT = {"rows": [{"row": 2, "values": {"name": "Alpha"}}, {"row": 3, "values": {"name": ""}}],
          "mode": "skip", "dry_run": True, "allow_partial": False, "filename": "list.csv"}


def test_an_import_job_keeps_the_services_report_per_row(session, storage, employee):
    described = {"format": "csv", "encoding": "utf-8", "separator": ";"}
    job_id = start(session, employee, kind="counterparties_import",
                   params={**IMPORT, "columns": ["name"], "file": described})
    asked = []

    def import_counterparties(service, method, actor, request):
        asked.append((service, method, request))
        return {"dry_run": True, "applied": False, "total_rows": 2, "created": 1, "failed": 1,
                "rows": [{"row": 2, "action": "create"},
                         {"row": 3, "action": "error", "errors": {"name": ["Required."]}}]}
    assert run_next(session, storage, None, call_long=import_counterparties) == "done"
    assert asked[0][:2] == ("counterparties", "import_counterparties") and asked[0][2]["dry_run"] is True
    assert asked[0][2]["columns"] == ["name"]  # the file's headers go with the rows
    job = logic.get_job(session, actor=employee[0], job_id=job_id)
    assert (job.state, job.progress_done, job.progress_total, job.result_key) == ("done", 2, 2, None)
    assert job.report["rows"][1]["errors"] == {"name": ["Required."]} and job.report["filename"] == "list.csv"
    assert job.report["file"] == described  # how the gateway read it, for the report


def test_an_import_refused_for_its_rows_fails_naming_them(session, storage, employee):
    job_id = start(session, employee, kind="counterparties_import", params={**IMPORT, "dry_run": False})

    def refusing(service, method, actor, request):
        raise InvalidInput("Invalid input: 1 rows have errors (rows 3); nothing was imported",
                           {"rows": {"3": {"name": ["Required."]}}})
    assert run_next(session, storage, None, call_long=refusing) == "failed"
    job = logic.get_job(session, actor=employee[0], job_id=job_id)
    assert job.report["row_errors"] == {"3": {"name": ["Required."]}}
    assert "nothing was imported" in job.error


def test_a_retried_start_finds_the_first_job(session, employee):
    import uuid
    from dataclasses import replace
    keyed = replace(employee[0], idempotency_key=uuid.uuid4())
    first = start(session, (keyed, employee[1]))
    assert start(session, (keyed, employee[1])) == first


def test_document_export_writes_date_and_money_cells(session, storage, employee):
    job_id = start(session, employee, kind="documents_export", params={"query": {}, "format": "xlsx"})
    someone = "5b0e8a4e-7d43-4a8e-9f35-2f0f2b2a0c11"

    def services(service, method, actor, *args):
        if method == "employee_names_since":
            return {"version": 1, "names": {someone: "Ivanova A."}}
        if method == "list_counterparties":
            return {"items": [{"id": "c1", "name": "Alpha LLC"}], "total": 1}
        assert method == "export_documents"
        return {"items": [{"number": "D-1", "registered_at": "2026-02-03T10:00:00+00:00", "type": {"name": "Contract"},
                           "title": "=cmd", "counterparty_id": "c1", "status": "signed", "amount": "1500000.50",
                           "currency": "RUB", "document_date": "2026-02-01", "signing_date": None,
                           "valid_from": None, "valid_to": "2027-01-31", "responsible_id": someone}],
                "total": 1, "next_after": None}
    assert run_next(session, storage, services) == "done"
    job = logic.get_job(session, actor=employee[0], job_id=job_id)
    sheet = load_workbook(io.BytesIO(stored_bytes(storage, job))).active
    header, row = [c.value for c in sheet[1]], sheet[2]
    assert header[:4] == ["Number", "Registered", "Type", "Title"]
    values = dict(zip(header, row, strict=True))
    assert values["Registered"].is_date and values["Registered"].value.date() == date(2026, 2, 3)
    assert values["Registered"].number_format == "DD.MM.YYYY"
    assert values["Valid until"].value.date() == date(2027, 1, 31)
    assert values["Amount"].data_type == "n" and values["Amount"].value == 1500000.5
    assert values["Amount"].number_format == "#,##0.00" and values["Currency"].value == "RUB"
    assert values["Title"].value == "'=cmd"  # never a formula
    assert (values["Counterparty"].value, values["Status"].value, values["Responsible"].value) == (
        "Alpha LLC", "Signed", "Ivanova A.")


def test_erasing_a_person_cancels_and_expires_their_personal_data_exports(session, storage, employee):
    person = "0c6f3b5e-2d1a-4b7c-9e8f-1a2b3c4d5e6f"
    done_id = start(session, employee, kind="personal_data_export", params={"contact_person_id": person})

    def holders(service, method, actor, person_id):
        assert person_id == person
        return {"service": service, "phones": ["+7 900 000-00-00"]}
    assert run_next(session, storage, holders) == "done"
    waiting_id = start(session, employee, kind="personal_data_export", params={"contact_person_id": person})
    other_id = start(session, employee, kind="personal_data_export",
                     params={"contact_person_id": "9d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6"})
    key = logic.get_job(session, actor=employee[0], job_id=done_id).result_key
    session.rollback()

    with session.begin():
        assert logic.forget_person(session, contact_person_id=person) == 1
    assert logic.expire_results(session, storage=storage) == 1
    assert not storage.exists(key)
    states = {job_id: logic.get_job(session, actor=employee[0], job_id=job_id).state
              for job_id in (done_id, waiting_id, other_id)}
    assert states == {done_id: "done", waiting_id: "cancelled", other_id: "queued"}


def test_an_employees_import_job_asks_staff_and_keeps_its_report(session, storage, employee):
    """The same job for employees: the rows and the file's header go to staff's import; a refusal
    keeps the rows in error (staff names each row's problems as a list of sentences)."""
    params = {"rows": IMPORT["rows"], "columns": ["full_name", "email"], "dry_run": True, "filename": "staff.csv",
              "file": {"format": "csv", "encoding": "utf-8", "separator": ","}}
    job_id = start(session, employee, kind="employees_import", params=params)
    asked = []

    def import_employees(service, method, actor, request):
        asked.append((service, method, request))
        return {"dry_run": True, "applied": False, "total_rows": 2, "failed": 0, "employees_created": 2,
                "employees_updated": 0, "departments_created": 0, "departments": [], "unknown_columns": [],
                "rows": []}
    assert run_next(session, storage, None, call_long=import_employees) == "done"
    assert asked == [("staff", "import_employees", {"rows": IMPORT["rows"], "dry_run": True,
                                                    "columns": ["full_name", "email"]})]
    job = logic.get_job(session, actor=employee[0], job_id=job_id)
    assert (job.state, job.report["employees_created"], job.report["file"]["separator"]) == ("done", 2, ",")
    session.rollback()

    refused_id = start(session, employee, kind="employees_import", params={**params, "dry_run": False})

    def refusing(service, method, actor, request):
        raise InvalidInput("Invalid input: 1 rows have errors (rows 3); nothing was imported",
                           {"rows": {"3": ["full_name is empty"]}})
    assert run_next(session, storage, None, call_long=refusing) == "failed"
    job = logic.get_job(session, actor=employee[0], job_id=refused_id)
    assert job.report["row_errors"] == {"3": ["full_name is empty"]} and "nothing was imported" in job.error


def test_an_employees_import_without_rows_is_refused_at_start():
    from jobs.schemas import NewJobSchema
    errors = NewJobSchema().validate({"kind": "employees_import", "params": {"rows": [], "dry_run": True}})
    assert "rows" in errors["params"]
    assert not NewJobSchema().validate({"kind": "employees_import", "params": {
        "rows": [{"row": 2, "values": {"full_name": "A", "email": "a@x.ru"}}]}})
