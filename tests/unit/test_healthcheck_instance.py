"""``python -m chancery_common.healthcheck --http /readyz``: the container healthcheck asks
this instance's own HTTP port, and says what it answered when it is not ready."""
import subprocess
import sys

import pytest

# A stand-in instance in a process of its own (the test process may be under eventlet's
# monkey patching): /livez answers 200, /readyz 200 or 503 as the argument says.
INSTANCE = """
import http.server, json, sys
ready = sys.argv[1] == "ready"
class Answers(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        ok = self.path == "/livez" or (self.path == "/readyz" and ready)
        body = json.dumps({"status": "ready" if ok else "not ready",
                           "checks": {"db": "ok" if ok else "failed: refused"}}).encode()
        self.send_response(200 if ok else 503)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Answers)
print(server.server_address[1], flush=True)
server.serve_forever()
"""


def start(mode):
    process = subprocess.Popen([sys.executable, "-c", INSTANCE, mode], stdout=subprocess.PIPE, text=True)
    return process, int(process.stdout.readline())


@pytest.fixture
def instance():
    process, port = start("ready")
    yield port
    process.kill()
    process.wait()


@pytest.fixture
def unready_instance():
    process, port = start("unready")
    yield port
    process.kill()
    process.wait()


def check(*args, port):
    return subprocess.run([sys.executable, "-m", "chancery_common.healthcheck", *args], capture_output=True,
                          text=True, timeout=60, env={"CHANCERY_HTTP_PORT": str(port), "PATH": "/usr/bin:/bin"})


def test_ready_instance_passes(instance):
    assert check("--http", "/readyz", port=instance).returncode == 0
    assert check("--http", "/livez", port=instance).returncode == 0


def test_not_ready_instance_fails_naming_what_it_said(unready_instance):
    done = check("--http", "/readyz", port=unready_instance)
    assert done.returncode == 1
    assert "HTTP 503" in done.stderr and "failed: refused" in done.stderr
    assert check("--http", "/livez", port=unready_instance).returncode == 0


def test_an_instance_that_does_not_answer_fails(instance):
    done = check("--http", "/readyz", port=instance + 1 if instance < 65535 else instance - 1)
    assert done.returncode == 1 and "/readyz on port" in done.stderr


def test_without_a_health_port_it_says_so():
    done = check("--http", "/readyz", port=0)
    assert done.returncode == 1 and "CHANCERY_HTTP_PORT is '0'" in done.stderr


def test_service_and_http_are_one_or_the_other():
    both = subprocess.run([sys.executable, "-m", "chancery_common.healthcheck", "staff", "--http", "/readyz"],
                          capture_output=True, text=True, timeout=60)
    assert both.returncode == 2 and "either SERVICE or --http" in both.stderr
