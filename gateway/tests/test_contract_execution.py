"""Contract execution through the gateway: the API's mapping to the documents service, the card's
section and its forms, and the overdue list (the service faked at ``rpc.call``)."""
import re
import uuid

import pytest

from chancery_common.errors import Conflict, InvalidInput, NotFound

DOCUMENT_ID = str(uuid.uuid4())
MILESTONE_ID = str(uuid.uuid4())
PAYMENT_ID = str(uuid.uuid4())
ACT_ID = str(uuid.uuid4())
AUTHOR = str(uuid.uuid4())


def execution(we_are="supplier", balance="100000.00"):
    act = {"id": ACT_ID, "number": "45/2026-A1", "title": "Act of stage 1", "status": "signed",
           "amount": "400000.00", "currency": "RUB", "signing_date": "2026-02-01"}
    return {
        "document_id": DOCUMENT_ID, "we_are": we_are,
        "milestones": [
            {"id": MILESTONE_ID, "version": 2, "position": 1, "title": "Foundations", "due_on": "2026-02-10",
             "amount": "400000.00", "currency": "RUB", "note": None, "act_id": ACT_ID, "act": act,
             "completed_on": "2026-02-01", "status": "done", "days_overdue": 0, "created_by": AUTHOR,
             "created_at": "2026-01-10T09:00:00+00:00"},
            {"id": str(uuid.uuid4()), "position": 2, "title": "Walls", "due_on": "2026-03-01",
             "amount": None, "currency": None, "note": "second floor", "act_id": None, "act": None,
             "completed_on": None, "status": "overdue", "days_overdue": 12, "created_by": AUTHOR,
             "created_at": "2026-01-10T09:00:00+00:00"},
        ],
        "payments": [
            {"id": str(uuid.uuid4()), "kind": "planned", "on": "2026-02-15", "amount": "500000.00",
             "currency": "RUB", "invoice_id": None, "invoice": None, "reference": None, "note": None,
             "status": "overdue", "covered": "300000.00", "days_overdue": 30, "cancelled_at": None,
             "cancelled_by": None, "cancel_reason": None, "created_by": AUTHOR,
             "created_at": "2026-01-10T09:00:00+00:00"},
            {"id": PAYMENT_ID, "kind": "actual", "on": "2026-02-20", "amount": "300000.00", "currency": "RUB",
             "invoice_id": None, "invoice": None, "reference": "PO-17", "note": None, "status": "recorded",
             "covered": None, "days_overdue": 0, "cancelled_at": None, "cancelled_by": None, "cancel_reason": None,
             "created_by": AUTHOR, "created_at": "2026-02-20T09:00:00+00:00"},
        ],
        "totals": [{"currency": "RUB", "contract_amount": "1000000.00", "accrued": "400000.00",
                    "paid": "300000.00", "balance": balance, "planned_to_date": "500000.00",
                    "overdue_amount": "200000.00", "remaining": "600000.00"}],
        "overdue": {"milestones": 1, "payments": 1},
        "acts": [{**act, "milestone_id": MILESTONE_ID}],
        "invoices": [],
    }


# the API ---------------------------------------------------------------------------------------

def test_the_execution_is_asked_for_with_the_actor_and_answered_as_the_service_sent_it(client, sign_in, bus,
                                                                                      employee):
    sign_in()
    bus.answers[("documents", "get_execution")] = lambda actor, document_id: execution()

    response = client.get(f"/api/v1/documents/{DOCUMENT_ID}/execution")

    assert response.status_code == 200
    [(_, method, (actor, document_id))] = bus.requests
    assert (method, actor["id"], document_id) == ("get_execution", employee["id"], DOCUMENT_ID)
    body = response.json
    assert body["totals"][0]["balance"] == "100000.00"
    assert body["milestones"][0]["act"]["number"] == "45/2026-A1" and body["milestones"][1]["act"] is None
    assert body["payments"][0]["covered"] == "300000.00" and body["payments"][1]["covered"] is None
    assert body["acts"][0]["milestone_id"] == MILESTONE_ID


def test_a_document_that_is_not_a_contract_is_422_naming_the_document(client, sign_in, bus):
    sign_in()
    bus.answers[("documents", "get_execution")] = InvalidInput(
        "Invalid input: document_id", {"document_id": ["Only a contract has execution."]})

    response = client.get(f"/api/v1/documents/{DOCUMENT_ID}/execution")

    assert response.status_code == 422
    assert response.json["errors"] == {"json": {"document_id": ["Only a contract has execution."]}}


