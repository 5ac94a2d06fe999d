"""The gateway's RPC client against real RabbitMQ and a real nameko service.

``WireService`` below runs under ``nameko run`` in its own process (as the services do),
in this test run's vhost. The tests check that nameko accepts the client's requests and
that its answers and errors come back as nameko's own proxy returns them; and the
client's behaviour on the bus: timeouts, stale replies, unknown services, expiry of
requests nobody waits for, a connection the broker closes, threads and forks.
"""
import os
import shutil
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import orjson
import pytest
from nameko.extensions import DependencyProvider
from nameko.rpc import rpc as remote

from chancery_common.errors import NotFound
from chancery_gateway import rpc

HERE = Path(__file__).resolve().parent
SERVICE = "rpc_wire"


class CallIds(DependencyProvider):
    def get_dependency(self, worker_ctx):
        return worker_ctx.call_id_stack


class Context(DependencyProvider):
    def get_dependency(self, worker_ctx):
        return worker_ctx.context_data


class WireService:
    """Runs in the ``nameko run`` process; records ``record`` calls in RPC_WIRE_RECORD."""
    name = SERVICE
    call_ids = CallIds()
    context = Context()

    @remote
    def deadline(self):
        return self.context.get("deadline")

    @remote
    def echo(self, *args, **kwargs):
        return {"args": list(args), "kwargs": kwargs}

    @remote
    def call_id_stack(self):
        return self.call_ids

    @remote
    def sleep(self, seconds, answer):
        time.sleep(seconds)  # eventlet's, under nameko run
        return answer

    @remote
    def fail(self, kind):
        if kind == "registered":
            raise NotFound("no such thing", {"id": "1"})
        raise KeyError("boom")

    @remote
    def record(self, label):
        with open(os.environ["RPC_WIRE_RECORD"], "a") as record:
            record.write(label + "\n")
        return label

    @remote
    def recorded(self):
        return Path(os.environ["RPC_WIRE_RECORD"]).read_text().split()


class RunningService:
    def __init__(self, amqp_uri, folder):
        self.amqp_uri, self.folder = amqp_uri, folder
        self.config = folder / "config.yaml"
        self.config.write_text(f"AMQP_URI: '{amqp_uri}'\nserializer: json\nmax_workers: 10\n")
        self.record = folder / "record.txt"
        self.record.touch()
        self.process = None

    def start(self):
        env = {**os.environ, "RPC_WIRE_RECORD": str(self.record)}
        log = self.folder / "service.log"
        with open(log, "ab") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "nameko", "run", "--config", str(self.config),
                 f"{Path(__file__).stem}:WireService"],
                cwd=HERE, env=env, stdout=output, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                rpc.call(SERVICE, "echo", timeout=1)
                return
            except rpc.ServiceUnavailable:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{SERVICE} did not start: {log.read_text()}") from None
                time.sleep(0.2)

    def stop(self):
        self.process.terminate()
        self.process.wait(15)


@pytest.fixture(autouse=True)
def bus_config(rabbitmq, monkeypatch):
    monkeypatch.setitem(rpc._config, "amqp_uri", rabbitmq)
    monkeypatch.setitem(rpc._config, "timeout", 3.0)
    yield
    # close what the test opened; anything left in other threads is never reused
    rpc._drop_client()
    if rpc._executor is not None:
        rpc._executor.shutdown()
        rpc._executor = None
    rpc._generation += 1


@pytest.fixture(scope="module")
def service(rabbitmq, tmp_path_factory):
    saved = dict(rpc._config)
    rpc.configure(rabbitmq, 3.0)
    running = RunningService(rabbitmq, tmp_path_factory.mktemp("rpc_wire"))
    running.start()
    rpc._drop_client()
    rpc._config.update(saved)
    yield running
    if running.process.poll() is None:
        running.stop()


def current_client():
    return rpc._local.client


def test_a_call_carries_arguments_both_ways_as_nameko_serialises_them(service):
    ident, moment = uuid.uuid4(), datetime(2024, 5, 1, 12, 30, tzinfo=timezone.utc)

    answer = rpc.call(SERVICE, "echo", 1, "two", {"three": [3.5, None]}, ident, flag=True, at=moment)

    assert answer == {"args": [1, "two", {"three": [3.5, None]}, ident], "kwargs": {"flag": True, "at": moment}}


def test_plain_json_replies_read_by_orjson_equal_kombus_reading(service, monkeypatch):
    """Large plain replies (the unified view's parts) are read by orjson; values only kombu's
    json reads (NaN, integers beyond 64 bits) still come back."""
    read_by_orjson = []

    def loads(body):
        read_by_orjson.append(len(body))
        return orjson.loads(body)
    monkeypatch.setattr(rpc, "orjson", SimpleNamespace(loads=loads, JSONDecodeError=orjson.JSONDecodeError))
    big = [{"id": str(uuid.uuid4()), "title": "Договор «№ 1» \"x\" \\ ∑", "amount": "10.50", "n": n, "f": 0.1,
            "none": None, "nested": {"list": [True, False]}} for n in range(2000)]
    assert rpc.call(SERVICE, "echo", big) == {"args": [big], "kwargs": {}}
    assert read_by_orjson and read_by_orjson[-1] > 100_000  # the reply itself, as the bus delivered it
    odd = [float("nan"), 2 ** 70]
    answer = rpc.call(SERVICE, "echo", odd)["args"][0]
    assert answer[0] != answer[0] and answer[1] == 2 ** 70


