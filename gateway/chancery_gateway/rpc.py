"""RPC from the gateway's threads to the services, with timeouts.

A standalone nameko proxy is not thread-safe, and making one per request is slow, so
each thread keeps its own proxy, created lazily after the worker has forked and dropped
after any transport error or timeout (its reply queue may then hold a stale answer).
``fan_out`` runs several calls at once for views that need more than one service.
"""
import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from nameko.exceptions import RpcTimeout, UnknownService
from nameko.standalone.rpc import ClusterRpcProxy

log = logging.getLogger(__name__)

_local = threading.local()
_config = {"amqp_uri": None, "timeout": 10.0}
_executor = None
_executor_lock = threading.Lock()
_generation = 0  # bumped after fork: proxies made before belong to the parent


class ServiceUnavailable(Exception):
    """The service did not answer in time, or no instance of it is running."""

    def __init__(self, service, reason):
        super().__init__(f"the {service} service is unavailable: {reason}")
        self.service = service
        self.reason = reason


def configure(amqp_uri, timeout):
    _config["amqp_uri"] = amqp_uri
    _config["timeout"] = timeout


def reset_after_fork():
    global _executor, _generation
    _generation += 1
    _executor = None


def _proxy(timeout):
    cached = getattr(_local, "proxies", None)
    if cached is None or cached[0] != _generation:
        cached = (_generation, {})
        _local.proxies = cached
    proxies = cached[1]
    if timeout not in proxies:
        runner = ClusterRpcProxy({"AMQP_URI": _config["amqp_uri"]}, timeout=timeout)
        proxies[timeout] = (runner, runner.start())
    return proxies[timeout][1]


def _drop_proxy(timeout):
    proxies = getattr(_local, "proxies", (None, {}))[1]
    entry = proxies.pop(timeout, None)
    if entry is not None:
        try:
            entry[0].stop()
        except Exception:  # the connection is already broken; nothing to tidy
            pass


def call(service, method, *args, timeout=None, **kwargs):
    """Call ``service.method(*args, **kwargs)``; remote errors propagate as RemoteError."""
    timeout = timeout or _config["timeout"]
    try:
        proxy = _proxy(timeout)
        return getattr(getattr(proxy, service), method)(*args, **kwargs)
    except RpcTimeout:
        _drop_proxy(timeout)
        raise ServiceUnavailable(service, f"no answer within {timeout:g} s") from None
    except UnknownService:
        _drop_proxy(timeout)
        raise ServiceUnavailable(service, "no instance is running") from None
    except (OSError, ConnectionError) as exc:
        _drop_proxy(timeout)
        raise ServiceUnavailable(service, f"message bus error: {exc}") from None
    except Exception as exc:
        if type(exc).__name__ == "RemoteError":
            raise
        # anything else from the transport (amqp, kombu) leaves the proxy unusable
        _drop_proxy(timeout)
        if type(exc).__module__.split(".")[0] in ("amqp", "kombu"):
            raise ServiceUnavailable(service, f"message bus error: {exc}") from None
        raise


def _pool():
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=16, thread_name_prefix="fanout")
        return _executor


def fan_out(calls):
    """Run named calls in parallel: ``{"name": (service, method, args...)}``.

    Returns ``{"name": result}`` where a failed call's result is the exception it raised,
    so a view can show everything that answered and mark what did not.
    """
    futures = {name: _pool().submit(call, *spec) for name, spec in calls.items()}
    results = {}
    for name, future in futures.items():
        try:
            results[name] = future.result()
        except Exception as exc:
            results[name] = exc
    return results
