"""Documents through the gateway: types and journals configured by a lawyer, extra fields,
annexes numbered within their contract, the registry's filters and full text inside PDFs,
saved filters, the XLSX export, accounting completeness and lost paper copies."""
import io
import json
import uuid

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.system


def types_by_code(api):
    return {t["code"]: t for t in api.get("/document-types/").json()["items"]}


@pytest.fixture
def lawyer(employee):
    return employee("Lena Lawyer", roles=("lawyer",))[1]


def test_a_lawyer_configures_a_type_with_a_journal_and_registers_a_document_of_it(lawyer, employee, unique):
    journal = lawyer.post("/journals/", json={
        "code": f"L{unique[:6]}", "name": f"Leases {unique}", "kind": "user", "prefix": "LS",
        "number_pattern": "{prefix}-{year}-{seq}", "sequence_width": 4})
    assert journal.status_code == 201, journal.text
    created = lawyer.post("/document-types/", json={
        "code": f"lease_{unique}", "name": f"Lease {unique}", "kind": "lease", "journal_id": journal.json()["id"],
        "fields": [{"code": "area", "label": "Area", "kind": "number", "required": True},
                   {"code": "payment_due", "label": "Payment due", "kind": "date"}]})
    assert created.status_code == 201, created.text
    lease = created.json()

    refused = lawyer.post("/documents/", json={"type_id": lease["id"], "title": "Warehouse", "extra": {}})
    assert refused.status_code == 422 and "extra.area" in refused.text

    document = lawyer.post("/documents/", json={"type_id": lease["id"], "title": "Warehouse lease",
                                                "extra": {"area": "250", "payment_due": "2026-05-01"}})
    assert document.status_code == 201, document.text
    card = document.json()
    assert card["number"].startswith("LS-") and card["number"].endswith("-0001")
    assert {f["code"]: f["value"] for f in card["extra_fields"]} == {"area": 250, "payment_due": "2026-05-01"}

    # a plain employee may not configure types
    _, plain = employee("Pavel Plain")
    refused = plain.post("/document-types/", json={"code": f"x_{unique}", "name": "X", "kind": "letter"})
    assert refused.status_code == 403
    # changing the type keeps the document's card: the dropped field still shows
    changed = lawyer.patch(f"/document-types/{lease['id']}", json={"fields": [
        {"code": "payment_due", "label": "Payment due", "kind": "date", "required": True}]})
    assert changed.status_code == 200, changed.text
    again = lawyer.get(f"/documents/{card['id']}").json()
    assert {f["code"]: f["value"] for f in again["extra_fields"]}["area"] == 250


def test_an_annex_is_numbered_within_its_contract(admin, unique):
    types = types_by_code(admin)
    contract = admin.post("/documents/", json={"type_id": types["contract"]["id"],
                                               "title": f"Contract {unique}"}).json()
    annexes = [admin.post("/documents/", json={"type_id": types["annex"]["id"], "title": f"Annex {n} {unique}",
                                               "parent_id": contract["id"]}).json() for n in (1, 2)]

    assert [a["number"] for a in annexes] == [f"{contract['number']}-A1", f"{contract['number']}-A2"]
    tree = admin.get(f"/documents/{annexes[0]['id']}/tree").json()
    assert [p["id"] for p in tree["parents"]] == [contract["id"]]


def test_the_registry_finds_words_inside_a_pdf_and_exports_what_it_shows(admin, unique, text_pdf, eventually):
    types = types_by_code(admin)
    word = f"gravel{unique}"
    found = admin.post("/documents/", json={"type_id": types["invoice"]["id"], "title": f"Invoice {unique}",
                                            "amount": "900.00", "currency": "RUB"}).json()
    admin.post("/documents/", json={"type_id": types["invoice"]["id"], "title": f"=HYPERLINK(1) {unique}",
                                    "amount": "50.00", "currency": "RUB"})
    uploaded = admin.post(f"/documents/{found['id']}/files",
                          files={"file": ("scan.pdf", text_pdf(f"Delivery of {word} to site"), "application/pdf")})
    assert uploaded.status_code == 201, uploaded.text

    page = admin.get("/documents/", params={"search": word}).json()
    assert [d["id"] for d in page["items"]] == [found["id"]]
    filtered = admin.get("/documents/", params={"search": unique, "type_id": types["invoice"]["id"],
                                                "amount_min": "100"}).json()
    assert [d["id"] for d in filtered["items"]] == [found["id"]]
    assert admin.get("/documents/", params={"extra": "not json"}).status_code == 422

    job, export = admin.run_job("/documents/export", json={"search": unique})
    assert job["state"] == "done" and export.status_code == 200, job
    assert export.headers["Content-Disposition"].startswith("attachment")
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "Number" and len(rows) == 3
    titles = {row[3] for row in rows[1:]}
    assert titles == {f"Invoice {unique}", f"'=HYPERLINK(1) {unique}"}


def test_saved_filters_are_the_caller_s_own(admin, employee, unique):
    saved = admin.post("/documents/saved-filters", json={"name": f"Invoices {unique}",
                                                          "query": {"status": ["draft"], "search": "x"}})
    assert saved.status_code == 201, saved.text
    _, other = employee("Olga Other")

    assert f"Invoices {unique}" in [f["name"] for f in admin.get("/documents/saved-filters").json()["items"]]
    assert other.get("/documents/saved-filters").json()["items"] == []
    assert other.request("DELETE", f"/documents/saved-filters/{saved.json()['id']}").status_code == 404
    bad = admin.post("/documents/saved-filters", json={"name": "bad", "query": {"status": ["nonsense"]}})
    assert bad.status_code == 422
    assert admin.request("DELETE", f"/documents/saved-filters/{saved.json()['id']}").status_code == 204


def test_completeness_says_which_accounting_documents_are_missing(admin, unique):
    types = types_by_code(admin)
    contract = admin.post("/documents/", json={"type_id": types["contract"]["id"], "title": f"Stages {unique}",
                                               "extra": {"stages": 2}}).json()
    admin.post("/documents/", json={"type_id": types["invoice"]["id"], "title": "Invoice 1",
                                    "parent_id": contract["id"]})

    result = admin.get(f"/documents/{contract['id']}/completeness").json()

    assert result["complete"] is False
    assert {i["type_name"]: i["missing"] for i in result["items"]} == {"Completion act": 2, "Invoice": 1}


def test_a_lost_paper_original_is_listed_as_lost(admin, unique):
    types = types_by_code(admin)
    document = admin.post("/documents/", json={"type_id": types["contract"]["id"], "title": f"Paper {unique}",
                                               "counterparty_id": str(uuid.uuid4())}).json()
    copy = admin.post(f"/documents/{document['id']}/paper-copies", json={"kind": "original",
                                                                         "location": "Archive, cabinet 3"}).json()

    lost = admin.post(f"/paper-copies/{copy['id']}/lost", json={"reason": "flooded archive"})

    assert lost.status_code == 200, lost.text
    assert lost.json()["status"] == "lost"
    listed = admin.get("/paper-copies", params={"lost": "true", "counterparty_id": document["counterparty_id"]})
    assert [c["id"] for c in listed.json()["items"]] == [copy["id"]]
    assert admin.post(f"/paper-copies/{copy['id']}/lost", json={"reason": "again"}).status_code == 409
    assert json.loads(admin.get(f"/documents/{document['id']}/paper-copies").text)["items"][0]["status"] == "lost"
