"""Fixtures shared by every test: real PostgreSQL, RabbitMQ, S3 server and the whole system.

No eventlet monkey-patching here: tests talk to services running as real processes
(the way they run in production), and logic is tested with a real database directly.
Everything a test run creates lives apart from a running development system and from
other test runs: its own databases, RabbitMQ vhost, S3 ports and data folder.
"""
import os
import uuid

import pytest

os.environ.setdefault("PSYCOPG_WAIT_FUNC", "wait_select")
# every RPC answer written by orjson is compared with kombu's (chancery_common.rpc): in this
# process and in every system the tests start, which inherit the environment
os.environ.setdefault("CHANCERY_CHECK_REPLIES", "1")

from chancery_common.migrations import drop_database, ensure_database, upgrade  # noqa: E402
from chancery_local import infra  # noqa: E402
from chancery_local.profile import DATABASES, REPO, Profile, replicas_from_environment  # noqa: E402

TEST_POSTGRES_URL = os.environ.get("CHANCERY_TEST_POSTGRES_URL",
                                   "postgresql://postgres@127.0.0.1:5432/postgres")
ADMIN_EMAIL = "admin@test.chancery"
ADMIN_PASSWORD = "test-admin-password-1"


# one way to take a port a server binds later: chancery_local.infra (below the ephemeral range)
free_port, free_s3_ports = infra.free_port, infra.free_s3_ports


# Several test runs may share a machine (and a developer's running system): each run
# names its own databases, vhost and bucket and takes free ports.
RUN_ID = uuid.uuid4().hex[:6]


@pytest.fixture(scope="session")
def test_data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("chancery")