def test_the_service_sees_the_gateways_call_id_first_in_its_call_id_stack(service):
    stack = rpc.call(SERVICE, "call_id_stack")

    assert len(stack) == 2
    assert stack[0].startswith("gateway.call.") and stack[1].startswith(f"{SERVICE}.call_id_stack.")


@pytest.mark.parametrize("kind, method", [("registered", "fail"), ("undescribed", "fail"),
                                          (None, "no_such_method")])
def test_errors_come_back_exactly_as_through_namekos_own_proxy(service, kind, method):
    from nameko.standalone.rpc import ClusterRpcProxy

    args = (kind,) if kind else ()
    with ClusterRpcProxy({"AMQP_URI": service.amqp_uri}, timeout=5) as cluster, \
            pytest.raises(Exception) as through_nameko:
        getattr(getattr(cluster, SERVICE), method)(*args)

    with pytest.raises(Exception) as through_gateway:
        rpc.call(SERVICE, method, *args)

    expected = through_nameko.value
    assert type(through_gateway.value) is type(expected)
    assert through_gateway.value.args == expected.args
    assert vars(through_gateway.value) == vars(expected)
    if kind == "registered":
        assert (expected.message, expected.details) == ("no such thing", {"id": "1"})
    if kind == "undescribed":
        assert (expected.exc_type, expected.value) == ("KeyError", "'boom'")


def test_an_unknown_service_fails_at_once_and_the_connection_stays(service):
    rpc.call(SERVICE, "echo")
    client = current_client()

    started = time.monotonic()
    with pytest.raises(rpc.ServiceUnavailable) as unavailable:
        rpc.call("no_such_service", "ping", timeout=5)

    assert time.monotonic() - started < 1
    assert (unavailable.value.service, unavailable.value.reason) == ("no_such_service", "no instance is running")
    assert rpc.call(SERVICE, "echo", 1) == {"args": [1], "kwargs": {}}
    assert current_client() is client


def test_a_timeout_then_the_late_reply_is_ignored_by_the_next_call(service):
    started = time.monotonic()
    with pytest.raises(rpc.ServiceUnavailable) as unavailable:
        rpc.call(SERVICE, "sleep", 0.8, "first", timeout=0.4)
    assert 0.4 <= time.monotonic() - started < 0.7
    assert unavailable.value.reason == "no answer within 0.4 s"
    client = current_client()

    # the first reply arrives while this call waits (at 0.8 s, this one's at 1.2 s)
    assert rpc.call(SERVICE, "sleep", 0.8, "second", timeout=3) == "second"
    assert current_client() is client


def test_a_request_that_timed_out_does_not_run_when_a_stopped_service_comes_back(service):
    service.stop()
    waited = {}

    def wait_for_the_service():  # runs once the service is back: nameko takes messages with a TTL
        waited["answer"] = rpc.call(SERVICE, "record", "waited-for", timeout=60)
        rpc._drop_client()

    waiter = threading.Thread(target=wait_for_the_service)
    try:
        with pytest.raises(rpc.ServiceUnavailable, match="no answer within 0.5 s"):
            rpc.call(SERVICE, "record", "given-up", timeout=0.5)
        waiter.start()
        time.sleep(0.3)
    finally:
        service.start()
    waiter.join(60)

    assert waited == {"answer": "waited-for"}
    # first in, first out: had the given-up request survived its expiry, it would have run first
    assert rpc.call(SERVICE, "recorded") == ["waited-for"]


def test_a_call_carries_its_deadline_to_the_service(service):
    before = time.time()
    deadline = rpc.call(SERVICE, "deadline", timeout=7)

    assert before + 7 <= deadline <= time.time() + 7


def test_a_call_that_requires_a_running_instance_fails_at_once_when_none_runs(service):
    recorded = rpc.call(SERVICE, "recorded")
    service.stop()
    try:
        started = time.monotonic()
        with pytest.raises(rpc.ServiceUnavailable) as unavailable:
            rpc.call(SERVICE, "record", "nobody runs", timeout=30, require_running=True)
        elapsed = time.monotonic() - started
    finally:
        service.start()

    assert unavailable.value.reason == "no instance is running"
    assert elapsed < 1  # not the 30 s of its timeout
    assert rpc.call(SERVICE, "recorded") == recorded  # never published: nothing ran when the service came back


