"""Headless Chromium for the browser tests: one browser per session, a fresh context per test.

Playwright's sync API runs its own event loop; nothing here may monkey-patch with eventlet
(the system under test runs as separate processes, so there is no need to).
"""
import pytest
from playwright.sync_api import expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    expect.set_options(timeout=10_000)  # some of what pages show follows events
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, base_url):
    """A page in its own context (no cookies shared between tests), in English, Moscow time."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1400, "height": 900},
                                  locale="en-GB", timezone_id="Europe/Moscow")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()
