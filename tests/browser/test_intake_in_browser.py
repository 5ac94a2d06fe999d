"""Incoming correspondence end to end, through the whole running system: a scanned Russian
letter dropped into a watched folder and an e-mail with a PDF attachment in a real IMAP
mailbox (Debian's dovecot over TLS, started here) each become a draft in the review queue
with the counterparty recognised (by the tax id the OCR read, by the sender's e-mail); the
secretary's page shows the preview beside the prefilled card, registers each in one action,
and each registered document is found by a word of its text; a manager is refused the queue."""
import email.message
import imaplib
import importlib.util
import os
import random
import re
import shutil
import ssl
import tempfile

import pytest
from playwright.sync_api import expect

from tests.browser.signing_in import sign_in

from bench import scans
from chancery_local.profile import REPO

pytestmark = [pytest.mark.browser, pytest.mark.system]

OCR_WAIT = 300  # seconds: the scan is read as a draft (the document's copy of it takes that reading)


def tax_id_of(seed):
    """A valid 10-digit INN of this run alone (its check digit right): the suggestion picks the
    counterparty with the INN read from the scan, and the machine's test databases may keep
    counterparties of earlier runs."""
    rng = random.Random(seed)
    digits = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(8)]
    check = sum(w * d for w, d in zip((2, 4, 10, 3, 5, 9, 4, 6, 8), digits, strict=True)) % 11 % 10
    return "".join(map(str, digits)) + str(check)

spec = importlib.util.spec_from_file_location("intake_dovecot", REPO / "tests" / "intake" / "dovecot.py")
dovecot = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dovecot)


@pytest.fixture
def imap_server():
    root = tempfile.mkdtemp(prefix="chancery-dovecot-")  # dovecot's own users read its files
    server = dovecot.Dovecot(root)
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def scanner_folder():
    root = tempfile.mkdtemp(prefix="chancery-scanner-")
    os.chmod(root, 0o777)
    yield root
    shutil.rmtree(root, ignore_errors=True)


def screenshots(page, name):
    """With CHANCERY_SCREENSHOTS=<folder>: the page at 390 and 1440 px wide in English and Russian,
    for reviewers (docs/ui.md); the page is left as it was."""
    folder = os.environ.get("CHANCERY_SCREENSHOTS")
    if not folder:
        return
    os.makedirs(folder, exist_ok=True)
    url = page.url
    for language in ("en", "ru"):
        page.context.add_cookies([{"name": "chancery_lang", "value": language, "url": url}])
        for width, height in ((390, 844), (1440, 900)):
            page.set_viewport_size({"width": width, "height": height})
            page.goto(url)
            page.wait_for_load_state("networkidle")  # the PDF drawn
            page.screenshot(path=os.path.join(folder, f"intake-{name}-{width}-{language}.png"), full_page=True)
    page.context.add_cookies([{"name": "chancery_lang", "value": "en", "url": url}])
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(url)


def send_mail(server, pdf, sender):
    message = email.message.EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, server.user, "Акт сверки"
    message.set_content("Добрый день! Направляем акт сверки.\nИсх. № 77/12 от 03.12.2026\n")
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename="act.pdf")
    connection = imaplib.IMAP4_SSL("127.0.0.1", server.port,
                                   ssl_context=ssl.create_default_context(cafile=str(server.cert)))
    connection.login(server.user, server.password)
    assert connection.append("INBOX", None, None, message.as_bytes())[0] == "OK"
    connection.logout()


