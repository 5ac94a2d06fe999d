"""RPC from the gateway's threads to the nameko services, with timeouts.

nameko's standalone proxy builds a kombu Connection and takes a pooled producer for every
publish, and waits for a publisher confirm: most of the gateway's CPU per RPC
(docs/benchmarks.md). This module speaks nameko's wire format itself instead:

* request: to the durable topic exchange ``nameko-rpc`` with routing key
  ``<service>.<method>``, a JSON body ``{"args": [...], "kwargs": {...}}``, ``reply_to``
  (our reply queue's routing key on that exchange), ``correlation_id`` and the header
  ``nameko.call_id_stack`` (nameko would accept none; it links the services' call ids to
  ours);
* reply: ``{"result": ..., "error": null}``, or nameko's serialised exception, raised
  through ``nameko.exceptions.deserialize`` as before: the classes registered by
  ``chancery_common.errors`` with their arguments, RemoteError for anything else.

Each thread has one connection, channel and exclusive reply queue, made on its first call
(so after gunicorn's fork), and makes one call at a time on it. Requests are published
``mandatory``: with no queue bound for the service, the broker returns the request and
the call fails at once with "no instance is running". They are transient and expire
after the call's timeout: a request nobody waits for any more must not run later, when a
stopped service comes back. A reply whose correlation id is not the one awaited answers
an earlier call that timed out, and is dropped. After any transport error the thread's
connection is discarded and the next call makes a new one.

Each request also carries its deadline (the header ``nameko.deadline``): the service does not
start it, nor commit its work, after that moment (chancery_common.rpc). A broker that does
not accept connections fails the call at once, not after kombu's retries. A long call (the
attach of an upload) may ask ``require_running``: the call fails at once when no instance of
the service consumes its queue, and while waiting it looks again every few seconds, so a
service that died holding the request is not waited for until the timeout; such a request
is marked ``chancery.first_delivery_only``, so that RabbitMQ's giving it back to the next
instance does not run it after the caller was told it failed.
"""
import contextlib
import contextvars
import logging
import os
import select
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import amqp.exceptions
import orjson
from kombu import Connection, Consumer, Exchange, Producer, Queue
from nameko.exceptions import deserialize

from chancery_common import logs, metrics, tracing
from chancery_common.errors import ServiceUnavailable

log = logging.getLogger(__name__)

EXCHANGE = Exchange("nameko-rpc", type="topic", durable=True)  # declared as nameko does
TRANSIENT = 1  # delivery mode: not written to disk; a request is worthless once nobody waits
# a require_running request delivered again is not run (chancery_common.rpc)
FIRST_DELIVERY_ONLY = "chancery.first_delivery_only"
RUNNING_CHECK_SECONDS = 2.0  # how often a require_running call looks for the service's instances

_local = threading.local()
_config = {"amqp_uri": None, "timeout": 10.0}
# the LDAP directory's sync, run by an administrator, reads the whole directory before it answers
DIRECTORY_SYNC_TIMEOUT = 300
_executor = None
_executor_lock = threading.Lock()
_generation = 0  # bumped after fork: connections made before belong to the parent


def configure(amqp_uri, timeout, fan_out_threads=16):
    """``fan_out_threads``: the threads of a worker's pool for parallel calls (``fan_out``),
    shared by its admitted requests (admission.py)."""
    _config["amqp_uri"] = amqp_uri
    _config["timeout"] = timeout
    _config["fan_out_threads"] = fan_out_threads


def amqp_uri():
    """The bus the gateway was configured with (None before ``configure``)."""
    return _config["amqp_uri"]


def reset_after_fork():
    """Leave the parent's connections and fan-out threads to the parent (never close them
    here: closing would shut the socket the parent still uses)."""
    global _executor, _executor_lock, _generation
    _generation += 1
    _executor = None
    _executor_lock = threading.Lock()


os.register_at_fork(after_in_child=reset_after_fork)


