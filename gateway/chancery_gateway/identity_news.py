"""The staff service's news of the identity version, heard by each gateway worker process.

chancery_common.identities tells the whole scheme. This worker's listener is a thread with a
connection and a queue of its own (exclusive, deleted with it) bound to the news exchange,
started on the first use in the process (after gunicorn's fork). It keeps the highest
version heard and when it last heard one; the identity cache (auth.py) keeps an identity
for a minute only while ``fresh()`` and the identity's version is not older than
``heard_version``. Heartbeats expire on their way (``identities.EXPIRES_SECONDS``). A lost
connection is made again after ``RECONNECT_SECONDS``; meanwhile the news goes stale and the
cache keeps identities for seconds only.
"""
import logging
import os
import threading
import time

from kombu import Connection, Consumer, Queue

from chancery_common import identities

from . import rpc

log = logging.getLogger(__name__)

RECONNECT_SECONDS = 1.0


class Listener:
    def __init__(self, amqp_uri):
        self.amqp_uri = amqp_uri
        self.heard_version, self.heard_at = None, float("-inf")
        self.failing = False  # said once until listening again
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="identity-news", daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.stopping.set()

    def fresh(self):
        return time.monotonic() - self.heard_at < identities.FRESH_SECONDS

    def _heard(self, body, message):
        version = identities.version_of(body)
        if version is not None:
            self.heard_version = version if self.heard_version is None else max(self.heard_version, version)
            self.heard_at = time.monotonic()

    def _run(self):
        while not self.stopping.is_set():
            try:
                with Connection(self.amqp_uri, connect_timeout=3, heartbeat=0) as connection:
                    connection.ensure_connection(max_retries=0)
                    queue = Queue(exchange=identities.EXCHANGE, exclusive=True, auto_delete=True)
                    with Consumer(connection.channel(), [queue], callbacks=[self._heard], no_ack=True,
                                  accept=["json"]):
                        self.failing = False
                        while not self.stopping.is_set():
                            try:
                                connection.drain_events(timeout=1)
                            except TimeoutError:
                                pass
            except Exception as exc:  # the bus is away: the news goes stale until it is back
                (log.debug if self.failing else log.warning)("identity news not heard (listening again): %s", exc)
                self.failing = True
            self.stopping.wait(RECONNECT_SECONDS)


_listener = None
_pid = None
_lock = threading.Lock()


def listener():
    """This process's listener, started on first use (None when the gateway has no bus configured)."""
    global _listener, _pid
    if _pid == os.getpid():
        return _listener
    with _lock:
        if _pid != os.getpid():
            amqp_uri = rpc.amqp_uri()
            _listener = Listener(amqp_uri).start() if amqp_uri else None
            _pid = os.getpid()
    return _listener


def fresh_version():
    """The newest identity version heard while the news is fresh, else None (keep for seconds only)."""
    current = listener()
    if current is None or not current.fresh():
        return None
    return current.heard_version
