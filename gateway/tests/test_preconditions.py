"""ETag and If-Match (RFC 9110): the header parsed, the version passed to the service, and
a stale one answered 412 with who changed what meanwhile."""
import uuid

import pytest

from chancery_common.errors import PreconditionFailed
from chancery_gateway.preconditions import ANY, MalformedIfMatch, etag, parse_if_match


@pytest.mark.parametrize("header, parsed", [
    (None, None),
    ("*", ANY),
    ('"7"', [7]),
    (' "7" ', [7]),
    ('"3", "7"', [3, 7]),
    ('"3","7" ,"12"', [3, 7, 12]),
    ('W/"7"', []),  # weak tags never match (strong comparison)
    ('W/"3", "7"', [7]),
    ('"abc"', []),  # a well-formed tag that is not a version matches nothing
    ('"0"', []),
    ('""', []),
])
def test_if_match_is_parsed(header, parsed):
    assert parse_if_match(header) == parsed


@pytest.mark.parametrize("header", ["", "   ", "7", '"7', "'7'", '"7" "8"', '"7",', '"7", ,"8"', "W/7", "*, \"7\"",
                                    'w/"7"', '"7";q=1'])
def test_a_malformed_if_match_is_refused_naming_the_header(header):
    with pytest.raises(MalformedIfMatch) as refused:
        parse_if_match(header)
    assert refused.value.code == 400
    assert refused.value.description.startswith("If-Match is malformed")
    assert list(refused.value.data["messages"]["headers"]) == ["If-Match"]


def test_an_etag_is_the_version_as_a_strong_tag():
    assert etag(7) == '"7"'
    assert parse_if_match(etag(7)) == [7]


COUNTERPARTY = {"id": "5b0e7a3c-58f4-4c6a-9d7e-0a3f0d1c2b11", "name": "Romashka", "version": 4}
PATH = f"/api/v1/counterparties/{COUNTERPARTY['id']}"


def test_a_card_is_answered_with_its_etag(client, sign_in, bus):
    sign_in()
    bus.answers[("counterparties", "get_counterparty")] = COUNTERPARTY

    answer = client.get(PATH)

    assert answer.status_code == 200 and answer.headers["ETag"] == '"4"'
    assert answer.json["version"] == 4


@pytest.mark.parametrize("header, expected", [
    ({"If-Match": '"4"'}, 4), ({"If-Match": '"3", "4"'}, [3, 4]), ({"If-Match": 'W/"4"'}, []),
    ({"If-Match": "*"}, None), ({}, None),
])
def test_a_change_passes_the_version_it_is_based_on(client, sign_in, bus, header, expected):
    csrf = sign_in()
    bus.answers[("counterparties", "update_counterparty")] = {**COUNTERPARTY, "version": 5}

    answer = client.patch(PATH, json={"name": "Romashka LLC"}, headers={"X-CSRF-Token": csrf, **header})

    assert answer.status_code == 200 and answer.headers["ETag"] == '"5"'
    [(_, _, keywords)] = [call for call in bus.keywords if call[1] == "update_counterparty"]
    assert keywords == {"expected_version": expected}


def test_a_malformed_if_match_is_400_and_changes_nothing(client, sign_in, bus):
    csrf = sign_in()

    answer = client.patch(PATH, json={"name": "x"}, headers={"X-CSRF-Token": csrf, "If-Match": "4"})

    assert answer.status_code == 400 and answer.mimetype == "application/problem+json"
    assert answer.json["detail"].startswith("If-Match is malformed")
    assert answer.json["errors"] == {"headers": {"If-Match": [
        "expected an entity tag in double quotes (such as \"7\") at '4'"]}}
    assert bus.requests == []


def test_a_stale_version_is_412_naming_who_changed_what(client, sign_in, bus):
    csrf = sign_in()
    editor = str(uuid.uuid4())
    bus.answers[("counterparties", "update_counterparty")] = PreconditionFailed(
        "counterparty was changed meanwhile: it is at version 5, not 4",
        {"current_version": 5, "changed_by": editor, "changed_at": "2026-12-06T21:05:00+00:00",
         "changes": {"phone": "+7 495 111-11-11"}})
    bus.answers[("staff", "employee_names_since")] = lambda *args: {"version": 1, "names": {editor: "Boris Orlov"}}

    answer = client.patch(PATH, json={"phone": "+7 495 222-22-22"},
                          headers={"X-CSRF-Token": csrf, "If-Match": '"4"'})

    assert answer.status_code == 412 and answer.mimetype == "application/problem+json"
    problem = answer.json
    assert problem["type"].endswith("/api/v1/problems/precondition-failed")
    assert problem["current_version"] == 5 and answer.headers["ETag"] == '"5"'
    assert problem["changed_by"] == {"id": editor, "name": "Boris Orlov"}
    assert problem["changed_at"] == "2026-12-06T21:05:00+00:00"
    assert problem["changes"] == {"phone": "+7 495 111-11-11"}
    assert "Boris Orlov" in problem["detail"]
