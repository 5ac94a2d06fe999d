"""What the pages offer and say (issue 19, items 2-6): each role sees only the actions it may
perform, and a refusal says what to do; a registrar names any counterparty on a document; an
exact tax-id duplicate is made only on purpose; a contract not started is not "settled"; the
history of changes reads as people write; a contact done today counts on the dashboard; and a
Russian page holds no English message of the catalogue."""
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from counterparties import legal

pytestmark = [pytest.mark.browser, pytest.mark.system]

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
ISO_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
RU_CATALOGUE = (Path(__file__).resolve().parents[2] / "gateway" / "chancery_gateway" / "translations" / "ru"
                / "LC_MESSAGES" / "messages.po")


def sign_in(page, email, password):
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.locator("button[type=submit]").click()
    expect(page.locator("a.who")).to_be_attached()  # (off screen on a phone)


def in_language(browser, base_url, language, width=1400):
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900},
                                  locale="ru-RU" if language == "ru" else "en-GB", timezone_id="Europe/Moscow")
    context.add_cookies([{"name": "chancery_lang", "value": language, "url": base_url}])
    context.set_default_timeout(15_000)
    return context


def person(admin, client, unique, key, roles):
    email, password = f"{key}.{unique}@content.chancery", f"content-{unique}-pw"
    made = admin.post("/employees/", json={"full_name": f"{key.title()} {unique}", "email": email,
                                           "password": password, "roles": roles})
    assert made.status_code == 201, made.text
    return made.json(), (email, password), client(email, password)


def type_id(api, code):
    return next(t["id"] for t in api.get("/document-types/").json()["items"] if t["code"] == code)


def inn(unique, region):
    return legal.complete_inn(f"{region}{int(unique, 16) % 10**7:07d}")


# the role settings' defaults (docs/permissions.md): who registers documents, who merges
REGISTRARS = {"administrator", "director", "lawyer", "secretary"}
MERGERS = {"administrator", "director"}


@pytest.mark.parametrize("role", ["manager", "secretary", "accountant", "lawyer", "director", "employee"])
def test_each_role_sees_only_the_actions_it_may_perform(browser, base_url, admin, client, unique, role):
    me, credentials, _api = person(admin, client, unique, role, [role])
    mine = admin.post("/counterparties/", json={"name": f"Own client {unique}",
                                                "responsible_employee_id": me["id"]}).json()
    context = in_language(browser, base_url, "en")
    page = context.new_page()
    sign_in(page, *credentials)
    registers = role in REGISTRARS

    expect(page.locator(".page-head").get_by_role("link", name="New document")).to_have_count(int(registers))
    page.goto("/documents")
    expect(page.get_by_role("link", name="+ New document")).to_have_count(int(registers))
    if role not in ("secretary", "accountant"):  # they do not see this counterparty's card
        page.goto(f"/counterparties/{mine['id']}")
        expect(page.locator(".page-head").get_by_role("link", name="+ New document")).to_have_count(int(registers))
        expect(page.locator("#merge")).to_have_count(int(role in MERGERS))
    if not registers:
        # asked for anyway (an old bookmark): refused before the form, in a sentence saying what to do
        page.goto("/documents/new")
        expect(page.locator(".error-code")).to_have_text("403")
        expect(page.locator(".error-message")).to_contain_text("Ask a secretary")
        expect(page.locator("main")).not_to_contain_text("your roles do not allow")
        context.close()
        context = in_language(browser, base_url, "ru")
        page = context.new_page()
        sign_in(page, *credentials)
        page.goto("/documents/new")
        expect(page.locator(".error-message")).to_contain_text("Попросите секретаря")
    context.close()


