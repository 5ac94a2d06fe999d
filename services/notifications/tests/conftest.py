"""Fixtures for the notifications service's tests: a migrated database per test module,
a session as the service's workers get, and factories of actors and notifications."""
import uuid

import pytest
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.database import make_engine, make_session_factory
from notifications import logic, models


@pytest.fixture(scope="module")
def engine(service_database):
    url = service_database("notifications", name=f"chancery_itest_notifications_{uuid.uuid4().hex[:8]}")
    engine = make_engine(url, pool_size=2)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    session = make_session_factory(engine)()
    yield session
    session.close()


@pytest.fixture
def make_actor():
    def make(*roles):
        return Actor(id=uuid.uuid4(), roles=list(roles or ["employee"]))
    return make


@pytest.fixture
def notify(session):
    """``notify(recipient, **fields)``: one notification as an event handler puts it; its id or None."""
    def put(recipient, **fields):
        recipient_id = getattr(recipient, "id", recipient)
        values = {"kind": "approval.task_assigned", "title": "Approval requested",
                  "source_event_id": uuid.uuid4(), **fields}
        with session.begin():
            return logic.notify(session, recipient_id=recipient_id, **values)
    return put


@pytest.fixture
def sent_events(session):
    """The payloads of ``notification.sent`` events about one notification."""
    def payloads(notification_id):
        table = models.outbox.table
        with session.begin():
            return session.scalars(select(table.c.payload).where(
                table.c.event_type == "notification.sent",
                table.c.payload["notification_id"].astext == str(notification_id))).all()
    return payloads


class SmtpCollector:
    """An aiosmtpd handler keeping every message it accepts; ``refuse`` makes it answer 451."""

    def __init__(self):
        self.messages = []
        self.refuse = False

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "451 4.3.0 try again later"
        self.messages.append(envelope)
        return "250 OK"


class SmtpServer:
    """A real SMTP server (aiosmtpd) on a free local port, which a test may stop and start again."""

    def __init__(self):
        from chancery_local.infra import free_port

        self.port = free_port()  # kept free while the server is stopped
        self.handler = SmtpCollector()
        self.controller = None

    def start(self):
        from aiosmtpd.controller import Controller

        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp_server():
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def smtp_settings(smtp_server):
    """Delivery settings pointing at the test SMTP server, for the test's duration."""
    settings = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": smtp_server.port, "SMTP_TLS": "none",
                "SMTP_FROM": "chancery@test.chancery", "PUBLIC_URL": "http://chancery.test",
                "DELIVERY_RETRY_SECONDS": 10, "SMTP_TIMEOUT": 5}
    logic.configure(settings)
    yield logic.SETTINGS
    logic.configure({})
