"""Fixtures for the webhooks service's tests: a migrated database per test module, a session
as the service's workers get, actors, and an HTTP receiver on 127.0.0.1."""
import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from chancery_common.actor import Actor
from chancery_common.database import make_engine, make_session_factory
from webhooks import logic, targets


@pytest.fixture(scope="module")
def engine(service_database):
    url = service_database("webhooks", name=f"chancery_itest_webhooks_{uuid.uuid4().hex[:8]}")
    engine = make_engine(url, pool_size=2)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    session = make_session_factory(engine)()
    yield session
    session.close()


@pytest.fixture
def admin():
    return Actor(id=uuid.uuid4(), roles=["administrator"], permissions=["view_audit"])


@pytest.fixture
def settings():
    # the receivers listen on 127.0.0.1: this network is allowed explicitly, no other
    return logic.Settings(retry_delays=(1, 2), timeout=3, allow_insecure=True,
                          allowed_networks=targets.parse_networks("127.0.0.1/32"))


class Receiver:
    """A real HTTP server: records each request; ``answers`` is the queue of status codes
    to answer with (200 once it is empty)."""

    def __init__(self):
        self.requests = []
        self.answers = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                receiver.requests.append({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()},
                                          "body": body})
                status = receiver.answers.pop(0) if receiver.answers else 200
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps({"status": status}).encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/chancery"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    made = Receiver()
    yield made
    made.close()
