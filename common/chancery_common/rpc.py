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
"""
import sys

import eventlet
import kombu.serialization
from nameko.constants import (AMQP_SSL_CONFIG_KEY, AMQP_URI_CONFIG_KEY, DEFAULT_SERIALIZER, LOGIN_METHOD_CONFIG_KEY,
                              SERIALIZER_CONFIG_KEY)
from nameko.exceptions import UnknownService, UnserializableValueError, serialize
from nameko.rpc import Responder, Rpc, RpcConsumer, RpcProxy, get_rpc_exchange

from .errors import ServiceUnavailable


class _OnceResponder(Responder):
    def send_response(self, result, exc_info):
        serializer = kombu.serialization.registry.type_to_name[self.message.properties["content_type"]]
        error = serialize(exc_info[1]) if exc_info is not None else None
        try:
            content_type, encoding, body = kombu.serialization.dumps({"result": result, "error": error}, serializer)
        except Exception:
            exc_info = sys.exc_info()
            error = serialize(UnserializableValueError(result))  # always serializable
            result = None
            content_type, encoding, body = kombu.serialization.dumps({"result": None, "error": error}, serializer)
        publisher = self.publisher_cls(self.amqp_uri, ssl=self.ssl, login_method=self.login_method)
        publisher.publish(body, content_type=content_type, content_encoding=encoding, use_confirms=False,
                          exchange=self.exchange, routing_key=self.message.properties["reply_to"],
                          correlation_id=self.message.properties.get("correlation_id"))
        return result, exc_info


class _OnceRpcConsumer(RpcConsumer):
    def handle_result(self, message, result, exc_info):
        config = self.container.config
        responder = _OnceResponder(config[AMQP_URI_CONFIG_KEY], get_rpc_exchange(config),
                                   config.get(SERIALIZER_CONFIG_KEY, DEFAULT_SERIALIZER), message, ssl=config.get(AMQP_SSL_CONFIG_KEY),
                                   login_method=config.get(LOGIN_METHOD_CONFIG_KEY))
        result, exc_info = responder.send_response(result, exc_info)
        self.queue_consumer.ack_message(message)
        return result, exc_info


class _Rpc(Rpc):
    rpc_consumer = _OnceRpcConsumer()


rpc = _Rpc.decorator


class TimedRpcProxy(RpcProxy):
    """The timeout is the service's ``SERVICE_RPC_TIMEOUT`` setting when it has one: keep it
    below the gateway's ``RPC_TIMEOUT``, so the gateway hears which service failed."""

    def __init__(self, target_service, timeout=5.0, **options):
        super().__init__(target_service, **options)
        self.timeout = timeout

    def setup(self):
        super().setup()
        self.timeout = float(self.container.config.get("SERVICE_RPC_TIMEOUT", self.timeout))

    def get_dependency(self, worker_ctx):
        return _TimedService(super().get_dependency(worker_ctx), self.target_service, self.timeout)


class _TimedService:
    def __init__(self, proxy, name, timeout):
        self._proxy, self._name, self._timeout = proxy, name, timeout

    def __getattr__(self, method):
        target = getattr(self._proxy, method)

        def call(*args, **kwargs):
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
        return call