@pytest.mark.parametrize("method, path, body, rpc_method, expected, code", [
    ("put", f"/api/v1/documents/{DOCUMENT_ID}/execution/terms", {"we_are": "customer"}, "set_execution_terms",
     (DOCUMENT_ID, {"we_are": "customer"}), 200),
    ("post", f"/api/v1/documents/{DOCUMENT_ID}/milestones",
     {"title": "Walls", "due_on": "2026-03-01", "amount": 250000.5, "currency": "RUB"}, "add_milestone",
     (DOCUMENT_ID, {"title": "Walls", "due_on": "2026-03-01", "amount": "250000.5", "currency": "RUB"}), 201),
    ("patch", f"/api/v1/milestones/{MILESTONE_ID}", {"act_id": None, "completed_on": "2026-03-02"},
     "update_milestone", (MILESTONE_ID, {"act_id": None, "completed_on": "2026-03-02"}), 200),
    ("delete", f"/api/v1/milestones/{MILESTONE_ID}", None, "remove_milestone", (MILESTONE_ID,), 200),
    ("post", f"/api/v1/documents/{DOCUMENT_ID}/payments",
     {"kind": "actual", "on": "2026-02-20", "amount": "300000.00", "reference": "PO-17"}, "add_payment",
     (DOCUMENT_ID, {"kind": "actual", "on": "2026-02-20", "amount": "300000.00", "reference": "PO-17"}), 201),
    ("post", f"/api/v1/payments/{PAYMENT_ID}/cancel", {"reason": "entered twice"}, "cancel_payment",
     (PAYMENT_ID, {"reason": "entered twice"}), 200),
])
def test_each_change_reaches_the_service_and_answers_the_execution(client, sign_in, bus, method, path, body,
                                                                   rpc_method, expected, code):
    token = sign_in()
    bus.answers[("documents", rpc_method)] = lambda actor, *args: execution()

    response = getattr(client, method)(path, json=body, headers={"X-CSRF-Token": token})

    assert response.status_code == code, response.json
    [(_, called, (actor, *args))] = bus.requests
    assert (called, tuple(args)) == (rpc_method, expected)
    assert response.json["document_id"] == DOCUMENT_ID
    if rpc_method == "update_milestone":  # the milestone's version, as in its entry
        assert response.headers["ETag"] == '"2"'


@pytest.mark.parametrize("path, body, fields", [
    (f"/api/v1/documents/{DOCUMENT_ID}/payments", {"kind": "actual", "on": "2026-02-20", "amount": "0"},
     {"amount"}),
    (f"/api/v1/documents/{DOCUMENT_ID}/payments", {"kind": "promised", "on": "someday", "amount": -5},
     {"kind", "on", "amount"}),
    (f"/api/v1/documents/{DOCUMENT_ID}/payments", {}, {"kind", "on", "amount"}),
    (f"/api/v1/documents/{DOCUMENT_ID}/milestones", {"title": "", "amount": "0.00"}, {"title", "due_on", "amount"}),
    (f"/api/v1/payments/{PAYMENT_ID}/cancel", {}, {"reason"}),
])
def test_bad_input_is_422_naming_the_fields_before_the_service_is_asked(client, sign_in, bus, path, body, fields):
    token = sign_in()

    response = client.post(path, json=body, headers={"X-CSRF-Token": token})

    assert response.status_code == 422
    assert set(response.json["errors"]["json"]) == fields
    assert bus.requests == []


def test_terms_take_only_supplier_or_customer(client, sign_in, bus):
    token = sign_in()

    response = client.put(f"/api/v1/documents/{DOCUMENT_ID}/execution/terms", json={"we_are": "broker"},
                          headers={"X-CSRF-Token": token})

    assert response.status_code == 422 and set(response.json["errors"]["json"]) == {"we_are"}


@pytest.mark.parametrize("raised, code", [
    (Conflict("payment is already cancelled"), 409),
    (NotFound("payment not found"), 404),
    (InvalidInput("Invalid input: reason", {"reason": ["Give the reason."]}), 422),
])
def test_service_refusals_keep_their_http_answers(client, sign_in, bus, raised, code):
    token = sign_in()
    bus.answers[("documents", "cancel_payment")] = raised

    response = client.post(f"/api/v1/payments/{PAYMENT_ID}/cancel", json={"reason": "twice"},
                           headers={"X-CSRF-Token": token})

    assert (response.status_code, response.json["code"]) == (code, code)


