"""The input every request is checked for before any view (inputs.py): answered without a
service call, for the API (JSON naming the field) and the pages alike."""
import json

import pytest


def login(client, data, content_type="application/json"):
    return client.post("/api/v1/auth/login", data=data, content_type=content_type)


@pytest.mark.parametrize("text, problem", [("a\u0000b", "NUL"), ("a\ud800b", "surrogate"), ("\udc80", "surrogate")])
def test_nul_and_lone_surrogates_are_named_wherever_they_are(client, text, problem):
    answer = login(client, json.dumps({"email": text, "password": "x"}))
    assert answer.status_code == 422
    assert answer.json["errors"] == {"json": {"email": [answer.json["errors"]["json"]["email"][0]]}}
    assert problem in answer.json["errors"]["json"]["email"][0] and answer.json["message"] == "Invalid input: email"
    nested = login(client, json.dumps({"email": "e", "password": "x", "extra": [{"a": "fine"}, {"b": text}]}))
    message = nested.json["errors"]["json"]["extra"]["1"]["b"][0]
    assert nested.json["errors"] == {"json": {"extra": {"1": {"b": [message]}}}}
    if problem == "surrogate":
        return  # a URL or a form cannot carry one: its UTF-8 is invalid, and decoded as U+FFFD
    query = client.get("/api/v1/health/ping", query_string={"q": text})
    assert query.status_code == 422 and "q" in query.json["errors"]["query"]
    page = client.post("/login", data={"email": text, "password": "x"})
    assert page.status_code == 422 and b"email" in page.data


def test_a_deep_body_is_refused_before_it_is_parsed_and_its_field_named(client):
    deep = '{"email": "e", "password": ' + "[" * 100000 + "]" * 100000 + "}"
    answer = login(client, deep)
    assert answer.status_code == 422 and list(answer.json["errors"]["json"]) == ["password"]
    # brackets inside strings are text, not nesting
    flat = login(client, json.dumps({"email": "[" * 100, "password": "{" * 100, "x\u0000": 1}))
    assert flat.status_code == 422 and list(flat.json["errors"]["json"]) == ["x\\u0000"]


def test_unparsable_json_is_400_and_another_media_type_415(client):
    assert login(client, '{"email": ').status_code == 400
    assert login(client, b'{"email": "\xff"}').status_code == 400
    plain = login(client, '{"email": "e", "password": "x"}', content_type="text/plain")
    assert plain.status_code == 415 and "application/json" in plain.json["message"]
    # application/*+json is JSON to the schemas, so it is checked as JSON
    typed = login(client, '{"email": "a\\u0000", "password": "x"}', content_type="application/merge-patch+json")
    assert typed.status_code == 422 and "email" in typed.json["errors"]["json"]


def test_a_multipart_part_without_a_name_is_not_a_server_error(client):
    """Found by the API fuzzing: a form part with no name made the input check itself fail (500)."""
    body = (b"--b\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--b--\r\n")
    response = client.post("/api/v1/employees/import", data=body,
                           headers={"Content-Type": "multipart/form-data; boundary=b"})
    assert response.status_code < 500