@pytest.fixture(scope="session")
def postgres_server_url(test_data_dir):
    """The machine's PostgreSQL, or an embedded one when none is reachable."""
    from sqlalchemy import create_engine, text
    from chancery_common.database import normalise_url

    try:
        engine = create_engine(normalise_url(TEST_POSTGRES_URL), connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        yield TEST_POSTGRES_URL
    except Exception:
        embedded = infra.EmbeddedPostgres(Profile(data_dir=test_data_dir))
        yield embedded.start()
        embedded.stop()


class MailCollector:
    """An aiosmtpd handler keeping every message the system sends (``messages``: envelopes)."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"

    def to(self, address):
        """The messages sent to an address, parsed."""
        import email
        from email import policy
        return [email.message_from_bytes(m.content, policy=policy.default)
                for m in list(self.messages) if address in m.rcpt_tos]


@pytest.fixture(scope="session")
def mail_server():
    """A real SMTP server (aiosmtpd) the notifications service of the test system sends to."""
    from aiosmtpd.controller import Controller

    controller = Controller(MailCollector(), hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller
    controller.stop()


@pytest.fixture(scope="session")
def run_broker(test_data_dir):
    """The machine's RabbitMQ (127.0.0.1:5672; ``None``), or with CHANCERY_TEST_PRIVATE_BROKER=1 a
    node of this test run alone (``chancery_local.rabbitmq_node``; when the machine's broker is
    busy or wedged by others' runs): the ``RabbitMQNode``."""
    if not os.environ.get("CHANCERY_TEST_PRIVATE_BROKER"):
        yield None
        return
    from chancery_local.rabbitmq_node import RabbitMQNode

    node = RabbitMQNode(test_data_dir / "run-rabbitmq").start()
    yield node
    node.stop()


@pytest.fixture(scope="session")
def vhosts(run_broker):
    """``vhosts.make(profile)`` / ``vhosts.drop(profile)``: the profile's vhost on the run's broker."""
    class Vhosts:
        @staticmethod
        def make(profile):
            if run_broker is None:
                infra.ensure_vhost(profile)
            else:
                run_broker.ctl("add_vhost", profile.vhost)
                run_broker.ctl("set_permissions", "-p", profile.vhost, profile.amqp_user, ".*", ".*", ".*")

        @staticmethod
        def drop(profile):
            if run_broker is None:
                infra.delete_vhost(profile)
            else:
                try:
                    run_broker.ctl("delete_vhost", profile.vhost)
                except Exception:  # not there
                    pass
    return Vhosts


@pytest.fixture(scope="session")
def test_profile(test_data_dir, postgres_server_url, mail_server, run_broker):
    return Profile(
        data_dir=test_data_dir,
        amqp_host=run_broker.amqp_host if run_broker is not None else "127.0.0.1:5672",
        vhost=f"chancery_test_{RUN_ID}",
        postgres_url=postgres_server_url,
        database_prefix=f"chancery_test_{RUN_ID}_",
        s3_ports=free_s3_ports(),
        s3_bucket="chancery-test",
        gateway_port=free_port(),
        gateway_workers=2,
        # CHANCERY_REPLICAS=2 (as `make test` runs tests/e2e): two processes of every service and of the gateway
        replicas=replicas_from_environment(),
        secret_key="chancery-test-secret",
        max_upload_bytes=2 * 1024 * 1024,
        # short enough that tests of a stopped service do not wait long
        extra_env={"RPC_TIMEOUT": "3", "SERVICE_RPC_TIMEOUT": "1.5",
                   # a poison message is dead-lettered after 4 deliveries (1+2+4+8 s of retries)
                   "QUEUE_DELIVERY_LIMIT": "3",
                   # webhooks: test receivers listen on http://127.0.0.1; retries come quickly
                   "ALLOW_INSECURE_WEBHOOKS": "true", "WEBHOOK_RETRY_DELAYS": "1,2", "WEBHOOK_TIMEOUT": "5",
                   # the receivers' loopback address is private: the test system allows exactly it
                   # (any other loopback, link-local or private target stays refused)
                   "WEBHOOK_ALLOWED_NETWORKS": "127.0.0.1/32",
                   # the tests act as the one trusted proxy: X-Forwarded-For names the client
                   "TRUSTED_PROXIES": "1",
                   # notifications: e-mail to the test SMTP server; timers every second; no digests
                   # (a digest appears by the clock; its tests give the time)
                   "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(mail_server.port), "SMTP_TLS": "none",
                   "SMTP_FROM": "chancery@test.chancery", "NOTIFICATIONS_TICK_SECONDS": "1",
                   "DELIVERY_RETRY_SECONDS": "1", "DIGEST_ENABLED": "false",
                   # retry-safe writes: expired keys swept at once; a counterparty named with the
                   # marker is answered only after the gateway gave up waiting (a ghost write)
                   "IDEMPOTENCY_SWEEP_SECONDS": "1", "TEST_PAUSE_AFTER_COMMIT": "4.5:ghost-write-marker",
                   # tracing on, each process's spans in the run's folder, written within 0.2 s
                   "CHANCERY_TRACING": "file", "CHANCERY_TRACES_DIR": str(test_data_dir / "traces"),
                   "OTEL_BSP_SCHEDULE_DELAY": "200",
                   # the LDAP directory's scheduled sync is looked for every second
                   "LDAP_SYNC_TICK_SECONDS": "1",
                   # background jobs: a job whose worker was killed is taken up again after 5 s
                   "JOBS_LEASE_SECONDS": "5", "JOBS_EXPIRY_SWEEP_SECONDS": "1",
                   # a calendar feed is answered afresh a second after the last answer
                   "CALENDAR_FEED_CACHE_SECONDS": "1",
                   # texts: a file whose reading failed by chance is tried again after a second
                   "TEXTS_RETRY_SECONDS": "1"},
    )


@pytest.fixture(scope="session")
def s3_server(test_profile):
    """A SeaweedFS S3 server for the whole test run."""
    process = infra.start_seaweedfs(test_profile)
    yield test_profile
    process.terminate()
    process.wait(15)


@pytest.fixture(scope="session")
def rabbitmq(test_profile, run_broker, vhosts):
    """RabbitMQ with a fresh vhost for this test run."""
    if run_broker is None:
        infra.ensure_rabbitmq(Profile(data_dir=test_profile.data_dir))
    vhosts.drop(test_profile)
    vhosts.make(test_profile)
    yield test_profile.amqp_uri
    vhosts.drop(test_profile)


@pytest.fixture(scope="session")
def service_database(postgres_server_url):
    """A factory: a freshly migrated database of one service, for its integration tests."""
    from sqlalchemy.engine import make_url

    made = []

    def make(service, name=None):
        name = name or f"chancery_itest_{RUN_ID}_{service}"
        url = make_url(postgres_server_url).set(database=name).render_as_string(hide_password=False)
        drop_database(url)
        ensure_database(url)
        upgrade(REPO / "services" / service, url)
        made.append(url)
        return url

    yield make
    for url in made:
        drop_database(url)


def run_system(profile, postgres_server_url):
    """Start the whole system on ``profile`` under its supervisor, as `make run` does; yields it,
    then stops it and drops its databases."""
    from chancery_local.system import System
    from sqlalchemy.engine import make_url

    profile.start_s3 = False
    running = System(profile, log=lambda message: None).start()
    try:
        running.create_administrator(ADMIN_EMAIL, ADMIN_PASSWORD)
        running.supervise()
        yield running
    finally:
        running.stop()
        for name in DATABASES:
            drop_database(make_url(postgres_server_url).set(
                database=f"{profile.database_prefix}{name}").render_as_string(hide_password=False))


@pytest.fixture(scope="session")
def system(test_profile, s3_server, rabbitmq, postgres_server_url):
    """The whole system as real processes, as `make run` starts it, on test settings."""
    yield from run_system(test_profile, postgres_server_url)


@pytest.fixture(scope="session")
def private_rabbitmq(test_data_dir):
    """A RabbitMQ node of this test run alone (chancery_local.rabbitmq_node): tests may stop and
    start it (``stop_app``/``start_app``) without touching the machine's broker."""
    from chancery_local.rabbitmq_node import RabbitMQNode

    node = RabbitMQNode(test_data_dir / "rabbitmq").start()
    yield node
    node.stop()


@pytest.fixture(scope="module")
def system_on_private_broker(test_profile, s3_server, private_rabbitmq, postgres_server_url):
    """A second whole system, on ``private_rabbitmq``: its own databases, gateway port and logs;
    the test run's S3 server and mail server. Stopped after each module that uses it: two
    whole systems hold many of PostgreSQL's connections (100 by default)."""
    import dataclasses

    private_rabbitmq.reset()  # no queue or message of an earlier module's system
    run = uuid.uuid4().hex[:4]
    profile = dataclasses.replace(
        test_profile, data_dir=test_profile.data_dir / f"private-broker-{run}", amqp_host=private_rabbitmq.amqp_host,
        vhost="/", database_prefix=f"{test_profile.database_prefix}pb{run}_", gateway_port=free_port(),
        extra_env=dict(test_profile.extra_env))
    yield from run_system(profile, postgres_server_url)


@pytest.fixture(scope="session")
def admin_credentials(system):
    return ADMIN_EMAIL, ADMIN_PASSWORD


@pytest.fixture
def unique():
    """A short unique suffix for names that must not collide between tests: eight hexadecimal
    characters (some tests read it as a number), at most three of them digits: the directory
    search also finds a search's digits (four or more) inside phone numbers, so a name searched
    for by its suffix would find another test's counterparty whose phone holds them."""
    while True:
        suffix = uuid.uuid4().hex[:8]
        if sum(character.isdigit() for character in suffix) < 4:
            return suffix


@pytest.fixture(scope="module")
def ldap_server(tmp_path_factory):
    """Debian's slapd on a loopback port with StartTLS and the small directory of
    tests/ldap/directory.ldif (departments as OUs, people, groups); one per test module."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("chancery_tests_slapd", REPO / "tests" / "ldap" / "slapd.py")
    slapd = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(slapd)
    server = slapd.Slapd(tmp_path_factory.mktemp("slapd"))
    yield server
    server.stop()