def test_the_overdue_list_is_paged_and_filtered(client, sign_in, bus):
    sign_in()
    counterparty_id = str(uuid.uuid4())
    item = {"kind": "payment", "id": PAYMENT_ID, "document_id": DOCUMENT_ID, "document_number": "45/2026",
            "document_title": "Construction", "counterparty_id": counterparty_id, "responsible_id": None,
            "due_on": "2026-02-15", "title": None, "amount": "500000.00", "outstanding": "200000.00",
            "currency": "RUB", "days_overdue": 30}
    bus.answers[("documents", "execution_overdue")] = {"items": [item], "total": 1}

    response = client.get(f"/api/v1/contracts/overdue?counterparty_id={counterparty_id}&offset=50")

    assert response.status_code == 200
    assert response.json == {"items": [item], "total": 1, "next": None}
    [(_, _, (_, query))] = bus.requests
    assert query == {"counterparty_id": counterparty_id, "limit": 50, "offset": 50}


def test_the_openapi_document_describes_contract_execution(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]

    assert set(paths["/api/v1/milestones/{milestone_id}"]) >= {"patch", "delete"}
    assert "201" in paths["/api/v1/documents/{document_id}/payments"]["post"]["responses"]
    assert "get" in paths["/api/v1/contracts/overdue"]


# the pages ---------------------------------------------------------------------------------------

@pytest.fixture
def card(bus):
    """The services answering for the card of a document of the given kind."""
    def answer(kind="contract", we_are="supplier", balance="100000.00", status="signed"):
        document = {"id": DOCUMENT_ID, "number": "45/2026", "title": "Construction", "status": status,
                    "type": {"id": str(uuid.uuid4()), "name": "Contract", "kind": kind,
                             "allowed_child_type_ids": None},
                    "counterparty_id": None, "amount": "1000000.00", "currency": "RUB", "files": [],
                    "status_changes": [], "extra_fields": [], "created_by": AUTHOR,
                    "created_at": "2026-01-10T09:00:00+00:00"}
        bus.answers.update({
            ("documents", "get_document"): document,
            ("approvals", "list_approvals"): {"items": [], "total": 0},
            ("staff", "list_employees"): {"items": [], "total": 0},
            ("documents", "document_tree"): {"document": document, "parents": [], "children": [], "related": []},
            ("documents", "list_paper_copies"): [],
            ("documents", "completeness"): {"items": []},
            ("documents", "list_document_types"): [],
            ("documents", "get_execution"): execution(we_are, balance) if kind == "contract" else InvalidInput(
                "Invalid input: document_id", {"document_id": ["not a contract"]}),
            ("staff", "employee_names_since"): lambda version: {"version": 1, "names": {AUTHOR: "Anna Ivanova"}},
        })
    return answer


def text_of(html):
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("we_are, balance, said", [
    ("supplier", "100000.00", "The counterparty owes us 100,000.00\u00a0RUB"),
    ("customer", "100000.00", "We owe 100,000.00\u00a0RUB"),
    ("supplier", "-5000.00", "Advance of 5,000.00\u00a0RUB received from the counterparty"),
    ("customer", "-5000.00", "Advance of 5,000.00\u00a0RUB paid to the counterparty"),
    # nothing owed now, but 600,000 of the contract's 1,000,000 not done yet: not "settled" (issue 19)
    ("customer", "0.00", "Paid for what is done; 600,000.00\u00a0RUB still to be done under the contract"),
])
def test_a_contracts_card_shows_its_settlement_from_our_side(client, sign_in, card, we_are, balance, said):
    sign_in()
    card(we_are=we_are, balance=balance)

    response = client.get(f"/documents/{DOCUMENT_ID}/execution")

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'id="execution"' in html
    assert said in text_of(html)


def test_the_section_lists_milestones_and_payments_with_their_states(client, sign_in, card):
    sign_in()
    card()

    html = client.get(f"/documents/{DOCUMENT_ID}/execution").get_data(as_text=True)
    text = text_of(html)

    assert "12 days overdue" in text
    assert 'data-status="overdue"' in html and 'data-status="done"' in html
    assert "Foundations" in text and "45/2026-A1" in text and "PO-17" in text
    assert "Accrued by signed acts 400,000.00\u00a0RUB" in text


def test_a_document_that_is_not_a_contract_has_no_execution_section(client, sign_in, card):
    sign_in()
    card(kind="letter")

    response = client.get(f"/documents/{DOCUMENT_ID}")
    asked = client.get(f"/documents/{DOCUMENT_ID}/execution")

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'id="execution"' not in html and 'data-tab="execution"' not in html
    assert asked.status_code == 302 and asked.headers["Location"].endswith(f"/documents/{DOCUMENT_ID}")


