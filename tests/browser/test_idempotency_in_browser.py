"""A form sent twice makes one record: every page's POST form carries a key of its own
(added by the page's script, no inline script), and the gateway answers the second
submission with the first one's result."""
import time

import pytest
from playwright.sync_api import expect

from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.system]

GHOST_MARKER = "ghost-write-marker"  # the test profile's services pause after committing such a name, before replying


def named(api, name):
    found = api.get("/counterparties/", params={"search": name, "limit": 50}).json()["items"]
    return [c for c in found if c["name"] == name]


def test_a_double_click_on_a_slow_save_creates_one_counterparty(page, admin, employee, unique, eventually):
    """The second click's request reaches the gateway while the first is still being saved
    (the test profile's counterparties service holds this name's commit for longer than the
    gateway waits, so the first even ends in a 503): the second waits for the first and is
    answered with the counterparty the first made."""
    me, _api = employee("Dana Doubleclick", roles=("manager",))
    sign_in(page, me["email"], f"password-{unique}-x")
    name = f"Doubleclick {GHOST_MARKER} {unique}"

    page.goto("/counterparties/new")
    key = page.locator("#counterparty-form input[name=idempotency_key]")
    expect(key).to_have_count(1)
    assert len(key.input_value()) == 32
    page.fill("#f-name", name)
    # the first click's request, still being saved when the second click comes (a browser
    # drops the first navigation for the second, so the person sees the second's answer)
    page.evaluate("""() => {
        const form = document.querySelector('#counterparty-form');
        fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)), redirect: 'manual'});
    }""")
    page.wait_for_timeout(500)
    page.get_by_role("button", name="Save counterparty").click()

    expect(page.locator("h1")).to_have_text(name, timeout=30_000)
    made = eventually(lambda: named(admin, name), timeout=20)
    time.sleep(1)  # a second save, had there been one, would be committed by now
    assert [c["id"] for c in named(admin, name)] == [made[0]["id"]]
    assert page.url.endswith(f"/counterparties/{made[0]['id']}")


def test_a_form_sent_again_is_answered_with_the_first_result(page, admin, employee, unique):
    """The same rendered form submitted twice (a retried submit, a double click the browser
    let through): the second is answered with the first's redirect and makes nothing."""
    me, _api = employee("Rita Resend", roles=("manager",))
    sign_in(page, me["email"], f"password-{unique}-x")
    name = f"Resent LLC {unique}"
    page.goto("/counterparties/new")
    page.fill("#f-name", name)
    form = page.locator("#counterparty-form").evaluate(
        "form => Object.fromEntries(new FormData(form).entries())")
    assert form["idempotency_key"]

    first = page.request.post("/counterparties/new", form=form, max_redirects=0)
    second = page.request.post("/counterparties/new", form=form, max_redirects=0)

    assert first.status == 302 or first.status == 303, first.text()
    assert (second.status, second.headers["location"]) == (first.status, first.headers["location"])
    assert second.headers.get("idempotent-replayed") == "true"
    assert len(named(admin, name)) == 1
    # a newly rendered form has a new key: the same values saved from it are a new request
    page.goto("/counterparties/new")
    assert page.locator("#counterparty-form input[name=idempotency_key]").input_value() != form["idempotency_key"]
