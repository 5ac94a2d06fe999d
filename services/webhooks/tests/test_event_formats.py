"""An endpoint's event format: the envelope as it is, or a CloudEvent in the HTTP binding's
binary or structured mode, read back here by the CloudEvents SDK as a receiver would; the
signature covers the bytes sent in every format."""
import json
import uuid

import pytest
from cloudevents.core.bindings import http as http_binding
from cloudevents.core.formats.json import JSONFormat

from chancery_common.envelope import Event
from webhooks import logic

COUNTERPARTY_ID = str(uuid.uuid4())


def a_claimed(event_format):
    event = Event(type="counterparty.created", producer="counterparties", version=1,
                  payload={"counterparty_id": COUNTERPARTY_ID, "name": "Ромашка «Север»"},
                  subject=COUNTERPARTY_ID)
    return event, logic.Claimed(delivery_id=uuid.uuid4(), url="https://erp.example/hook",
                                secrets=(logic.new_secret(),), event_id=event.id, body=logic.body_of(event),
                                replay=False, event_format=event_format)


def received(claimed, timestamp=1_760_000_000):
    headers, body = logic.headers_for(claimed, timestamp)
    return headers, body.encode()


def signed_over(claimed, headers, body):
    expected = logic.sign(claimed.secrets[0], headers["webhook-id"], headers["webhook-timestamp"], body)
    return headers["webhook-signature"] == expected


def test_the_chancery_format_sends_the_envelope_with_no_cloudevents_headers():
    event, claimed = a_claimed("chancery")
    headers, body = received(claimed)

    assert headers["content-type"] == "application/json"
    assert not [name for name in headers if name.startswith("ce-")]
    assert json.loads(body) == event.to_message()
    assert signed_over(claimed, headers, body)


@pytest.mark.parametrize("event_format, media_type", [
    ("cloudevents-binary", "application/json"),
    ("cloudevents-structured", "application/cloudevents+json"),
])
def test_a_cloudevents_format_is_read_back_by_the_sdk(event_format, media_type):
    event, claimed = a_claimed(event_format)
    headers, body = received(claimed)

    assert headers["content-type"] == media_type
    cloud_event = http_binding.from_http(http_binding.HTTPMessage(headers=headers, body=body), JSONFormat())
    assert cloud_event.get_specversion() == "1.0"
    assert cloud_event.get_id() == str(event.id) == headers["webhook-id"]
    assert cloud_event.get_source() == "/chancery/counterparties"
    assert cloud_event.get_type() == "counterparty.created"
    assert cloud_event.get_subject() == COUNTERPARTY_ID
    assert cloud_event.get_time() == event.occurred_at
    assert cloud_event.get_extension("dataversion") in (1, "1")  # a header carries text
    assert cloud_event.get_data() == event.to_message()
    assert signed_over(claimed, headers, body)


def test_every_attempt_sends_the_same_bytes():
    _, claimed = a_claimed("cloudevents-structured")

    assert received(claimed, 1)[1] == received(claimed, 2)[1]