def test_a_secretary_names_a_managers_counterparty_on_a_new_document(browser, base_url, admin, client, unique):
    _manager, _, manager_api = person(admin, client, unique, "sales", ["manager"])
    tax_id = inn(unique, "50")
    kept = manager_api.post("/counterparties/", json={"name": f"Vostok Trading {unique}", "tax_id": tax_id,
                                                      "phone": "+7 495 765-43-21"}).json()
    _secretary, credentials, secretary_api = person(admin, client, unique, "registrar", ["secretary"])
    assert secretary_api.get(f"/counterparties/{kept['id']}").status_code == 404  # the card stays closed
    found = secretary_api.get("/counterparties/for-registration", params={"search": tax_id}).json()["items"]
    assert found == [{"id": kept["id"], "name": kept["name"], "short_name": None, "tax_id": tax_id,
                      "card_visible": False}]
    assert manager_api.get("/counterparties/for-registration", params={"search": tax_id}).status_code == 403

    context = in_language(browser, base_url, "en")
    page = context.new_page()
    sign_in(page, *credentials)
    page.goto("/documents/new")
    page.select_option("#f-type_id", value=type_id(admin, "letter_incoming"))
    page.fill("#f-counterparty", tax_id)
    choice = page.locator(".choices [data-choose-counterparty]")
    expect(choice).to_have_count(1)
    expect(choice).to_contain_text(f"Vostok Trading {unique}")
    expect(choice).not_to_contain_text("765-43-21")  # only what registration needs
    choice.click()
    page.fill("#f-title", f"Letter from Vostok {unique}")
    page.get_by_role("button", name="Register document").click()
    expect(page.locator("h1")).to_contain_text("IN")
    expect(page.locator("#details")).to_contain_text(f"Vostok Trading {unique}")
    context.close()


def test_an_exact_tax_id_duplicate_is_refused_beside_the_field_until_created_anyway(
        browser, base_url, admin, admin_credentials, unique):
    tax_id = inn(unique, "66")
    existing = admin.post("/counterparties/", json={"name": f"Ural Steel {unique}", "tax_id": tax_id}).json()
    again = admin.post("/counterparties/", json={"name": f"Ural Steel again {unique}", "tax_id": tax_id})
    assert again.status_code == 409 and existing["id"] in again.json()["message"]
    assert admin.post("/counterparties/", json={"name": f"Ural Steel again {unique}", "tax_id": tax_id,
                                                "allow_duplicate": True}).status_code == 201

    for language, width in (("en", 1440), ("ru", 390)):
        context = in_language(browser, base_url, language, width)
        page = context.new_page()
        sign_in(page, *admin_credentials)
        page.goto("/counterparties/new")
        page.fill("#f-name", f"Ural Steel Works {unique}")
        page.fill("#f-tax_id", tax_id)
        page.locator("#f-tax_id").blur()
        hint = page.locator("#duplicates")
        expect(hint).to_contain_text(f"Ural Steel {unique}")
        field, box = page.locator("#f-tax_id").bounding_box(), hint.bounding_box()
        # beside the tax ID: right under its field (on a wide screen, on the first screen)
        assert 0 < box["y"] - field["y"] < 200 and (width < 1000 or box["y"] < 900), (field, box)
        page.locator("#counterparty-form button[type=submit]").first.click()
        expect(page.locator("#tax_id-error")).to_be_visible()
        assert admin.get("/counterparties/", params={"search": f"Ural Steel Works {unique}"}).json()["total"] == 0
        context.close()
    page = in_language(browser, base_url, "en").new_page()
    sign_in(page, *admin_credentials)
    page.goto("/counterparties/new")
    page.fill("#f-name", f"Ural Steel Works {unique}")
    page.fill("#f-tax_id", tax_id)
    page.locator("#f-tax_id").blur()
    expect(page.locator("#allow-duplicate")).to_be_visible()
    page.check("#allow-duplicate input")
    page.get_by_role("button", name="Save counterparty").click()
    expect(page.locator("h1")).to_have_text(f"Ural Steel Works {unique}")
    page.context.close()


def test_a_new_contract_with_nothing_paid_is_not_settled(browser, base_url, admin, admin_credentials, unique):
    contract = admin.post("/documents/", json={"type_id": type_id(admin, "contract"), "title": f"Not begun {unique}",
                                               "amount": "1500000.00", "currency": "RUB"}).json()
    for language, expected, wrong in (("en", "Nothing done or paid yet", "Settled"),
                                      ("ru", "Пока ничего не выполнено", "Расчёты закрыты")):
        context = in_language(browser, base_url, language)
        page = context.new_page()
        sign_in(page, *admin_credentials)
        page.goto(f"/documents/{contract['id']}/execution")
        balance = page.locator("#execution [data-balance]").first
        expect(balance).to_contain_text(expected)
        expect(balance).to_contain_text("1")  # the amount still ahead under the contract
        expect(balance).not_to_contain_text(wrong)
        context.close()


