"""One table from what went wrong in a service to the HTTP answer."""
import pytest
from nameko.exceptions import RemoteError

from chancery_common.errors import Conflict, InvalidInput, NotFound, PermissionDenied, Unauthenticated
from chancery_gateway.errors import describe
from chancery_gateway.rpc import ServiceUnavailable


@pytest.mark.parametrize("exc, code", [
    (NotFound("counterparty 1 not found"), 404),
    (Conflict("already on approval"), 409),
    (PermissionDenied("only the initiator"), 403),
    (Unauthenticated("wrong e-mail or password"), 401),
    (ServiceUnavailable("documents", "no answer within 10 s"), 503),
])
def test_a_described_error_keeps_its_message(exc, code):
    assert describe(exc) == (code, str(exc), None)


def test_invalid_input_is_422_with_its_fields_under_json():
    exc = InvalidInput("Invalid input: name, tax_id", {"name": ["Missing data."], "tax_id": ["Bad."]})

    assert describe(exc) == (422, "Invalid input: name, tax_id",
                             {"json": {"name": ["Missing data."], "tax_id": ["Bad."]}})


def test_an_undescribed_remote_failure_is_502_without_its_details():
    exc = RemoteError("KeyError", "'secret internal detail'")

    assert describe(exc) == (502, "a service failed: KeyError", None)


def test_a_service_unavailable_message_names_the_service():
    code, message, _ = describe(ServiceUnavailable("documents", "no instance is running"))

    assert (code, message) == (503, "the documents service is unavailable: no instance is running")


def test_an_error_of_the_gateway_itself_is_not_described():
    assert describe(ValueError("a bug")) is None
