"""RPC answers written by orjson are read back as kombu's JSON would be; what orjson would
write differently is written by kombu, and with CHANCERY_CHECK_REPLIES a difference is refused."""
import datetime
import decimal
import uuid
from dataclasses import dataclass

import kombu.exceptions
import kombu.serialization
import pytest

from chancery_common import rpc


def read(encoded):
    content_type, encoding, body = encoded
    return kombu.serialization.loads(body, content_type, encoding)


def kombu_reads(payload):
    return read(kombu.serialization.dumps(payload, "json"))


@dataclass
class Point:
    x: int


PLAIN = {"result": {"items": [{"id": "7c0a", "title": "Договор №5", "amount": "10.50", "n": 3, "ok": True,
                               "nothing": None, "ratio": 0.25, "tags": ["a", "b"]}], "total": 1}, "error": None}


def test_a_plain_answer_is_written_by_orjson_and_read_back_the_same():
    assert rpc._fast_json(PLAIN) is not None
    assert read(rpc._encoded(PLAIN, "json", "documents.list_documents")) == kombu_reads(PLAIN)


@pytest.mark.parametrize("value", [
    datetime.datetime(2026, 12, 7, 9, 30, tzinfo=datetime.timezone.utc), datetime.date(2026, 12, 7),
    datetime.time(9, 30), decimal.Decimal("1.50"), b"bytes", 2 ** 70, {1: "a key that is a number"},
])
def test_what_kombu_writes_otherwise_is_written_by_kombu(value):
    payload = {"result": {"value": value}, "error": None}
    assert rpc._fast_json(payload) is None
    assert read(rpc._encoded(payload, "json", "x.y")) == kombu_reads(payload)


def test_a_uuid_object_in_an_answer_is_refused_where_the_tests_check(monkeypatch):
    payload = {"result": {"id": uuid.UUID(int=5)}, "error": None}
    monkeypatch.setattr(rpc, "CHECK_REPLIES", True)
    with pytest.raises(TypeError, match="staff.get_employee"):
        rpc._encoded(payload, "json", "staff.get_employee")
    monkeypatch.setattr(rpc, "CHECK_REPLIES", False)  # in production: the id as text
    assert read(rpc._encoded(payload, "json", "staff.get_employee")) == {"result": {"id": str(uuid.UUID(int=5))},
                                                                          "error": None}


def test_what_neither_writes_is_left_to_kombu_to_refuse():
    payload = {"result": Point(1), "error": None}
    assert rpc._fast_json(payload) is None
    with pytest.raises(kombu.exceptions.EncodeError):
        rpc._encoded(payload, "json", "x.y")


def test_another_serializer_is_left_to_kombu():
    encoded = rpc._encoded(PLAIN, "pickle", "x.y")
    assert encoded[0] == "application/x-python-serialize"