def test_the_history_of_changes_shows_labels_names_and_translated_states(
        browser, base_url, admin, admin_credentials, client, unique, eventually):
    lawyer, _, lawyer_api = person(admin, client, unique, "counsel", ["lawyer"])
    region = admin.post("/reference-books/region/", json={"name": f"Povolzhye {unique}"}).json()
    counterparty = admin.post("/counterparties/", json={"name": f"Istoriya {unique}"}).json()
    assert admin.patch(f"/counterparties/{counterparty['id']}", json={"region_id": region["id"]}).status_code == 200
    document = admin.post("/documents/", json={"type_id": type_id(admin, "contract"), "title": f"History {unique}",
                                               "counterparty_id": counterparty["id"]}).json()
    assert admin.post(f"/documents/{document['id']}/files", files={"file": ("terms.pdf", PDF)}).status_code == 201
    copy = admin.post(f"/documents/{document['id']}/paper-copies", json={"kind": "original", "location": "Archive"})
    assert admin.post(f"/paper-copies/{copy.json()['id']}/movements", json={
        "to_holder": lawyer["id"], "reason": "to sign"}).status_code == 201
    approval = admin.post("/approvals/", json={"document_id": document["id"], "approver_ids": [lawyer["id"]]}).json()
    task = eventually(lambda: lawyer_api.get("/approvals/tasks").json()["items"])[0]
    assert lawyer_api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "approve"}).status_code == 200

    context = in_language(browser, base_url, "ru")
    page = context.new_page()
    sign_in(page, *admin_credentials)
    for path, expected in ((f"/documents/{document['id']}/history",
                            ("terms.pdf", "PDF", f"Istoriya {unique}", "Имя файла")),
                           (f"/approvals/{approval['id']}", ("Согласовано",)),
                           (f"/counterparties/{counterparty['id']}", (f"Povolzhye {unique}", "Регион"))):
        page.goto(path)
        history = page.locator("#audit")
        expect(history.locator("tbody tr").first).to_be_visible()
        text = history.inner_text()
        for word in expected:
            assert word in text, (path, word, text)
        for raw in ("content_type", "file_id", "region_id", "in_place", "handed_out", "outcome", "approval initiator",
                    "approved", "approver"):
            assert raw not in text, (path, raw, text)
        assert not UUID.search(text) and not ISO_MOMENT.search(text), (path, text)
    context.close()


SNAKE_CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")