def test_folder_scan_and_mail_become_drafts_registered_from_the_queue(
        page, admin, admin_credentials, unique, eventually, imap_server, scanner_folder, text_pdf, employee):
    types = {t["code"]: t for t in admin.get("/document-types/").json()["items"]}
    letter = types["letter_incoming"]
    tax_id = tax_id_of(unique)
    by_tax_id = admin.post("/counterparties/", json={"name": f"ООО Ромашка {unique}", "tax_id": tax_id})
    assert by_tax_id.status_code == 201, by_tax_id.text
    sender = f"office.{unique}@vasilek.test"
    by_email = admin.post("/counterparties/", json={"name": f"АО Василёк {unique}", "email": sender})
    assert by_email.status_code == 201, by_email.text

    folder = admin.post("/intake/sources/", json={
        "name": f"Scanner {unique}", "kind": "folder", "settings": {"path": scanner_folder, "settle_seconds": 1},
        "document_type_id": letter["id"]})
    assert folder.status_code == 201, folder.text
    mailbox = admin.post("/intake/sources/", json={
        "name": f"Mail {unique}", "kind": "imap", "settings": imap_server.settings(),
        "password": imap_server.password, "document_type_id": letter["id"]})
    assert mailbox.status_code == 201, mailbox.text
    assert "password" not in mailbox.json() and mailbox.json()["has_password"]

    word = "щебень"
    scan = scans.save([scans.page([f"ООО «Ромашка» ИНН {tax_id}", "Исх. № 123/45 от 01.12.2026",
                                   "Просим поставить щебень и песок на объект.", f"Код {unique}"],
                                  seed=7)], "pdf")
    with open(os.path.join(scanner_folder, "scan-001.pdf"), "wb") as out:
        out.write(scan)
    send_mail(imap_server, text_pdf(f"Reconciliation act {unique}"), f"Vasilek <{sender}>")

    def drafts():
        items = admin.get("/intake/items", params={"status": "new", "limit": 200}).json()["items"]
        return {item["source_id"]: item for item in items
                if item["source_id"] in (folder.json()["id"], mailbox.json()["id"])}

    mail_item = eventually(lambda: drafts().get(mailbox.json()["id"]), timeout=60, interval=1)
    assert mail_item["suggestions"]["counterparty_id"] == by_email.json()["id"]
    assert mail_item["suggestions"]["matched_by"] == "email"
    assert mail_item["suggestions"]["sender_number"] == "77/12"
    assert [f["filename"] for f in mail_item["files"]] == ["act.pdf"]

    def scan_recognised():
        item = drafts().get(folder.json()["id"])
        return item if item and item["suggestions"].get("counterparty_id") else None

    scan_item = eventually(scan_recognised, timeout=OCR_WAIT, interval=2)
    assert scan_item["suggestions"]["counterparty_id"] == by_tax_id.json()["id"]
    assert scan_item["suggestions"]["matched_by"] == "tax_id"
    assert scan_item["suggestions"]["document_date"] == "2026-12-01"
    read = admin.get(f"/intake/items/{scan_item['id']}").json()
    assert read["suggestions"]["sender_number"] == "123/45", read["text"]
    assert "щебень" in read["text"] and read["files"][0]["has_thumbnail"]
    assert os.listdir(os.path.join(scanner_folder, "processed")) == ["scan-001.pdf"]

    sign_in(page, *admin_credentials)

    page.goto("/intake")
    screenshots(page, "queue")
    page.locator("#intake-items a", has_text="scan-001").first.click()
    screenshots(page, "item")
    # the preview beside the card: the scan drawn by pdf.js from this origin
    expect(page.locator("#viewer #pdf-page-1")).to_have_attribute("data-drawn", "")
    expect(page.locator("#f-counterparty_id")).to_have_value(by_tax_id.json()["id"])
    expect(page.locator("#f-sender_number")).to_have_value("123/45")
    expect(page.locator("#f-document_date")).to_have_value("2026-12-01")
    expect(page.locator("#f-document_type_id")).to_have_value(letter["id"])
    page.fill("#f-title", f"Письмо о поставке {unique}")
    page.locator("#intake-register-button").click()
    expect(page).to_have_url(re.compile(r"/documents/[0-9a-f-]{36}$"))  # the registered card
    registered = admin.get(f"/intake/items/{scan_item['id']}").json()
    assert registered["status"] == "registered" and registered["document_number"]
    expect(page.locator("h1")).to_contain_text(registered["document_number"])
    expect(page.locator("body")).to_contain_text(f"Письмо о поставке {unique}")
    document = admin.get(f"/documents/{registered['document_id']}").json()
    assert document["counterparty_id"] == by_tax_id.json()["id"]
    assert document["document_date"] == "2026-12-01" and "№ 123/45" in document["title"]
    assert [v["filename"] for f in document["files"] for v in f["versions"]] == ["scan-001.pdf"]

    # found by a word of its text once the texts service has read the document's file
    eventually(lambda: registered["document_id"] in [
        d["id"] for d in admin.get("/documents/", params={"search": f"{word} {unique}"}).json()["items"]],
        timeout=OCR_WAIT, interval=2)
    page.goto("/admin/intake")
    screenshots(page, "sources")
    page.goto(f"/documents?search={word}")
    expect(page.locator("body")).to_contain_text(f"Письмо о поставке {unique}")

    # the e-mail's draft: recognised by the sender's address, registered the same way and found
    # by a word of its attachment
    page.goto("/intake")
    page.locator("#intake-items a", has_text="Акт сверки").first.click()
    expect(page.locator("#f-counterparty_id")).to_have_value(by_email.json()["id"])
    expect(page.locator("#f-sender_number")).to_have_value("77/12")
    page.locator("#intake-register-button").click()
    expect(page).to_have_url(re.compile(r"/documents/[0-9a-f-]{36}$"))
    mail_document = admin.get(f"/intake/items/{mail_item['id']}").json()["document_id"]
    eventually(lambda: mail_document in [d["id"] for d in admin.get(
        "/documents/", params={"search": f"Reconciliation {unique}"}).json()["items"]], timeout=60, interval=1)
    waiting = admin.get("/intake/items", params={"status": "new", "limit": 200}).json()["items"]
    assert not {mail_item["id"], scan_item["id"]} & {i["id"] for i in waiting}

    # a stray file is discarded from its page, with why; the source is paused and resumed
    with open(os.path.join(scanner_folder, "stray.pdf"), "wb") as out:
        out.write(text_pdf(f"Advertising {unique}"))
    stray = eventually(lambda: next((i for i in admin.get("/intake/items", params={"status": "new", "limit": 200})
                                     .json()["items"] if i["subject"] == "stray"
                                     and i["source_id"] == folder.json()["id"]), None), timeout=60, interval=1)
    page.goto(f"/intake/{stray['id']}")
    page.locator("#intake-discard button").click()
    expect(page.locator("#intake-discard .has-error")).to_be_visible()  # a reason is asked for
    page.fill("#intake-discard #f-reason", "advertising")
    page.locator("#intake-discard button").click()
    expect(page).to_have_url(re.compile(r"/intake$"))
    assert admin.get(f"/intake/items/{stray['id']}").json()["discard_reason"] == "advertising"
    page.goto("/admin/intake")
    page.locator("#intake-sources tr", has_text=f"Scanner {unique}").get_by_role("button", name="Pause").click()
    expect(page.locator("#intake-sources tr", has_text=f"Scanner {unique}")).to_contain_text("Paused")
    sources = {s["id"]: s for s in admin.get("/intake/sources/").json()["items"]}
    assert sources[folder.json()["id"]]["is_active"] is False
    page.locator("#intake-sources tr", has_text=f"Scanner {unique}").get_by_role("button", name="Resume").click()
    expect(page.locator("#intake-sources tr", has_text=f"Scanner {unique}")).not_to_contain_text("Paused")

    # the queue is for those who register documents: a manager is refused
    _, manager = employee("Queue Manager", roles=("manager",))
    assert manager.get("/intake/items").status_code == 403
    assert manager.get("/intake/sources/").status_code == 403


