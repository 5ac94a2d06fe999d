"""The sales pipeline through the API: the expected deal of a negotiation, the board with its
filters and totals, who sees which card, the funnel, and bad input naming the field."""
from datetime import datetime, timezone

import pytest

pytestmark = pytest.mark.system


@pytest.fixture
def sales(admin, client, eventually, unique):
    """A head of a department with two managers, and a manager of another department, signed in."""
    tag = f"{unique}{datetime.now(timezone.utc).strftime('%H%M%S%f')}"
    people = {}

    def person(key, roles, department=None):
        email, password = f"{key}.{tag}@pipeline.chancery", f"pipeline-password-{tag}"
        created = admin.post("/employees/", json={"full_name": f"{key} {tag}", "email": email, "password": password,
                                                  "roles": roles, "department_id": department})
        assert created.status_code == 201, created.text
        people[key] = created.json()
        return email, password

    head = person("head", ["department_head"])
    department = admin.post("/departments/", json={"name": f"Sales {tag}", "head_id": people["head"]["id"]}).json()
    other = admin.post("/departments/", json={"name": f"Other {tag}"}).json()
    admin.patch(f"/employees/{people['head']['id']}", json={"department_id": department["id"]})
    logins = {"head": head, "anna": person("anna", ["manager"], department["id"]),
              "boris": person("boris", ["manager"], other["id"])}
    clients = {key: client(*login) for key, login in logins.items()}
    # the counterparties service learns who works where from staff's events: the head sees Anna's
    probe = admin.post("/counterparties/", json={"name": f"Probe {tag}",
                                                 "responsible_employee_id": people["anna"]["id"]}).json()
    eventually(lambda: clients["head"].get(f"/counterparties/{probe['id']}").status_code == 200)
    return {"people": people, "clients": clients, "department": department, "other": other, "tag": tag}


def _cards(board):
    return {card["name"]: (column["stage"]["code"], card) for column in board["columns"] for card in column["cards"]}


def test_the_board_the_deal_and_the_funnel(admin, sales):
    anna, head, boris = (sales["clients"][key] for key in ("anna", "head", "boris"))
    tag = sales["tag"]
    stages = {s["code"]: s for s in admin.get("/reference-books/negotiation_stage/").json()["items"]}
    mine = anna.post("/counterparties/", json={"name": f"Pipeline Alpha {tag}"}).json()
    second = anna.post("/counterparties/", json={"name": f"Pipeline Beta {tag}"}).json()
    theirs = boris.post("/counterparties/", json={"name": f"Pipeline Gamma {tag}"}).json()

    # bad deals: 422 naming the field, and nothing is noted
    for deal, field in (({"expected_amount": "-1", "currency": "RUB"}, "expected_amount"),
                        ({"expected_amount": "100", "currency": "rubles"}, "currency"),
                        ({"expected_amount": "100"}, "currency")):
        refused = anna.post(f"/counterparties/{mine['id']}/negotiation-notes",
                            json={"stage_id": stages["first_contact"]["id"], "text": "Hello", **deal})
        assert refused.status_code == 422 and field in refused.json()["message"], refused.text
        refused = anna.patch(f"/counterparties/{mine['id']}/negotiation", json=deal)
        assert refused.status_code == 422 and field in refused.json()["message"], refused.text
    assert anna.get(f"/counterparties/{mine['id']}/negotiation-notes").json()["total"] == 0

    noted = anna.post(f"/counterparties/{mine['id']}/negotiation-notes", json={
        "stage_id": stages["offer_under_review"]["id"], "text": "Offer sent", "expected_amount": "1500000.5",
        "currency": "RUB", "expected_close_on": "2027-03-31"})
    assert noted.status_code == 201, noted.text
    anna.post(f"/counterparties/{second['id']}/negotiation-notes", json={
        "stage_id": stages["offer_under_review"]["id"], "text": "Offer sent too"})
    changed = anna.patch(f"/counterparties/{second['id']}/negotiation", json={"expected_amount": 2500,
                                                                            "currency": "EUR"})
    assert changed.status_code == 200, changed.text
    assert (changed.json()["expected_amount"], changed.json()["current_stage"]["code"]) == ("2500.00",
                                                                                           "offer_under_review")
    boris.post(f"/counterparties/{theirs['id']}/negotiation-notes", json={
        "stage_id": stages["first_contact"]["id"], "text": "Met at the fair", "expected_amount": "10",
        "currency": "USD"})
    log = anna.get(f"/counterparties/{mine['id']}/negotiation-notes").json()
    assert log["negotiation"]["expected_amount"] == "1500000.50"
    kinds = [entry["kind"] for entry in anna.get(f"/counterparties/{second['id']}/history").json()["items"]]
    assert kinds[:2] == ["negotiation.updated", "negotiation.noted"]
    assert boris.patch(f"/counterparties/{mine['id']}/negotiation", json={"expected_amount": None,
                                                                         "currency": None}).status_code == 404

    # the board: Anna and her head see Anna's two cards, Boris his own; totals per currency
    board = head.get("/negotiations/board", params={"responsible_employee_id": sales["people"]["anna"]["id"]})
    assert board.status_code == 200, board.text
    cards = _cards(board.json())
    assert set(cards) == {mine["name"], second["name"]}
    stage, card = cards[mine["name"]]
    assert (stage, card["expected_amount"], card["currency"], card["expected_close_on"], card["stalled"]) == (
        "offer_under_review", "1500000.50", "RUB", "2027-03-31", False)
    assert board.json()["employees"][sales["people"]["anna"]["id"]] == sales["people"]["anna"]["full_name"]
    offer = next(c for c in board.json()["columns"] if c["stage"]["code"] == "offer_under_review")
    assert (offer["count"], offer["amounts"]) == (2, [{"currency": "EUR", "amount": "2500.00"},
                                                      {"currency": "RUB", "amount": "1500000.50"}])
    assert mine["name"] in _cards(anna.get("/negotiations/board").json())
    assert theirs["name"] not in _cards(head.get("/negotiations/board").json())
    assert set(_cards(boris.get("/negotiations/board").json())) & {mine["name"], second["name"], theirs["name"]} == {
        theirs["name"]}
    by_department = head.get("/negotiations/board", params={"department_id": sales["department"]["id"]}).json()
    assert {mine["name"], second["name"]} <= set(_cards(by_department))
    assert head.get("/negotiations/board", params={"stalled_days": 0}).status_code == 422

    # the funnel of the last 30 days over what Anna sees: two reached the offer stage
    funnel = anna.get("/negotiations/funnel").json()
    offer_step = next(step for step in funnel["steps"] if step["stage"]["code"] == "offer_under_review")
    assert offer_step["reached"] >= 2
    assert anna.get("/negotiations/funnel", params={"since": "2026-12-01T00:00:00Z",
                                                     "until": "2026-11-01T00:00:00Z"}).status_code == 422
    dashboard = head.get("/dashboard/").json()
    assert {step["stage"]["code"] for step in dashboard["funnel"]} >= {"first_contact", "offer_under_review"}