def test_the_histories_of_people_departments_and_activities_read_as_people_write(
        browser, base_url, admin, admin_credentials, client, unique):
    """The "History of changes" of a contact person, an employee, a department and an activity:
    field labels, names for ids, dates and moments formatted, codes as words, in both languages."""
    head, _, _ = person(admin, client, unique, "glava", ["department_head"])
    parent = admin.post("/departments/", json={"name": f"Head office {unique}"}).json()
    department = admin.post("/departments/", json={"name": f"Sbyt {unique}"}).json()
    assert admin.patch(f"/departments/{department['id']}", json={
        "parent_id": parent["id"], "head_id": head["id"]}).status_code == 200
    worker, _, _ = person(admin, client, unique, "rabotnik", ["employee"])
    assert admin.patch(f"/employees/{worker['id']}", json={
        "department_id": department["id"], "roles": ["manager"], "position": "Menedzher",
        "locale": "ru", "time_zone": "Asia/Yekaterinburg"}).status_code == 200
    counterparty = admin.post("/counterparties/", json={"name": f"Klient {unique}"}).json()
    contact = admin.post(f"/counterparties/{counterparty['id']}/contact-persons", json={
        "full_name": f"Petrov {unique}", "position": "Buhgalter", "phones": ["+7 495 111-22-33"]}).json()
    assert admin.patch(f"/contact-persons/{contact['id']}", json={
        "position": "Glavbuh", "birthday": "1980-05-17"}).status_code == 200
    planned = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=2)
    activity = admin.post("/activities/", json={
        "counterparty_id": counterparty["id"], "contact_person_id": contact["id"], "kind": "call",
        "subject": f"Zvonok {unique}", "planned_at": planned.isoformat(), "responsible_id": worker["id"]}).json()
    assert admin.post(f"/activities/{activity['id']}/reschedule", json={
        "planned_at": (planned + timedelta(days=1)).isoformat(), "reason": "perenos"}).status_code == 200
    assert admin.post(f"/activities/{activity['id']}/completion", json={
        "status": "done", "result": "Dogovorilis"}).status_code == 200

    records = {  # page: what its history must name
        f"/contact-persons/{contact['id']}": {"en": ("Position", "Birthday", "changed"),
                                              "ru": ("Должность", "День рождения")},
        f"/admin/employees/{worker['id']}": {"en": ("Department", f"Sbyt {unique}", "Roles"),
                                             "ru": ("Подразделение", f"Sbyt {unique}", "Роли")},
        f"/admin/departments/{department['id']}": {"en": ("Head", head["full_name"], f"Head office {unique}"),
                                                   "ru": ("Руководитель", head["full_name"], f"Head office {unique}")},
        f"/activities/{activity['id']}": {"en": (worker["full_name"], "Call"),
                                          "ru": (worker["full_name"], "Звонок")},
    }
    names = {*re.findall(r"[A-Za-z]+", " ".join((head["full_name"], worker["full_name"],
                                                   admin.employee["full_name"]))),
             "Head", "office", "Sbyt", "Klient", "Petrov", "Glavbuh", "Buhgalter", "Menedzher", "Zvonok",
             "Dogovorilis", "perenos"}
    for language in ("en", "ru"):
        context = in_language(browser, base_url, language)
        page = context.new_page()
        sign_in(page, *admin_credentials)
        for path, expected in records.items():
            page.goto(path)
            history = page.locator("#audit")
            expect(history.locator("tbody tr").first).to_be_visible()
            expect(history.locator("time:not([data-local])")).to_have_count(0)  # moments in the viewer's zone
            text = history.inner_text().replace(unique, "")
            for word in expected[language]:
                assert word.replace(unique, "") in text, (language, path, word, text)
            assert not UUID.search(text) and not ISO_MOMENT.search(text), (language, path, text)
            assert not SNAKE_CODE.findall(text), (language, path, SNAKE_CODE.findall(text))
            if language == "ru":
                assert latin_words(text, names) == [], (path, latin_words(text, names), text)
        context.close()


def test_a_contact_done_today_counts_on_the_dashboard_though_planned_later(
        browser, base_url, admin, admin_credentials, client, unique):
    manager, _, manager_api = person(admin, client, unique, "caller", ["manager"])
    counterparty = manager_api.post("/counterparties/", json={"name": f"Zvonok {unique}"}).json()
    activity = manager_api.post("/activities/", json={
        "counterparty_id": counterparty["id"], "kind": "call", "subject": f"Call ahead {unique}",
        "planned_at": (datetime.now(timezone.utc) + timedelta(days=3)).isoformat()}).json()
    assert manager_api.post(f"/activities/{activity['id']}/completion",
                            json={"status": "done", "result": "Agreed early"}).status_code == 200
    context = in_language(browser, base_url, "en")
    page = context.new_page()
    sign_in(page, *admin_credentials)
    page.goto("/dashboard?days=7")
    expect(page.locator("#activity-results")).to_contain_text(manager["full_name"])
    context.close()