class _Client:
    """One thread's link to the bus. Calls on it are sequential, so any reply other than
    the awaited one is stale."""

    def __init__(self, amqp_uri, connect_timeout):
        self.generation = _generation
        self.waiting = self.reply = None
        self.returned = self.spent = False
        # no heartbeats: nothing would send them while the thread is idle, and a
        # connection that died meanwhile is noticed before the next request (catch_up)
        self.connection = Connection(amqp_uri, connect_timeout=connect_timeout, heartbeat=0)
        try:
            # one attempt: kombu would retry after 2 s, while the caller waits for its 503
            self.connection.ensure_connection(max_retries=0)
            channel = self.connection.channel()
            self.reply_to = uuid.uuid4().hex
            queue = Queue(f"rpc.reply-gateway-{self.reply_to}", EXCHANGE,
                          routing_key=self.reply_to, exclusive=True, auto_delete=True)
            Consumer(channel, [queue], on_message=self._on_reply, no_ack=True, accept=["json"]).consume()
            channel.events["basic_return"].add(self._on_return)
            self.producer = Producer(channel, EXCHANGE, serializer="json", auto_declare=False)
            self.channel = channel
        except Exception:
            self.discard()
            raise
        # py-amqp's own connection: kombu's would quietly reconnect, without our reply queue
        self.amqp = self.connection.connection
        self.poller = select.poll()
        self.poller.register(self.amqp.sock, select.POLLIN)

    def _on_reply(self, message):
        if message.properties.get("correlation_id") == self.waiting:
            self.reply = _decoded(message)
        else:
            log.debug("dropped a reply to a call that timed out: %s", message.properties)

    def _on_return(self, exc, exchange, routing_key, message):
        if message.properties.get("correlation_id") == self.waiting:
            self.returned = True

    def catch_up(self):
        """Handle what arrived while the thread was idle: stale replies, or the broker
        closing the connection, which then raises here, before a request is sent on it."""
        while self.poller.poll(0):
            try:
                self.amqp.drain_events(timeout=0)
            except TimeoutError:  # only part of a frame so far
                return

    def request(self, service, method, args, kwargs, timeout, require_running=False):
        """Publish the call and wait for its reply body; ServiceUnavailable on no answer."""
        if require_running and not self.consumers(service):
            raise ServiceUnavailable.of(service, "no instance is running")
        correlation_id = uuid.uuid4().hex
        self.waiting, self.reply, self.returned = correlation_id, None, False
        try:
            self.producer.publish(
                {"args": args, "kwargs": kwargs}, routing_key=f"{service}.{method}",
                mandatory=True, delivery_mode=TRANSIENT, expiration=timeout,
                reply_to=self.reply_to, correlation_id=correlation_id,
                headers={**_headers(correlation_id), "nameko.deadline": time.time() + timeout,
                         **({FIRST_DELIVERY_ONLY: True} if require_running else {})})
            deadline = time.monotonic() + timeout
            while self.reply is None:
                if self.returned:  # the broker's basic.return comes before anything else
                    raise ServiceUnavailable.of(service, "no instance is running")
                remaining = deadline - time.monotonic()
                try:
                    if remaining <= 0:
                        raise TimeoutError
                    self.amqp.drain_events(timeout=min(remaining, RUNNING_CHECK_SECONDS) if require_running
                                           else remaining)
                except TimeoutError:
                    if time.monotonic() < deadline:
                        # the reply may arrive while the broker answers how many consume
                        if not self.consumers(service) and self.reply is None:
                            raise ServiceUnavailable.of(service, "no instance is running any more") from None
                        continue
                    raise ServiceUnavailable.of(service, f"no answer within {timeout:g} s") from None
            return self.reply
        finally:
            self.waiting = None

    def consumers(self, service):
        """How many instances of the service consume its RPC queue (0 when it has none)."""
        try:
            return self.channel.queue_declare(queue=f"rpc-{service}", passive=True).consumer_count
        except amqp.exceptions.NotFound:  # no queue: never run; the broker closed our channel
            self.spent = True
            return 0

    def discard(self):
        """Drop the connection without talking to the broker, which may not answer."""
        with contextlib.suppress(Exception):  # already broken: nothing more to release
            self.connection.collect()


def _headers(correlation_id):
    """nameko's call id stack, and the request's correlation id, which nameko hands on to
    every call and event the service makes for it (chancery_common.logs)."""
    headers = {"nameko.call_id_stack": [f"gateway.call.{correlation_id}"]}
    request_id = logs.current_id()
    if request_id:
        headers["nameko.correlation_id"] = request_id
    headers.update({f"nameko.{key}": value for key, value in tracing.headers().items()})
    return headers


