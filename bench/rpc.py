"""One RPC round trip: the project's path against a bare kombu request/reply on the same broker.

The project's path is the gateway's own ``rpc.call("staff", "ping")``: its per-thread kombu
client speaking nameko's wire format (gateway/chancery_gateway/rpc.py), with the staff
service (a nameko container on eventlet) answering. The floor is the least an
AMQP request/reply can cost from Python: kombu publishes a small JSON body to an echo
consumer in another process, which publishes the reply to the caller's reply queue.
Two steps in between split the gap: the bare request/reply with what nameko asks of the
broker (confirms on both publishes, persistent messages, durable queues, manual acks),
and a nameko service that only answers ping (``bench/ping_service.py``).
"""
import multiprocessing
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from kombu import Connection, Consumer, Producer, Queue

REQUEST = {"args": [], "kwargs": {}}  # what nameko sends for ping()
REPLY = {"result": "pong", "error": None}  # and what it answers


def _queue(name, reliable, **kwargs):
    return Queue(name, routing_key=name, durable=reliable, **kwargs)


def serve_echo(amqp_uri, queue_name, reliable, ready):
    """Answer every request on ``queue_name`` until terminated (runs in its own process)."""
    with Connection(amqp_uri, transport_options={"confirm_publish": reliable}) as connection:
        channel = connection.channel()
        producer = Producer(channel, serializer="json")

        def on_request(body, message):
            producer.publish(REPLY, exchange="", routing_key=message.properties["reply_to"],
                             correlation_id=message.properties["correlation_id"],
                             delivery_mode=2 if reliable else 1)
            if reliable:
                message.ack()

        queue = _queue(queue_name, reliable, auto_delete=True)
        with Consumer(channel, queues=[queue], callbacks=[on_request], no_ack=not reliable,
                      accept=["json"]):
            ready.set()
            while True:
                connection.drain_events()


class EchoClient:
    """A bare request/reply caller of ``serve_echo``, one call at a time."""

    def __init__(self, amqp_uri, server_queue, reliable, timeout=10.0):
        self.server_queue = server_queue
        self.reliable = reliable
        self.timeout = timeout
        self.replies = {}
        self.connection = Connection(amqp_uri, transport_options={"confirm_publish": reliable})
        channel = self.connection.channel()
        self.producer = Producer(channel, serializer="json")
        self.reply_queue = _queue(f"bench-reply-{uuid.uuid4().hex}", reliable, auto_delete=True)
        self.consumer = Consumer(self.connection.channel(), queues=[self.reply_queue],
                                 callbacks=[self._on_reply], no_ack=not reliable, accept=["json"])
        self.consumer.consume()

    def _on_reply(self, body, message):
        self.replies[message.properties["correlation_id"]] = body
        if self.reliable:
            message.ack()

    def call(self):
        correlation_id = uuid.uuid4().hex
        self.producer.publish(REQUEST, exchange="", routing_key=self.server_queue,
                              reply_to=self.reply_queue.name, correlation_id=correlation_id,
                              delivery_mode=2 if self.reliable else 1)
        while correlation_id not in self.replies:
            self.connection.drain_events(timeout=self.timeout)
        return self.replies.pop(correlation_id)

    def close(self):
        self.connection.close()


class EchoPair:
    """An echo server process and a client of it, as a context manager."""

    def __init__(self, amqp_uri, reliable):
        self.amqp_uri = amqp_uri
        self.reliable = reliable

    def __enter__(self):
        queue_name = f"bench-echo-{uuid.uuid4().hex}"
        spawn = multiprocessing.get_context("spawn")
        ready = spawn.Event()
        self.server = spawn.Process(target=serve_echo, daemon=True,
                                    args=(self.amqp_uri, queue_name, self.reliable, ready))
        self.server.start()
        if not ready.wait(30):
            self.server.terminate()
            raise RuntimeError("the kombu echo server did not start")
        self.client = EchoClient(self.amqp_uri, queue_name, self.reliable)
        return self.client

    def __exit__(self, *exc_info):
        self.client.close()
        self.server.terminate()
        self.server.join(10)


class NamekoPing:
    """``bench/ping_service.py`` running under ``nameko run``, as a context manager."""

    def __init__(self, amqp_uri, log_dir):
        self.amqp_uri = amqp_uri
        self.log_dir = Path(log_dir)

    def __enter__(self):
        self.folder = tempfile.TemporaryDirectory(prefix="bench-ping-")
        config = Path(self.folder.name) / "config.yaml"
        config.write_text(f"AMQP_URI: '{self.amqp_uri}'\nserializer: json\nmax_workers: 10\n")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "nameko", "run", "--config", str(config), "bench.ping_service"],
            cwd=Path(__file__).resolve().parents[1], stderr=subprocess.STDOUT,
            stdout=open(self.log_dir / "bench_ping.log", "ab"))
        deadline = time.monotonic() + 60
        while not self.answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise RuntimeError(f"bench_ping did not start; see {self.log_dir / 'bench_ping.log'}")
            time.sleep(0.2)
        return self

    def answers(self):
        from chancery_common.healthcheck import ping

        try:
            return ping("bench_ping", self.amqp_uri, timeout=2)
        except Exception:  # not consuming yet: no queue, or no answer in time
            return False

    def __exit__(self, *exc_info):
        self.process.terminate()
        self.process.wait(15)
        self.folder.cleanup()


def project_caller(amqp_uri, service="staff", timeout=10.0):
    """The gateway's RPC path, configured as the gateway configures it."""
    from chancery_gateway import rpc

    rpc.configure(amqp_uri, timeout)

    def call():
        if rpc.call(service, "ping") != "pong":
            raise RuntimeError(f"{service}.ping did not answer pong")
    return call


def time_calls(call, count):
    """Seconds taken by each of ``count`` sequential calls."""
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def measure(callers, calls, warmup, blocks=4):
    """Latency samples per named caller: warmed up, then measured in alternating blocks.

    Alternating spreads any background load on the machine over every caller alike.
    """
    for call in callers.values():
        time_calls(call, warmup)
    samples = {name: [] for name in callers}
    per_block = max(1, calls // blocks)
    for _ in range(blocks):
        for name, call in callers.items():
            samples[name] += time_calls(call, per_block)
    return samples
