"""Errors that cross the bus: input validation naming fields, ids, nameko serialisation."""
import json
import uuid

import pytest
from marshmallow import Schema, fields, validate
from nameko.exceptions import RemoteError, deserialize, serialize

from chancery_common.errors import (
    Conflict, InvalidInput, NotFound, PermissionDenied, Unauthenticated, load, parse_uuid,
)


class AddressSchema(Schema):
    city = fields.String(required=True)
    postcode = fields.String(validate=validate.Length(equal=6))


class StageSchema(Schema):
    approver_ids = fields.List(fields.UUID(), required=True)


class CompanySchema(Schema):
    name = fields.String(required=True)
    address = fields.Nested(AddressSchema, required=True)
    stages = fields.List(fields.Nested(StageSchema))


def test_load_returns_the_loaded_data_when_valid():
    data = load(CompanySchema(), {"name": "Romashka", "address": {"city": "Moscow"}})

    assert data == {"name": "Romashka", "address": {"city": "Moscow"}}


def test_load_names_every_invalid_field_including_nested_ones():
    with pytest.raises(InvalidInput) as refused:
        load(CompanySchema(), {"address": {"postcode": "1"}, "stages": [{"approver_ids": ["x"]}]})

    assert refused.value.message == (
        "Invalid input: address.city, address.postcode, name, stages.0.approver_ids.0")
    assert set(refused.value.details) == {"name", "address", "stages"}
    assert set(refused.value.details["address"]) == {"city", "postcode"}


def test_load_names_an_unknown_field():
    with pytest.raises(InvalidInput) as refused:
        load(CompanySchema(), {"name": "Romashka", "address": {"city": "Moscow"}, "nmae": "typo"})

    assert refused.value.message == "Invalid input: nmae"


def test_load_of_nothing_reports_the_required_fields():
    with pytest.raises(InvalidInput) as refused:
        load(CompanySchema(), None)

    assert refused.value.message == "Invalid input: address, name"


def test_parse_uuid_accepts_a_uuid_or_its_text():
    value = uuid.uuid4()

    assert parse_uuid(value) is value
    assert parse_uuid(str(value)) == value


@pytest.mark.parametrize("bad", ["not-a-uuid", "", None, 42, {"id": 1}])
def test_parse_uuid_rejects_anything_else_naming_the_field(bad):
    with pytest.raises(InvalidInput) as refused:
        parse_uuid(bad, "document_id")

    assert refused.value.message == "Invalid input: document_id"
    assert refused.value.details == {"document_id": ["Not a valid UUID."]}


@pytest.mark.parametrize("cls", [NotFound, Conflict, InvalidInput, PermissionDenied, Unauthenticated])
def test_a_chancery_error_survives_nameko_serialisation(cls):
    sent = cls("it went wrong", {"field": ["a reason"]})

    # the bus carries JSON, so go through it as well
    received = deserialize(json.loads(json.dumps(serialize(sent))))

    assert type(received) is cls
    assert received.message == "it went wrong"
    assert received.details == {"field": ["a reason"]}
    assert str(received) == "it went wrong"


def test_an_unregistered_error_arrives_as_a_remote_error():
    received = deserialize(json.loads(json.dumps(serialize(KeyError("missing")))))

    assert isinstance(received, RemoteError)
    assert received.exc_type == "KeyError"