def test_an_approval_deadline_says_which_day_ends(browser, base_url, admin, admin_credentials, client, unique,
                                                 eventually):
    """A deadline at local midnight (here an extension granted to the end of a day) reads "end of
    <day>" on the counterparty card, the approval and the approvals list, never "12:00 AM"."""
    lawyer, _, lawyer_api = person(admin, client, unique, "srok", ["lawyer"])
    counterparty = admin.post("/counterparties/", json={"name": f"Srok {unique}"}).json()
    document = admin.post("/documents/", json={"type_id": type_id(admin, "contract"), "title": f"Deadline {unique}",
                                               "counterparty_id": counterparty["id"]}).json()
    approval = admin.post("/approvals/", json={"document_id": document["id"], "stages": [{
        "name": "Legal", "approver_ids": [lawyer["id"]], "deadline_hours": 4}]})
    assert approval.status_code == 201, approval.text
    task = eventually(lambda: lawyer_api.get("/approvals/tasks").json()["items"])[0]
    moscow = timezone(timedelta(hours=3))  # the browser's zone below
    day = datetime.now(moscow).date() + timedelta(days=10)
    midnight = datetime(day.year, day.month, day.day, tzinfo=moscow)  # the end of the day before
    assert lawyer_api.post(f"/approvals/tasks/{task['id']}/extension", json={
        "due_at": midnight.isoformat(), "reason": "need time"}).status_code == 200
    assert admin.post(f"/approvals/tasks/{task['id']}/extension/decision", json={"grant": True}).status_code == 200
    for language, end_of in (("en", "end of"), ("ru", "конец дня")):
        context = in_language(browser, base_url, language)
        page = context.new_page()
        sign_in(page, *admin_credentials)
        for path, where in ((f"/counterparties/{counterparty['id']}", "#approvals"),
                            (f"/approvals/{approval.json()['id']}", "main")):
            page.goto(path)
            due = page.locator(f"{where} time[data-deadline]").first
            expect(due).to_have_attribute("data-local", "")
            expect(due).to_contain_text(end_of)
            assert str((day - timedelta(days=1)).day) in due.inner_text()  # the day that ends
            assert not re.search(r"12:00\s?AM|00:00", due.inner_text()), (language, path, due.inner_text())
        context.close()


def english_messages():
    """Fragments of the catalogue's English texts that Russian pages must not show: the parts
    between placeholders of two words or more, whose Russian translation differs."""
    with RU_CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    fragments = set()
    for message in catalogue:
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        if not msgid or message.string in (msgid, ("",)) or not message.string:
            continue
        for part in re.split(r"%\(\w+\)[sd]|%[sd]|\{\w+\}", msgid):
            part = part.strip(" .,:;—-()“”«»?!…/")
            if len(part.split()) >= 2:
                fragments.add(part)
    return fragments


# what may stay in Latin letters on a Russian page: names the test gave, codes in capitals (a
# journal's prefix, SHA-256), and, taken out before looking, e-mail and web addresses, file names,
# content types (application/pdf), checksums and time zones (Europe/Moscow); and these words
LATIN_ALLOWED = {"Chancery", "iCalendar", "CalDAV", "Google", "Outlook", "Apple", "Thunderbird", "webcal",
                 "https", "http", "Ctrl", "Enter", "Esc", "Tab", "Alt", "Shift", "English", "From", "To", "Date",
                 "Subject", "OpenDocument"}
NOT_WORDS = re.compile(r"\S+@\S+|\w+://\S+|[\w.-]+\.(?:pdf|xlsx|csv|docx?|png|jpe?g|ics|txt|zip)\b"
                       r"|\b(?:application|image|text|message|audio|video)/[\w.+-]+|\b[0-9a-f]{8,}\b"
                       r"|\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[\w/+-]+",
                       re.IGNORECASE)


def latin_words(text, allowed):
    """Words in Latin letters left in a Russian text, but for codes in capitals and what may stay."""
    return sorted({w for w in re.findall(r"[A-Za-z]{2,}", NOT_WORDS.sub(" ", text))
                   if not w.isupper() and w not in LATIN_ALLOWED and w not in allowed})


def shown_text(page):
    """The visible text of the page, without the choices a list offers but has not chosen: time
    zones (their names are codes) and the filters' lists of everyone (other tests' employees)."""
    return page.evaluate("""() => {
        document.querySelectorAll('select option:not(:checked)').forEach(o => o.remove());
        return document.body.innerText; }""")


def test_the_checks_find_english_on_a_russian_page():
    """The two checks below see what they look for: short labels and sentences of the catalogue,
    and any Latin word but names, codes, addresses and file names."""
    fragments = english_messages()
    assert {"Paper copy not returned", "My approvals", "History of changes"} <= fragments
    assert latin_words("Договор CTR-1 dogovor.pdf, a@b.ru, ИНН 7700000000, Save Ivan", {"Ivan"}) == ["Save"]


