"""Administration → Webhooks in headless Chromium: the administrator registers an endpoint
(a plain http:// address elsewhere is refused on the form), sees its secret once, finds the
failed delivery in the log with the receiver's answer, and replays it until it is delivered."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]


@pytest.fixture
def receiver():
    """Answers 500 to everything until ``state["ok"]`` is set; counts requests."""
    state = {"ok": False, "requests": 0}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("content-length", 0)))
            state["requests"] += 1
            self.send_response(200 if state["ok"] else 500)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    state["url"] = f"http://127.0.0.1:{server.server_address[1]}/hook"
    yield state
    server.shutdown()
    server.server_close()


def test_registering_an_endpoint_and_replaying_from_the_log(page, admin, admin_credentials, receiver, unique,
                                                            eventually):
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/login")
    page.fill("#email", admin_credentials[0])
    page.fill("#password", admin_credentials[1])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    page.goto("/admin/webhooks")
    page.fill("#f-url", "http://erp.example.com/hook")
    page.fill("#f-event_types", "counterparty.created")
    page.get_by_role("button", name="Register endpoint").click()
    expect(page.locator(".has-error")).to_contain_text("https://")

    page.fill("#f-url", receiver["url"])
    page.fill("#f-event_types", "counterparty.created")
    page.fill("#f-description", f"ERP {unique}")
    page.get_by_role("button", name="Register endpoint").click()
    expect(page.locator("#new-secret")).to_be_visible()
    assert page.locator("#secret-value").input_value().startswith("whsec_")
    page.goto("/admin/webhooks")
    expect(page.locator("#secret-value")).to_have_count(0)  # shown once
    row = page.locator("#endpoints tr", has_text=receiver["url"])
    expect(row).to_contain_text("counterparty.created")

    name = f"Browser Hook {unique}"
    admin.post("/counterparties/", json={"name": name})
    eventually(lambda: receiver["requests"] >= 3, timeout=40)  # the first attempt and both retries
    row.get_by_role("link", name="Log").click()
    failed = page.locator("tr", has_text="counterparty.created").first
    expect(failed).to_contain_text("Given up", timeout=20_000)
    expect(failed).to_contain_text("HTTP 500")

    receiver["ok"] = True
    failed.get_by_role("button", name="Replay").click()
    expect(page.locator(".flash-success")).to_be_visible()
    eventually(lambda: receiver["requests"] >= 4, timeout=20)
    page.goto(page.url)
    expect(page.locator("tr", has_text="counterparty.created").first).to_contain_text("Delivered", timeout=20_000)
    page.locator("tr", has_text="counterparty.created").first.get_by_role("link").first.click()
    expect(page.locator("table")).to_contain_text("replay")
    expect(page.locator("pre")).to_contain_text(name)

    endpoint = next(e for e in admin.get("/webhooks/endpoints").json()["items"] if e["url"] == receiver["url"])
    admin.request("DELETE", f"/webhooks/endpoints/{endpoint['id']}")
