"""Two gateway processes answer one signed-in employee alike: a change to the employee's own
settings saved through one process shows at once through the other, although each process
keeps identities in its own cache for a few seconds (the session cookie's generation is part
of the cache key; gateway/chancery_gateway/auth.py)."""
import re

import pytest
import requests


def test_own_settings_saved_on_one_gateway_process_show_on_the_other(system, admin, unique):
    urls = list(system.gateway_urls.values())
    if len(urls) < 2:
        pytest.skip("one gateway process (make test runs tests/e2e with CHANCERY_REPLICAS=2)")
    first, second = urls[:2]
    email, password = f"two.gateways.{unique}@test.chancery", f"password-{unique}"
    assert admin.post("/employees/", json={"full_name": "Gala Gateways", "email": email, "password": password,
                                           "roles": ["manager"]}).status_code == 201
    browser = requests.Session()
    signed_in = browser.post(f"{first}/api/v1/auth/login", json={"email": email, "password": password})
    assert signed_in.status_code == 200, signed_in.text
    csrf = signed_in.json()["csrf_token"]
    selected = re.compile(r'<option value="([^"]+)" selected>')

    before = browser.get(f"{second}/account")  # the second process now holds the identity in its cache
    assert before.status_code == 200 and "Asia/Vladivostok" not in selected.findall(before.text)

    saved = browser.post(f"{first}/account/settings", allow_redirects=False, data={
        "csrf_token": csrf, "locale": "en", "time_zone": "Asia/Vladivostok"})
    assert saved.status_code == 302, saved.text

    after = browser.get(f"{second}/account")
    assert after.status_code == 200
    assert "Asia/Vladivostok" in selected.findall(after.text)
