"""Service-to-service RPC with a timeout.

nameko's ``RpcProxy`` waits for a reply for ever; a service that calls another must not
hang when that one is down. ``TimedRpcProxy`` raises ``ServiceUnavailable`` after the
timeout instead, which the gateway answers with a 503 naming the service.
"""
import eventlet
from nameko.exceptions import UnknownService
from nameko.rpc import RpcProxy

from .errors import ServiceUnavailable


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