def test_a_call_that_requires_a_running_instance_stops_waiting_when_the_service_dies(service):
    killer = threading.Timer(0.5, service.process.kill)
    killer.start()
    try:
        started = time.monotonic()
        with pytest.raises(rpc.ServiceUnavailable) as unavailable:
            # short, as the request goes back to the queue and runs when the service is back
            rpc.call(SERVICE, "sleep", 6, "never seen", timeout=12, require_running=True)
        elapsed = time.monotonic() - started
    finally:
        killer.join()
        service.process.wait(15)
        service.start()

    assert unavailable.value.reason == "no instance is running any more"
    assert elapsed < 0.5 + rpc.RUNNING_CHECK_SECONDS + 2


@pytest.fixture
def close_from_the_broker():
    """Have RabbitMQ close a client's connection, as a broker restart or an operator does."""
    ctl = shutil.which("rabbitmqctl") or "/usr/sbin/rabbitmqctl"
    if not Path(ctl).exists():
        pytest.skip("rabbitmqctl is not installed")

    def close(client):
        port = client.amqp.sock.getsockname()[1]
        listed = subprocess.run([ctl, "list_connections", "-q", "--no-table-headers", "pid", "peer_port"],
                                capture_output=True, text=True, check=True).stdout
        pid = next(line.split()[0] for line in listed.splitlines() if line.split()[1:] == [str(port)])
        subprocess.run([ctl, "close_connection", pid, "closed by test_rpc_wire"], check=True,
                       capture_output=True)
    return close


def test_a_connection_the_broker_closed_while_idle_is_replaced_before_the_next_call(
        service, close_from_the_broker):
    rpc.call(SERVICE, "echo")
    client = current_client()

    close_from_the_broker(client)
    time.sleep(0.3)

    assert rpc.call(SERVICE, "echo", 2) == {"args": [2], "kwargs": {}}
    assert current_client() is not client and current_client().reply_to != client.reply_to


def test_a_connection_closed_during_a_call_fails_that_call_and_the_next_one_reconnects(
        service, close_from_the_broker):
    rpc.call(SERVICE, "echo")
    client = current_client()
    closer = threading.Timer(0.2, close_from_the_broker, [client])
    closer.start()

    with pytest.raises(rpc.ServiceUnavailable) as unavailable:
        rpc.call(SERVICE, "sleep", 10, "never seen", timeout=20)
    closer.join()

    assert unavailable.value.reason.startswith("message bus error:")
    assert getattr(rpc._local, "client", None) is None
    assert rpc.call(SERVICE, "echo", 3) == {"args": [3], "kwargs": {}}


def test_a_socket_that_died_under_the_client_is_replaced_before_the_next_call(service):
    rpc.call(SERVICE, "echo")
    client = current_client()

    client.amqp.sock.shutdown(2)  # as when the broker's host goes away

    assert rpc.call(SERVICE, "echo", 4) == {"args": [4], "kwargs": {}}
    assert current_client() is not client


def test_each_thread_has_its_own_connection_and_gets_only_its_own_answers(service):
    clients, failures = {}, []

    def work(number):
        try:
            for turn in range(25):
                assert rpc.call(SERVICE, "echo", number, turn) == {"args": [number, turn], "kwargs": {}}
            clients[number] = current_client()
        except Exception as exc:  # reported below, with the thread's number
            failures.append((number, exc))
        finally:
            rpc._drop_client()

    threads = [threading.Thread(target=work, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert failures == []
    assert len({id(client) for client in clients.values()}) == 8
    assert len({client.reply_to for client in clients.values()}) == 8


def test_fan_out_calls_in_parallel_each_on_its_own_connection(service):
    started = time.monotonic()
    results = rpc.fan_out({"a": (SERVICE, "sleep", 0.5, "a"), "b": (SERVICE, "sleep", 0.5, "b"),
                           "missing": ("no_such_service", "ping")})

    assert time.monotonic() - started < 0.9
    assert (results["a"], results["b"]) == ("a", "b")
    assert isinstance(results["missing"], rpc.ServiceUnavailable)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.filterwarnings("ignore:Using fork:DeprecationWarning")  # eventlet's, imported by nameko
def test_a_forked_child_makes_its_own_connection_and_leaves_the_parents_alone(service):
    rpc.call(SERVICE, "echo")
    parent_client = current_client()
    read_end, write_end = os.pipe()

    pid = os.fork()
    if pid == 0:  # the child: report and leave without running anything of pytest's
        try:
            answer = rpc.call(SERVICE, "echo", "child")
            ok = answer == {"args": ["child"], "kwargs": {}} and current_client() is not parent_client
            os.write(write_end, b"ok" if ok else repr(answer).encode())
        except BaseException as exc:
            os.write(write_end, repr(exc).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    os.waitpid(pid, 0)
    reported = os.read(read_end, 1000)
    os.close(read_end)

    assert reported == b"ok"
    assert rpc.call(SERVICE, "echo", "parent") == {"args": ["parent"], "kwargs": {}}
    assert current_client() is parent_client
