"""RPC entrypoints that answer once, and service-to-service calls with a timeout.

``rpc`` is nameko's entrypoint with a leaner reply: nameko serializes every result twice
(once to check that it can, once to send it) and waits for the broker to confirm each reply.
Here the result is serialized once (an unserializable one is still answered with nameko's
``UnserializableValueError``) and the reply is sent without a publisher confirm: the caller
is waiting on its own queue with a timeout, and a confirm cannot bring a lost reply back.
The unified view's largest part (a counterparty's documents) is ~100 KB: half of that
service's reply time was the second serialization and the confirm (docs/benchmarks.md).
Every service declares its RPC methods with this ``rpc``, never nameko's (one consumer per
service queue).

nameko's ``RpcProxy`` waits for a reply for ever; a service that calls another must not
hang when that one is down. ``TimedRpcProxy`` raises ``ServiceUnavailable`` after the
timeout instead, which the gateway answers with a 503 naming the service.

A broker outage must not end a service (docs/reliability.md). nameko kills the whole
service when a worker's reply, acknowledgement or requeue raises, and the broker going away
makes each of them raise. Here a reply that cannot be sent is dropped with a log line (its
caller's reply queue went with the broker, and the caller answers 503 after its timeout);
an acknowledgement or requeue on a lost connection is skipped (the broker gives every
unacknowledged message back itself). nameko's consumer reconnects on its own.

A caller may send a deadline (the header ``nameko.deadline``, seconds since the epoch; the
gateway sends it with every call, and nameko passes it on to the calls a worker makes). A
request that arrives after its deadline is not run, and a worker's transaction does not
commit after it (``database.py``): work the caller gave up on is not done behind its back.
A database that cannot be reached is answered with ``Unavailable``, never as a bare failure.

A caller that stops waiting as soon as no instance holds its request (the gateway's
``require_running`` calls: the attach of an upload) marks it ``chancery.first_delivery_only``.
Such a request delivered again (its instance died holding it, and RabbitMQ gave it back) is
not run: its caller already answered that it failed.
"""
import logging
import os
import sys
import time

import amqp.exceptions
import eventlet
import kombu.exceptions
import kombu.serialization
import orjson
from nameko.constants import (AMQP_SSL_CONFIG_KEY, AMQP_URI_CONFIG_KEY, DEFAULT_SERIALIZER, LOGIN_METHOD_CONFIG_KEY,
                              SERIALIZER_CONFIG_KEY)
from nameko.exceptions import UnknownService, UnserializableValueError, serialize
from nameko.messaging import QueueConsumer
from nameko.rpc import Responder, Rpc, RpcConsumer, RpcProxy, get_rpc_exchange
from sqlalchemy.orm.exc import StaleDataError

from . import metrics
from .database import deadline_passed, unavailable_database
from .errors import Conflict, DeadlineExceeded, ServiceUnavailable, Unavailable

log = logging.getLogger(__name__)

# what the broker going away raises: the socket's errors, py-amqp's and kombu's
BUS_ERRORS = (OSError, amqp.exceptions.ConnectionError, amqp.exceptions.ChannelError, kombu.exceptions.KombuError)
# a reply is tried on a fresh connection once, at once: a reply queue does not outlive
# the broker's restart, so waiting for the broker to come back would deliver it nowhere
# the header of a request whose caller gives up once no instance holds it (above)
FIRST_DELIVERY_ONLY = "chancery.first_delivery_only"
REPLY_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5}


def _tolerant(settle):
    def settle_unless_lost(self, message):
        try:
            settle(self, message)
        except BUS_ERRORS as exc:
            log.warning("the broker connection was lost before %s of a message (%s); "
                        "the broker delivers it again", settle.__name__, exc)
    settle_unless_lost.__name__ = settle.__name__
    return settle_unless_lost


# nameko 2.14 catches py-amqp's ConnectionError here but not the socket's own errors
# (ConnectionResetError), so a lost connection ended the service: every consumer of a
# service (RPC, events, replies) shares this QueueConsumer class
if not getattr(QueueConsumer, "tolerates_lost_connections", False):
    QueueConsumer.ack_message = _tolerant(QueueConsumer.ack_message)
    QueueConsumer.requeue_message = _tolerant(QueueConsumer.requeue_message)
    QueueConsumer.tolerates_lost_connections = True


