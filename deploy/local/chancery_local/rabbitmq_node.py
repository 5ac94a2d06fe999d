"""A private RabbitMQ node: its own name, ports, data, logs and Erlang cookie.

Fault tests stop and start a broker under a running system; they must never touch the
machine's shared broker (127.0.0.1:5672), which other test runs and a developer's system
use. A ``RabbitMQNode`` runs ``rabbitmq-server`` in the foreground as a child process with
everything of its own: node name, AMQP port, distribution port, Mnesia and log folders, an
empty plugin list (no management listener to collide with) and a HOME holding its own
Erlang cookie, which its ``rabbitmqctl -n`` calls share. ``stop_app``/``start_app`` then
stop and restart the broker inside that node only; ``restart`` stops the whole node
gracefully (SIGTERM, as ``systemctl restart rabbitmq-server`` does) and starts it again on
the same ports and data, its durable queues and persistent messages kept::

    node = RabbitMQNode(tmp_path / "rabbitmq").start()
    node.amqp_uri          # pyamqp://guest:guest@127.0.0.1:<port>/
    node.stop_app(); node.start_app()
    node.restart()         # the whole node: the Erlang VM ends and starts again
    node.reset()           # a blank broker again, for the next system
    node.stop()
"""
import os
import shutil
import signal
import subprocess
import time
import uuid
from pathlib import Path

from .infra import free_port

SERVER = "/usr/lib/rabbitmq/bin/rabbitmq-server"  # the packaged script without the switch to user rabbitmq
CTL = "/usr/lib/rabbitmq/bin/rabbitmqctl"


class RabbitMQNodeError(RuntimeError):
    pass


def installed():
    """Whether rabbitmq-server is on this machine (tests that need a node skip without it)."""
    return Path(SERVER).exists() or shutil.which("rabbitmq-server") is not None


def _executable(preferred, name):
    if Path(preferred).exists():
        return preferred
    found = shutil.which(name)
    if found is None:
        raise RabbitMQNodeError(f"{name} is not installed (Debian/Ubuntu: apt-get install rabbitmq-server)")
    return found


class RabbitMQNode:
    def __init__(self, base_dir, name=None):
        self.base = Path(base_dir)
        self.name = name or f"chancery_{uuid.uuid4().hex[:8]}@localhost"
        self.port = free_port()
        self.dist_port = free_port()
        self.process = None
        self._log = None

    @property
    def running(self):
        """Whether the node's process runs (its broker may still be stopped: ``stop_app``)."""
        return self.process is not None and self.process.poll() is None

    @property
    def amqp_host(self):
        return f"127.0.0.1:{self.port}"

    @property
    def amqp_uri(self):
        return f"pyamqp://guest:guest@{self.amqp_host}/"

    def env(self):
        return {
            **{k: v for k, v in os.environ.items() if not k.startswith("RABBITMQ_")},
            "HOME": str(self.base),  # the Erlang cookie is made and read here
            "RABBITMQ_CONF_ENV_FILE": str(self.base / "rabbitmq-env.conf"),  # not /etc/rabbitmq's
            "RABBITMQ_CONFIG_FILE": str(self.base / "rabbitmq.conf"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(self.base / "enabled_plugins"),
            "RABBITMQ_NODENAME": self.name,
            "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1",
            "RABBITMQ_NODE_PORT": str(self.port),
            "RABBITMQ_DIST_PORT": str(self.dist_port),
            "RABBITMQ_MNESIA_BASE": str(self.base / "mnesia"),
            "RABBITMQ_LOG_BASE": str(self.base / "log"),
            "ERL_EPMD_ADDRESS": "127.0.0.1",
        }

    def start(self, timeout=120):
        self.base.mkdir(parents=True, exist_ok=True)
        (self.base / "rabbitmq-env.conf").write_text("")
        (self.base / "rabbitmq.conf").write_text(f"listeners.tcp.local = 127.0.0.1:{self.port}\n"
                                                 "loopback_users = none\n")
        (self.base / "enabled_plugins").write_text("[].\n")
        self._log = open(self.base / "server.log", "ab")
        self.process = subprocess.Popen([_executable(SERVER, "rabbitmq-server")], env=self.env(),
                                        stdout=self._log, stderr=subprocess.STDOUT, cwd=self.base,
                                        start_new_session=True)
        self.wait_until_serving(timeout)
        return self

    def wait_until_serving(self, timeout=120):
        """Until the AMQP port accepts logins (the port opens a moment before)."""
        from kombu import Connection

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RabbitMQNodeError(f"RabbitMQ node {self.name} exited with code "
                                        f"{self.process.returncode}; see {self.base / 'server.log'}")
            try:
                with Connection(self.amqp_uri, connect_timeout=1) as connection:
                    connection.ensure_connection(max_retries=1)
                return
            except Exception:
                time.sleep(0.3)
        raise RabbitMQNodeError(f"RabbitMQ node {self.name} did not accept logins within {timeout} s")

    def ctl(self, *args, timeout=120):
        done = subprocess.run([_executable(CTL, "rabbitmqctl"), "-n", self.name, *args], env=self.env(),
                              capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise RabbitMQNodeError(f"rabbitmqctl {' '.join(args)}: {done.stderr.strip() or done.stdout.strip()}")
        return done.stdout

    def stop_app(self):
        """Stop the broker inside the node: every connection is closed, the port refuses."""
        self.ctl("stop_app")

    def start_app(self, timeout=120):
        self.ctl("start_app")
        self.wait_until_serving(timeout)

    def reset(self, timeout=120):
        """Back to a blank broker: no queues, exchanges or messages; user guest and vhost "/" again."""
        self.ctl("stop_app")
        self.ctl("reset")
        self.start_app(timeout)

    def restart(self, timeout=120):
        """A graceful stop of the whole node and a start again, as an operator's restart."""
        self.stop()
        self.start(timeout)

    def stop(self, timeout=60):
        """A graceful stop (SIGTERM to the node's process group); SIGKILL after ``timeout``."""
        if self.running:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None
