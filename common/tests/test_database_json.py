"""JSON and JSONB values come back from PostgreSQL as the standard library reads them, by
orjson where that is exact and by the standard library where it is not."""
import json

import pytest
from sqlalchemy import text

from chancery_common.database import read_json

VALUES = [
    '{"a": 1, "b": [1.5, null, true, "Договор «№ 1»"], "c": {"d": "x\\\\y"}}',
    '{"amount": 123456789012345678901234567890}',          # beyond 64 bits: stays an exact integer
    '{"account": "40702810900000012345", "n": 7}',          # 20 digits in a string
    '[-9223372036854775808, 9223372036854775807]',
    '"plain"',
    '{"f": 0.1, "e": 1e-7}',
]


@pytest.mark.parametrize("value", VALUES)
def test_read_as_the_standard_library_reads(value):
    assert read_json(value.encode()) == json.loads(value)
    assert read_json(memoryview(value.encode())) == json.loads(value)


def test_a_big_integer_is_not_turned_into_a_float():
    assert read_json(b'{"amount": 123456789012345678901234567890}')["amount"] == 123456789012345678901234567890


@pytest.mark.parametrize("kind", ["json", "jsonb"])
def test_values_read_from_postgresql(session, kind):
    for value in VALUES:
        got = session.execute(text(f"select cast(:v as {kind})"), {"v": value}).scalar_one()
        assert got == json.loads(value)
