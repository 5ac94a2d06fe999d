"""Signing in through the sign-in page, as a person does: the browser tests' one way to do it
(a test that checks the sign-in page itself, or a page whose header differs, does it its own way)."""
from playwright.sync_api import expect


def sign_in(page, email, password):
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