def _decoded(message):
    """A reply's body. Plain JSON (what services send: their schemas' dumps) is read by orjson,
    a tenth of kombu's time for a 100 KB part; anything else (kombu's typed values, marked
    "__type__", another encoding) by kombu, as before."""
    body = message.body  # py-amqp hands it over already decoded (str) when it names its encoding
    marker = '"__type__"' if isinstance(body, str) else b'"__type__"'
    if message.content_type == "application/json" and message.content_encoding in ("utf-8", None) \
            and isinstance(body, (bytes, str)) and marker not in body:
        try:
            return orjson.loads(body)
        except orjson.JSONDecodeError:  # NaN, huge integers: kombu's json reads them
            pass
    return message.decode()


def _client(timeout):
    client = getattr(_local, "client", None)
    if client is not None and client.generation == _generation:
        try:
            if not client.spent:
                client.catch_up()
                return client
        except Exception as exc:  # closed while idle; nothing was sent, so start afresh
            log.info("the message bus connection was closed while idle (%s); reconnecting", exc)
        client.discard()
    _local.client = None
    _local.client = _Client(_config["amqp_uri"], connect_timeout=timeout)
    return _local.client


def _drop_client():
    client, _local.client = getattr(_local, "client", None), None
    if client is not None and client.generation == _generation:
        client.discard()


def call(service, method, *args, timeout=None, require_running=False, **kwargs):
    """Call ``service.method(*args, **kwargs)`` and return its result.

    Raises ServiceUnavailable when the service does not answer within the timeout, has no
    instance running, or the bus fails; the service's own errors as nameko deserialises
    them (chancery_common.errors classes, else RemoteError). ``require_running``: see the
    module's text.
    """
    timeout = timeout or _config["timeout"]
    outcome, started, error = "failed", time.perf_counter(), None
    span = tracing.start(f"rpc {service}.{method}", tracing.CLIENT)
    try:
        result = _call(service, method, args, kwargs, timeout, require_running)
        outcome = "ok"
        return result
    except ServiceUnavailable as exc:
        outcome, error = "unavailable", exc
        raise
    except Exception as exc:
        outcome, error = metrics.rpc_outcome(exc), exc
        raise
    finally:
        tracing.finish(span, error=error if outcome in ("unavailable", "failed") else None,
                       attributes={"chancery.outcome": outcome})
        metrics.RPC_CALLS.labels("caller", service, method, outcome).inc()
        metrics.RPC_LATENCY.labels("caller", service, method).observe(time.perf_counter() - started)


def _call(service, method, args, kwargs, timeout, require_running=False):
    try:
        reply = _client(timeout).request(service, method, args, kwargs, timeout, require_running)
    except ServiceUnavailable:
        raise
    except Exception as exc:
        _drop_client()  # its state is unknown after any other failure
        if isinstance(exc, OSError) or type(exc).__module__.split(".")[0] in ("amqp", "kombu"):
            log.warning("RPC %s.%s: message bus error: %r", service, method, exc)
            raise ServiceUnavailable.of(service, f"message bus error: {exc}") from None
        raise
    if reply.get("error"):
        raise deserialize(reply["error"])
    return reply["result"]


def _pool():
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=_config.get("fan_out_threads", 16),
                                           thread_name_prefix="fanout")
        return _executor


def failure_reason(exc):
    """Why a call failed, in words for a view's ``unavailable`` list."""
    if isinstance(exc, ServiceUnavailable):
        return exc.reason
    return str(exc) or type(exc).__name__


def fan_out(calls):
    """Run named calls in parallel: ``{"name": (service, method, args...)}``.

    Returns ``{"name": result}`` where a failed call's result is the exception it raised,
    so a view can show everything that answered and mark what did not. Each executor
    thread has its own connection, like any other thread.
    """
    # each call runs in the caller's context: its log lines and headers name the request
    futures = {name: _pool().submit(contextvars.copy_context().run, call, *spec) for name, spec in calls.items()}
    results = {}
    for name, future in futures.items():
        try:
            results[name] = future.result()
        except Exception as exc:
            results[name] = exc
    return results