def test_an_archived_contract_shows_its_execution_without_forms(client, sign_in, card):
    sign_in()
    card(status="archived")

    html = client.get(f"/documents/{DOCUMENT_ID}/execution").get_data(as_text=True)

    assert "The counterparty owes us" in html and "can no longer change" in html
    assert 'id="add-milestone"' not in html and "data-cancel-form" not in html


def test_a_refused_milestone_shows_the_card_again_with_the_error_next_to_the_field(client, sign_in, bus, card):
    token = sign_in()
    card()
    bus.answers[("documents", "add_milestone")] = InvalidInput(
        "Invalid input: due_on", {"due_on": ["Missing data for required field."]})

    response = client.post(f"/documents/{DOCUMENT_ID}/milestones",
                           data={"csrf_token": token, "title": "Roof", "amount": "1 500,50", "currency": "rub"})

    assert response.status_code == 422
    html = response.get_data(as_text=True)
    form = html[html.index('id="add-milestone"'):]
    assert 'id="due_on-error"' in form and 'value="Roof"' in form
    [(_, _, (_, document_id, data))] = [c for c in bus.requests if c[1] == "add_milestone"]
    assert data == {"title": "Roof", "amount": "1500.50", "currency": "RUB"}


def test_a_payment_recorded_on_the_card_returns_to_the_section(client, sign_in, bus):
    token = sign_in()
    bus.answers[("documents", "add_payment")] = lambda actor, document_id, payment: execution()

    response = client.post(f"/documents/{DOCUMENT_ID}/payments", data={
        "csrf_token": token, "kind": "actual", "on": "2026-02-20", "amount": "300 000", "reference": ""})

    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/documents/{DOCUMENT_ID}/execution")
    [(_, _, (_, _, payment))] = bus.requests
    assert payment == {"kind": "actual", "on": "2026-02-20", "amount": "300000"}


def test_marking_a_milestone_done_by_hand_and_reopening_it(client, sign_in, bus):
    token = sign_in()
    bus.answers[("documents", "update_milestone")] = lambda actor, milestone_id, changes: execution()

    client.post(f"/milestones/{MILESTONE_ID}/edit", data={
        "csrf_token": token, "document_id": DOCUMENT_ID, "act_id": "", "completed_on": "2026-03-02",
        "action": "save"})
    reopened = client.post(f"/milestones/{MILESTONE_ID}/edit", data={
        "csrf_token": token, "document_id": DOCUMENT_ID, "act_id": ACT_ID, "action": "reopen"})

    assert [args[2] for _, _, args in bus.requests] == [
        {"act_id": None, "completed_on": "2026-03-02"}, {"act_id": None, "completed_on": None}]
    assert reopened.headers["Location"].endswith(f"/documents/{DOCUMENT_ID}/execution")


def test_cancelling_an_already_cancelled_payment_says_why(client, sign_in, bus):
    token = sign_in()
    bus.answers[("documents", "cancel_payment")] = Conflict("payment is already cancelled")

    response = client.post(f"/payments/{PAYMENT_ID}/cancel", data={
        "csrf_token": token, "document_id": DOCUMENT_ID, "reason": "twice"})

    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/documents/{DOCUMENT_ID}/execution")
    with client.session_transaction() as session:
        assert session["_flashes"] == [("error", "payment is already cancelled")]


def test_the_overdue_page_links_each_row_to_its_contracts_execution(client, sign_in, bus):
    sign_in()
    responsible = str(uuid.uuid4())
    bus.answers.update({
        ("documents", "execution_overdue"): {"items": [
            {"kind": "milestone", "id": MILESTONE_ID, "document_id": DOCUMENT_ID, "document_number": "45/2026",
             "document_title": "Construction", "counterparty_id": None, "responsible_id": responsible,
             "due_on": "2026-03-01", "title": "Walls", "amount": None, "outstanding": None, "currency": None,
             "days_overdue": 12}], "total": 1},
        ("staff", "list_employees"): {"items": [], "total": 0},
        ("staff", "employee_names_since"): lambda version: {"version": 1, "names": {responsible: "Boris"}},
    })

    response = client.get(f"/contracts/overdue?responsible_id={responsible}&page=2")

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'href="/documents/{DOCUMENT_ID}/execution"' in html
    assert "Milestone: Walls" in text_of(html) and "Boris" in html
    [query] = [args[1] for _, method, args in bus.requests if method == "execution_overdue"]
    assert query == {"responsible_id": responsible, "limit": 25, "offset": 25}