# a reply written by orjson, unless it holds what kombu's JSON writes as a typed marker
# (dates and times, decimals, bytes, dataclasses: handed to ``_refuse``) or what orjson
# refuses (integers beyond 64 bits, keys that are not text): those are written by kombu
_FAST_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
# set where the tests run: every fast reply is compared with kombu's, and one that would be
# read differently (a uuid.UUID object, which orjson writes as text and kombu as a marker
# read back as a UUID) fails the call, naming the method, instead of passing unseen
CHECK_REPLIES = os.environ.get("CHANCERY_CHECK_REPLIES", "").lower() in ("1", "true", "yes")


def _refuse(value):
    raise TypeError(type(value).__name__)


def _fast_json(payload):
    """``payload`` as kombu's JSON would be read back, written by orjson (a tenth of the json
    module's time for the unified view's 100 KB documents part); None when only kombu can
    write it. RPC answers carry ids and times as text (the services' schemas dump them so)."""
    try:
        return orjson.dumps(payload, default=_refuse, option=_FAST_OPTIONS)
    except (TypeError, orjson.JSONEncodeError):
        return None


def _encoded(payload, serializer, method):
    """(content type, encoding, body) of a reply."""
    body = _fast_json(payload) if serializer == "json" else None
    if body is None:
        return kombu.serialization.dumps(payload, serializer)
    if CHECK_REPLIES:
        content_type, encoding, expected = kombu.serialization.dumps(payload, serializer)
        if kombu.serialization.loads(body, content_type, encoding) != \
                kombu.serialization.loads(expected, content_type, encoding):
            problem = (f"the answer of {method} is read back differently when written by orjson "
                       f"(a uuid.UUID or a float NaN in it?): answer ids and times as text")
            log.error(problem)
            raise TypeError(problem)
    return "application/json", "utf-8", body


class _OnceResponder(Responder):
    def send_response(self, result, exc_info):
        serializer = kombu.serialization.registry.type_to_name[self.message.properties["content_type"]]
        error = serialize(exc_info[1]) if exc_info is not None else None
        try:
            content_type, encoding, body = _encoded({"result": result, "error": error}, serializer,
                                                    self.message.delivery_info.get("routing_key"))
        except Exception:
            exc_info = sys.exc_info()
            error = serialize(UnserializableValueError(result))  # always serializable
            result = None
            content_type, encoding, body = kombu.serialization.dumps({"result": None, "error": error}, serializer)
        publisher = self.publisher_cls(self.amqp_uri, ssl=self.ssl, login_method=self.login_method)
        try:
            publisher.publish(body, content_type=content_type, content_encoding=encoding, use_confirms=False,
                              exchange=self.exchange, routing_key=self.message.properties["reply_to"],
                              correlation_id=self.message.properties.get("correlation_id"),
                              retry_policy=REPLY_RETRY_POLICY)
        except BUS_ERRORS as exc:
            log.warning("the reply to %s could not be sent (%s); its caller times out",
                        self.message.delivery_info.get("routing_key"), exc)
        return result, exc_info


def _answerable(exc_info, service_name):
    """The error a caller is sent: a database that cannot be reached becomes ``Unavailable``
    (the gateway's 503), naming the service; an ORM update refused for a version changed
    meanwhile a ``Conflict`` (409); anything else as it was raised."""
    if exc_info is not None and isinstance(exc_info[1], StaleDataError):
        # two changes of one record at once, one without its version (chancery_common.versions)
        error = Conflict("the record was changed by someone else at the same moment; nothing was changed: "
                         "read it again and repeat the change", {"reason": "changed_meanwhile"})
        return type(error), error, exc_info[2]
    if exc_info is None or not unavailable_database(exc_info[1]):
        return exc_info
    log.warning("%s: the database is unavailable: %s", service_name,
                (str(exc_info[1]).splitlines() or [type(exc_info[1]).__name__])[0])
    error = Unavailable(f"the {service_name} service cannot reach its database; try again shortly",
                        {"service": service_name, "dependency": "database"})
    return type(error), error, exc_info[2]


