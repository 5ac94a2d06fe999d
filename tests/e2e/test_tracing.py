"""Tracing (on in the test system: CHANCERY_TRACING=file): one click is one trace, from the
gateway's request through each RPC call, the services' database statements and the events
the click caused."""
import json

import pytest

pytestmark = pytest.mark.system


def spans(system):
    found = []
    for path in (system.profile.data_dir / "traces").glob("*.jsonl"):
        for line in path.read_text().splitlines():
            if line.strip():
                try:
                    found.append(json.loads(line))
                except ValueError:  # a line still being written
                    pass
    return found


def trace_of(system, request_id):
    """The spans of the trace whose gateway request span carries ``request_id``."""
    every = spans(system)
    roots = [s for s in every if s["attributes"].get("chancery.request_id") == request_id
             and s["resource"]["attributes"]["service.name"] == "gateway"]
    if not roots:
        return []
    trace_id = roots[0]["context"]["trace_id"]
    return [s for s in every if s["context"]["trace_id"] == trace_id]


def connected(trace):
    ids = {s["context"]["span_id"] for s in trace}
    return all(s["parent_id"] in ids for s in trace if s["parent_id"])


def services_of(trace):
    return {s["resource"]["attributes"]["service.name"] for s in trace}


def consumers_of(trace):
    return {s["resource"]["attributes"]["service.name"] for s in trace if s["kind"] == "SpanKind.CONSUMER"}


def test_one_overview_request_is_one_trace_across_the_gateway_and_the_services(admin, unique, system, eventually):
    counterparty = admin.post("/counterparties/", json={"name": f"Traced Overview {unique}"}).json()
    request_id = f"trace-overview-{unique}"
    view = admin.get(f"/counterparties/{counterparty['id']}/overview", headers={"X-Request-ID": request_id})
    assert view.status_code == 200

    # the gateway and the four services the view is composed from (staff answers the session)
    wanted = {"gateway", "counterparties", "documents", "approvals", "notifications"}
    trace = eventually(lambda: (t := trace_of(system, request_id)) and wanted <= services_of(t) and t)
    # every span the request id leads to, in any process, is of this one trace
    traced = [s for s in spans(system) if s["attributes"].get("chancery.request_id") == request_id]
    assert {s["resource"]["attributes"]["service.name"] for s in traced} >= wanted
    assert {s["context"]["trace_id"] for s in traced} == {trace[0]["context"]["trace_id"]}
    [root] = [s for s in trace if s["parent_id"] is None]
    assert root["resource"]["attributes"]["service.name"] == "gateway"
    assert root["kind"] == "SpanKind.SERVER"
    assert root["attributes"]["http.route"] == "/api/v1/counterparties/<uuid:counterparty_id>/overview"
    # a connected tree: every other span's parent is in the trace
    trace = eventually(lambda: (t := trace_of(system, request_id)) and connected(t) and t)
    assert {"rpc counterparties.overview_part", "rpc documents.overview_part", "rpc approvals.overview_part",
            "rpc notifications.list_notifications", "counterparties.overview_part", "documents.overview_part",
            "approvals.overview_part", "notifications.list_notifications"} <= {s["name"] for s in trace}
    assert any(s["name"].startswith("db ") and s["resource"]["attributes"]["service.name"] == "documents"
               for s in trace)
    # the caller's span is the parent of the callee's
    clients = {s["context"]["span_id"]: s for s in trace if s["name"].startswith("rpc ")}
    served = [s for s in trace if s["kind"] == "SpanKind.SERVER" and s["parent_id"] in clients]
    assert {s["resource"]["attributes"]["service.name"] for s in served} >= wanted - {"gateway"}


def test_the_events_a_click_caused_join_its_trace(admin, unique, system, eventually):
    request_id = f"trace-event-{unique}"
    created = admin.post("/counterparties/", json={"name": f"Traced Event {unique}"},
                         headers={"X-Request-ID": request_id})
    assert created.status_code == 201
    # a consumer's span is written when its handling ends, after the spans of its own
    # statements: wait for the consumer spans themselves, not for any span of the service
    trace = eventually(lambda: (t := trace_of(system, request_id)) and {"notifications", "webhooks"} <= consumers_of(t)
                       and t)
    # and each consumer's span hangs from a span of the click (the event carried its parent)
    trace = eventually(lambda: (t := trace_of(system, request_id)) and connected(t) and t)
    for consumer in (s for s in trace if s["kind"] == "SpanKind.CONSUMER"):
        assert consumer["parent_id"] is not None
