"""Clients for tests that go through the gateway's HTTP API of the running test system."""
import time

import pytest
import requests


class Client:
    """A signed-in API client: prefixes /api/v1 and sends the session's CSRF token."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.http = requests.Session()
        self.csrf = None
        self.employee = None

    def login(self, email, password):
        response = self.http.post(f"{self.base_url}/api/v1/auth/login",
                                  json={"email": email, "password": password}, timeout=30)
        assert response.status_code == 200, response.text
        self.csrf = response.json()["csrf_token"]
        self.employee = response.json()["employee"]
        return self

    def request(self, method, path, **kwargs):
        headers = kwargs.pop("headers", {})
        if self.csrf and method.upper() not in ("GET", "HEAD"):
            headers.setdefault("X-CSRF-Token", self.csrf)
        kwargs.setdefault("timeout", 30)
        return self.http.request(method, f"{self.base_url}/api/v1{path}", headers=headers, **kwargs)

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self.request("POST", path, **kwargs)

    def patch(self, path, **kwargs):
        return self.request("PATCH", path, **kwargs)

    def run_job(self, path, timeout=60, **kwargs):
        """POST to an address that starts a background job (202), wait until the job has
        finished; (the job, the response with its file, or None when it has none)."""
        return self.run_job_of(self.post(path, **kwargs), timeout=timeout)

    def run_job_of(self, started, timeout=60):
        """Wait until the job a request started (its 202 answer) has finished; as ``run_job``."""
        assert started.status_code == 202, started.text
        address = started.headers["Location"]
        assert address == f"/api/v1/jobs/{started.json()['id']}"

        def finished():
            job = self.get(address[len("/api/v1"):]).json()
            return job if job["state"] in ("done", "failed", "cancelled") else None
        job = wait_until(finished, timeout=timeout, interval=0.2)
        return job, (self.get(job["result_url"][len("/api/v1"):]) if job["result_url"] else None)


    def run_import(self, path, name, content, **fields):
        """POST a file to an import (``path``: /counterparties/import, /employees/import), wait for
        its job and answer as a synchronous import would: 200 and the report, or 422 naming the
        rows in error (and a missing column under ``file``); a file refused at once, as answered."""
        started = self.post(path, files={"file": (name, content)},
                            data={key: str(value).lower() for key, value in fields.items()})
        if started.status_code != 202:
            return started
        job, _ = self.run_job_of(started)
        if job["state"] == "failed":
            errors = {**job["report"].get("errors", {}), "rows": job["report"]["row_errors"]}
            return ImportAnswer(422, {"errors": {"json": errors}, "message": job["error"]})
        assert job["state"] == "done", job
        return ImportAnswer(200, job["report"])


class ImportAnswer:
    """An import job's outcome in the shape of an HTTP answer (``Client.run_import``)."""

    def __init__(self, status_code, body):
        self.status_code, self.body, self.text = status_code, body, str(body)

    def json(self):
        return self.body


def wait_until(probe, timeout=15.0, interval=0.1):
    """Poll ``probe`` until it returns something truthy (events are asynchronous)."""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s; last result: {result!r}")
        time.sleep(interval)


@pytest.fixture(scope="session")
def eventually():
    """``eventually(probe)``: poll until the probe returns something truthy."""
    return wait_until


@pytest.fixture(scope="session")
def base_url(system):
    return system.profile.gateway_url


@pytest.fixture(scope="session")
def admin(base_url, admin_credentials):
    return Client(base_url).login(*admin_credentials)


@pytest.fixture(scope="session")
def client(base_url):
    """A factory of signed-in clients: ``client(email, password)``; anonymous without arguments."""
    def make(email=None, password=None):
        made = Client(base_url)
        return made.login(email, password) if email else made
    return make


@pytest.fixture(scope="session")
def client_at():
    """``client_at(base_url, email, password)``: a client signed in to another running system
    (``system_on_private_broker``, say)."""
    return lambda base_url, email, password: Client(base_url).login(email, password)


@pytest.fixture
def employee(admin, client, unique):
    """A factory of new employees, each returned with a signed-in client."""
    def make(full_name="Test Employee", roles=("employee",)):
        password = f"password-{unique}-x"
        email = f"{full_name.split()[0].lower()}.{unique}.{time.monotonic_ns()}@test.chancery"
        response = admin.post("/employees/", json={
            "full_name": full_name, "email": email, "password": password, "roles": list(roles)})
        assert response.status_code == 201, response.text
        return response.json(), client(email, password)
    return make


def _pdf_with_text(text):
    """A one-page PDF whose content stream shows ``text`` (ASCII) in Helvetica: real text a
    PDF reader (and the documents service's text extraction) finds."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture(scope="session")
def text_pdf():
    """``text_pdf("phrase")``: the bytes of a PDF holding that phrase as text."""
    return _pdf_with_text