class _OnceRpcConsumer(RpcConsumer):
    def handle_result(self, message, result, exc_info):
        exc_info = _answerable(exc_info, self.container.service_name)
        config = self.container.config
        responder = _OnceResponder(config[AMQP_URI_CONFIG_KEY], get_rpc_exchange(config),
                                   config.get(SERIALIZER_CONFIG_KEY, DEFAULT_SERIALIZER), message,
                                   ssl=config.get(AMQP_SSL_CONFIG_KEY),
                                   login_method=config.get(LOGIN_METHOD_CONFIG_KEY))
        result, exc_info = responder.send_response(result, exc_info)
        self.queue_consumer.ack_message(message)
        return result, exc_info


class _Rpc(Rpc):
    rpc_consumer = _OnceRpcConsumer()

    def handle_message(self, body, message):
        headers = message.headers or {}
        deadline = headers.get("nameko.deadline")
        if deadline_passed(deadline):
            log.info("%s not run: its caller stopped waiting %.1f s ago",
                     message.delivery_info.get("routing_key"), time.time() - float(deadline))
            error = DeadlineExceeded("the caller's deadline had passed when the request arrived")
            self.rpc_consumer.handle_result(message, None, (type(error), error, None))
            return
        if headers.get(FIRST_DELIVERY_ONLY) and message.delivery_info.get("redelivered"):
            log.info("%s not run: delivered again after its instance went away, and its caller "
                     "stopped waiting then", message.delivery_info.get("routing_key"))
            error = DeadlineExceeded("the caller stopped waiting when the instance holding the request went away")
            self.rpc_consumer.handle_result(message, None, (type(error), error, None))
            return
        super().handle_message(body, message)


rpc = _Rpc.decorator


class TimedRpcProxy(RpcProxy):
    """The timeout is the service's ``SERVICE_RPC_TIMEOUT`` setting when it has one: keep it
    below the gateway's ``RPC_TIMEOUT``, so the gateway hears which service failed. A proxy
    for calls no request waits on (a background job's) names a setting of its own."""

    def __init__(self, target_service, timeout=5.0, setting="SERVICE_RPC_TIMEOUT", **options):
        super().__init__(target_service, **options)
        self.timeout = timeout
        self.setting = setting

    def setup(self):
        super().setup()
        self.timeout = float(self.container.config.get(self.setting) or self.timeout)

    def get_dependency(self, worker_ctx):
        return _TimedService(super().get_dependency(worker_ctx), self.target_service, self.timeout)


class _TimedService:
    def __init__(self, proxy, name, timeout):
        self._proxy, self._name, self._timeout = proxy, name, timeout

    def __getattr__(self, method):
        target = getattr(self._proxy, method)

        def call(*args, **kwargs):
            with _measured(self._name, method):
                return timed_call(*args, **kwargs)

        def timed_call(*args, **kwargs):
            try:
                with eventlet.Timeout(self._timeout):
                    return target(*args, **kwargs)
            except eventlet.Timeout:
                raise ServiceUnavailable(
                    f"the {self._name} service did not answer within {self._timeout:g} s",
                    {"service": self._name}) from None
            except UnknownService:
                raise ServiceUnavailable(f"the {self._name} service is not running",
                                         {"service": self._name}) from None
            except BUS_ERRORS as exc:
                log.warning("calling %s.%s: message bus error: %r", self._name, method, exc)
                raise ServiceUnavailable(f"the {self._name} service could not be called: the message bus failed",
                                         {"service": self._name}) from None
        return call


class _measured:
    """Counts and times one call on the caller's side (chancery_rpc_calls, side="caller")."""

    def __init__(self, service, method):
        self.service, self.method = service, method

    def __enter__(self):
        self.started = time.perf_counter()

    def __exit__(self, exc_type, exc, tb):
        metrics.RPC_CALLS.labels("caller", self.service, self.method, metrics.rpc_outcome(exc)).inc()
        metrics.RPC_LATENCY.labels("caller", self.service, self.method).observe(time.perf_counter() - self.started)
        return False