def test_an_administrator_changes_a_source_on_its_page(page, admin, admin_credentials, unique, scanner_folder,
                                                       employee):
    types = {t["code"]: t for t in admin.get("/document-types/").json()["items"]}
    responsible, _ = employee("Irina Intake", roles=["secretary"])
    folder = admin.post("/intake/sources/", json={
        "name": f"Scanner {unique}", "kind": "folder", "settings": {"path": scanner_folder}, "is_active": False})
    assert folder.status_code == 201, folder.text
    mailbox = admin.post("/intake/sources/", json={
        "name": f"Mail {unique}", "kind": "imap", "is_active": False, "password": "mailbox-password-1",
        "settings": {"host": "imap.example.test", "username": "office"}})
    assert mailbox.status_code == 201, mailbox.text

    sign_in(page, *admin_credentials)
    page.goto("/admin/intake")
    page.locator("#intake-sources a", has_text=f"Scanner {unique}").click()
    expect(page.locator("#f-path")).to_have_value(scanner_folder)
    expect(page.locator("#f-settle_seconds")).to_have_value("5")
    screenshots(page, "source")

    # a relative path is refused where it was typed, the other changes kept on the page
    page.fill("#f-path", "scans/incoming")
    page.fill("#f-settle_seconds", "2")
    page.select_option("#f-document_type_id", types["letter_incoming"]["id"])
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("#path-error")).to_contain_text("absolute path")
    expect(page.locator("#f-settle_seconds")).to_have_value("2")
    expect(page.locator("#f-document_type_id")).to_have_value(types["letter_incoming"]["id"])
    assert admin.get(f"/intake/sources/{folder.json()['id']}").json()["settings"]["path"] == scanner_folder

    page.fill("#f-path", os.path.join(scanner_folder, "incoming"))
    page.select_option("#f-responsible_id", responsible["id"])
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".flash-success")).to_contain_text("Source saved.")
    saved = admin.get(f"/intake/sources/{folder.json()['id']}").json()
    assert saved["settings"] == {"path": os.path.join(scanner_folder, "incoming"), "processed_subfolder": "processed",
                                 "settle_seconds": 2.0, "max_files": 50}
    assert (saved["document_type_id"], saved["responsible_id"]) == (types["letter_incoming"]["id"],
                                                                    responsible["id"])

    # a mailbox: its password is never shown; left empty it stays, and the rule can be cleared
    page.goto(f"/admin/intake/{mailbox.json()['id']}")
    expect(page.locator("#f-password")).to_have_value("")
    expect(page.locator("#f-host")).to_have_value("imap.example.test")
    page.fill("#f-username", "registry")
    page.select_option("#f-security", "starttls")
    page.fill("#f-port", "143")
    page.get_by_role("button", name="Save changes").click()
    expect(page).to_have_url(re.compile(r"/admin/intake$"))
    changed = admin.get(f"/intake/sources/{mailbox.json()['id']}").json()
    assert changed["has_password"] and "password" not in changed
    assert (changed["settings"]["username"], changed["settings"]["security"], changed["settings"]["port"]) == (
        "registry", "starttls", 143)
    page.goto(f"/admin/intake/{mailbox.json()['id']}")
    screenshots(page, "mailbox")