def test_russian_pages_hold_no_english_message(browser, base_url, admin, admin_credentials, client, unique,
                                               eventually):
    """Every main page in Russian, with records of every kind on it, the document card's tabs
    included: no English text of the catalogue (an untranslated msgid or a service's sentence
    shown raw), none of the codes the issue found, and on the pages of the test's own records
    (where nothing another test made is listed) no Latin word at all but names and codes."""
    lawyer, _, lawyer_api = person(admin, client, unique, "yurist", ["lawyer"])
    counterparty = admin.post("/counterparties/", json={"name": f"Ромашка {unique}", "tax_id": inn(unique, "77"),
                                                        "allow_duplicate": True}).json()
    document = admin.post("/documents/", json={"type_id": type_id(admin, "contract"), "title": f"Поставка {unique}",
                                               "counterparty_id": counterparty["id"], "amount": "1500000.00",
                                               "currency": "RUB"}).json()
    annex = admin.post("/documents/", json={"type_id": type_id(admin, "annex"), "title": f"Допсоглашение {unique}",
                                            "parent_id": document["id"], "counterparty_id": counterparty["id"]})
    assert annex.status_code == 201, annex.text
    assert admin.post(f"/documents/{document['id']}/files", files={"file": ("dogovor.pdf", PDF)}).status_code == 201
    copy = admin.post(f"/documents/{document['id']}/paper-copies", json={"kind": "copy", "location": "Архив"})
    yesterday = (datetime.now(timezone.utc).date() - timedelta(days=1)).isoformat()
    assert admin.post(f"/paper-copies/{copy.json()['id']}/movements", json={
        "to_holder": lawyer["id"], "reason": "на подпись", "expected_return_on": yesterday}).status_code == 201
    assert admin.post(f"/documents/{document['id']}/milestones", json={
        "title": "Этап первый", "due_on": yesterday, "amount": "100000.00"}).status_code == 201
    approval = admin.post("/approvals/", json={"document_id": document["id"], "approver_ids": [lawyer["id"]]}).json()
    eventually(lambda: lawyer_api.get("/approvals/tasks").json()["items"])
    activity = admin.post("/activities/", json={
        "counterparty_id": counterparty["id"], "kind": "call", "subject": f"Звонок {unique}",
        "planned_at": (datetime.now(timezone.utc) + timedelta(hours=2)).isoformat()}).json()
    job = admin.post("/counterparties/export", json={"format": "xlsx", "search": unique})
    assert job.status_code == 202, job.text
    job_id = job.json()["id"]
    eventually(lambda: admin.get(f"/jobs/{job_id}").json()["state"] == "done" or None)

    fragments = english_messages()
    names = {*re.findall(r"[A-Za-z]+", admin.employee["full_name"]), "Yurist"}
    context = in_language(browser, base_url, "ru")
    page = context.new_page()
    sign_in(page, *admin_credentials)
    d = f"/documents/{document['id']}"
    own = [f"/counterparties/{counterparty['id']}", d, *(f"{d}/{tab}" for tab in (
               "files", "tree", "execution", "paper-copies", "approvals", "history")),
           f"/approvals/{approval['id']}", f"/activities/{activity['id']}", f"/jobs/{job_id}", "/account",
           "/documents/new", "/counterparties/new", f"/contracts/overdue?counterparty_id={counterparty['id']}"]
    shared = ["/", "/agenda", "/agenda?view=week", "/agenda?view=month", "/counterparties", "/pipeline",
              "/documents", "/approvals", "/inbox", "/paper-copies", "/contracts/overdue", "/document-types",
              "/journals", "/approval-routes", "/dashboard", "/jobs", "/reference-books/region",
              "/reference-books/negotiation_stage", "/admin/employees", "/search?q=" + unique]
    found = {}
    for path in own + shared:
        answer = page.goto(path)
        assert answer.status == 200, path
        page.wait_for_load_state("networkidle")
        text = shown_text(page).replace(unique, "")
        shown = sorted(f for f in fragments if f in text)
        shown += [code for code in ("in_place", "handed_out", "approval initiator", "Annexes (numbered",
                                    "Paper copy not returned", "First contact", "Offer under review") if code in text]
        if path in own:
            shown += latin_words(text, names)
        if shown:
            found[path] = shown
    assert not found, "\n".join(f"{path}: {shown}" for path, shown in found.items())
    context.close()
