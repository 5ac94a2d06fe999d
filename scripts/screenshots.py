"""Screenshots of the main pages at three window sizes in both languages, for reviewers.

``scripts/screenshots [--out DIR] [--sizes 390x844,1280x800,1440x900] [--languages ru,en]``
starts a private system of its own (own databases, RabbitMQ node, S3 server and ports), loads
the demo data, signs in as the demo director and saves ``<page>-<width>-<language>.png`` for
each page, size and language; the system is stopped and its databases dropped afterwards.
``--url URL --email E --password P`` photographs a running system instead (``make demo``).
``--serve`` only runs the private system until Ctrl-C. ``--docs`` makes the pictures of
docs/ui.md: the first screens of DOCS_PAGES at every size in both languages, into docs/ui, whose
other PNGs it removes.
"""
import argparse
import os
import signal
import sys
import tempfile
import time
import uuid
import warnings
from pathlib import Path

import requests

# nameko runs on eventlet, which warns at import; dnspython warns about DSA
warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")
warnings.filterwarnings("ignore", message="DSA is deprecated")

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # bench.office_files makes the memo's DOCX
    sys.path.insert(0, str(REPO))
CHROMIUM = "/usr/bin/chromium"
DIRECTOR = "demo.director@chancery.local"
ADMIN = ("admin@screenshots.chancery", "screenshots-admin-password-1")
SIZES = "390x844,1280x800,1440x900"
# name, path (filled in with the ids of demo records), who looks (director or admin)
PAGES = (
    ("home", "/", "director"),
    ("agenda", "/agenda", "director"),
    ("counterparties", "/counterparties", "director"),
    ("pipeline", "/pipeline", "director"),
    ("counterparty", "/counterparties/{counterparty}", "director"),
    ("documents", "/documents", "director"),
    ("document", "/documents/{document}", "director"),
    ("document-files", "/documents/{document}/files", "director"),
    ("office-document", "/documents/{office_document}", "director"),
    ("office-document-files", "/documents/{office_document}/files", "director"),
    ("document-execution", "/documents/{document}/execution", "director"),
    ("overdue", "/contracts/overdue", "director"),
    ("agenda-week", "/agenda?view=week", "director"),
    ("account", "/account", "director"),
    ("approvals", "/approvals", "director"),
    ("inbox", "/inbox", "director"),
    ("dashboard", "/dashboard", "director"),
    ("administration", "/admin/employees", "admin"),
    ("job", "/jobs/{job}", "director"),
    ("jobs", "/jobs", "director"),
    ("import-job", "/jobs/{import_job}", "director"),
    ("webhooks", "/admin/webhooks", "admin"),
    ("employees-import", "/admin/employees/import", "admin"),
    ("employees-import-job", "/jobs/{employees_import_job}", "admin"),
)


# the pictures docs/ui.md shows (``--docs``): these pages' first screens, every size, both languages
DOCS = REPO / "docs" / "ui"
DOCS_PAGES = ("home", "pipeline", "counterparty", "document", "document-execution", "agenda-week")


def private_system(data_dir, demo_password):
    """Start a whole system of its own, on a RabbitMQ node of its own too, with the demo data;
    yields its gateway URL, then stops it all and drops its databases."""
    from chancery_common.migrations import drop_database
    from chancery_local import infra
    from chancery_local.demo import load_demo_data
    from chancery_local.profile import DATABASES, Profile
    from chancery_local.rabbitmq_node import RabbitMQNode
    from chancery_local.system import System
    from sqlalchemy.engine import make_url

    run = uuid.uuid4().hex[:6]
    server_url = os.environ.get("CHANCERY_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    ports = infra.free_s3_ports()
    print("  RabbitMQ (a node of its own) ...", flush=True)
    broker = RabbitMQNode(data_dir / "rabbitmq").start()
    profile = Profile(data_dir=data_dir, amqp_host=broker.amqp_host, postgres_url=server_url,
                      database_prefix=f"chancery_shots_{run}_", s3_ports=ports, s3_bucket="chancery-shots",
                      gateway_port=infra.free_port(), secret_key=f"chancery-screenshots-{run}")
    system = System(profile, log=lambda message: print(f"  {message}", flush=True))
    try:
        system.start()
        system.create_administrator(*ADMIN)
        system.supervise()
        print("  Demo data ...", flush=True)
        print(f"  {load_demo_data(profile, system, demo_password)}", flush=True)
        yield profile.gateway_url
    finally:
        system.stop()
        broker.stop()
        for name in DATABASES:
            drop_database(make_url(server_url).set(database=f"{profile.database_prefix}{name}")
                          .render_as_string(hide_password=False))


def signed_in(base_url, email, password):
    """An API session of the employee and the CSRF header its writes send."""
    api = requests.Session()
    answer = api.post(f"{base_url}/api/v1/auth/login", json={"email": email, "password": password}, timeout=30)
    answer.raise_for_status()
    return api, {"X-CSRF-Token": answer.json()["csrf_token"]}


def finished(api, base_url, job):
    deadline = time.monotonic() + 120
    while api.get(f"{base_url}/api/v1/jobs/{job['id']}", timeout=30).json()["state"] in ("queued", "running"):
        if time.monotonic() > deadline:
            raise RuntimeError(f"the job {job['id']} did not finish in 120 s")
        time.sleep(0.5)
    return job["id"]


def office_document(api, headers, base_url):
    """An internal memo with a DOCX, once its thumbnail (the first page of LibreOffice's preview) is made."""
    from bench.office_files import docx
    types = api.get(f"{base_url}/api/v1/document-types/", timeout=30).json()["items"]
    memo = next(t["id"] for t in types if t["code"] == "memo")
    document = api.post(f"{base_url}/api/v1/documents/", headers=headers, timeout=30, json={
        "type_id": memo, "title": "Служебная записка о закупке щебня"}).json()
    content = docx(["Служебная записка", "О закупке щебня для объекта «Северный»",
                    "Прошу согласовать закупку щебня гранитного фракции 20–40 мм в объёме 120 т "
                    "у ООО «Вектор» по цене 1 250 руб. за тонну с доставкой на объект.",
                    "Срок поставки: до конца месяца. Оплата по факту поставки.",
                    "Приложение: коммерческое предложение ООО «Вектор»."], headings=2)
    version = api.post(f"{base_url}/api/v1/documents/{document['id']}/files", headers=headers, timeout=60,
                       files={"file": ("Служебная записка.docx", content)}).json()
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        card = api.get(f"{base_url}/api/v1/documents/{document['id']}", timeout=30).json()
        found = [v for f in card["files"] for v in f["versions"] if v["id"] == version["id"]]
        if found and found[0]["text_state"] in ("done", "failed"):
            return document["id"]
        time.sleep(1)
    raise RuntimeError("the memo's DOCX was not read in 180 s")


def demo_records(base_url, email, password, admin=None):
    """Ids for the pages that show one record: a counterparty with documents, a contract with a PDF,
    a memo with a DOCX (once the texts service has made its preview and thumbnail), done jobs (an
    export, a counterparties import check; an employees import check, the administrator's, when
    ``admin`` (email, password) is given)."""
    api, headers = signed_in(base_url, email, password)
    documents = api.get(f"{base_url}/api/v1/documents/", params={"limit": 100}, timeout=30).json()["items"]
    with_files = [d for d in documents if d.get("file_count")] or documents
    document = next((d for d in with_files if d["type"].get("kind") == "contract"), with_files[0])
    # a done export and a done import check (a job's page with its file, and with its report)
    export = api.post(f"{base_url}/api/v1/documents/export", json={}, headers=headers, timeout=30).json()
    check = api.post(f"{base_url}/api/v1/counterparties/import", headers=headers, timeout=30, data={"dry_run": "true"},
                     files={"file": ("clients.csv", b"name;email\r\nNew client LLC;office@new-client.example\r\n"
                                                     b";not an e-mail\r\n")}).json()
    ids = {"document": document["id"], "counterparty": document["counterparty_id"],
           "office_document": office_document(api, headers, base_url),
           "job": finished(api, base_url, export), "import_job": finished(api, base_url, check)}
    if admin:
        api, headers = signed_in(base_url, *admin)
        staff = ("ФИО;Эл. почта;Подразделение;Должность;Роли\r\n"
                 "Ирина Соколова;irina.sokolova@example.com;Продажи;Менеджер;Менеджер\r\n"
                 "Глеб Орлов;gleb.orlov@example.com;Юридический отдел;Юрист;Юрист, Сотрудник\r\n"
                 ";no-name@example.com;;;\r\n").encode("cp1251")
        started = api.post(f"{base_url}/api/v1/employees/import", headers=headers, timeout=30,
                           data={"dry_run": "true"}, files={"file": ("сотрудники.csv", staff)}).json()
        ids["employees_import_job"] = finished(api, base_url, started)
    return ids


def photograph(base_url, out, sizes, languages, credentials, full_page=True, only=None):
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    ids = demo_records(base_url, *credentials["director"], admin=credentials.get("admin"))
    taken = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for who, (email, password) in credentials.items():
            for width, height in sizes:
                context = browser.new_context(base_url=base_url, viewport={"width": width, "height": height},
                                              locale="ru-RU", timezone_id="Europe/Moscow")
                page = context.new_page()
                page.goto("/login")
                page.fill("#email", email)
                page.fill("#password", password)
                page.click("button[type=submit]")
                page.wait_for_selector("a.who", state="attached")
                for language in languages:
                    page.goto(f"/language/{language}?next=/")
                    for name, path, looker in PAGES:
                        if looker != who or (only and name not in only):
                            continue
                        page.goto(path.format(**ids))
                        page.wait_for_load_state("networkidle")
                        page.wait_for_timeout(300)  # htmx fragments settle, pdf.js draws
                        target = out / f"{name}-{width}-{language}.png"
                        page.screenshot(path=str(target), full_page=full_page)
                        taken.append(target)
                context.close()
        browser.close()
    return taken


def main(argv=None):
    parser = argparse.ArgumentParser(prog="scripts/screenshots", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(REPO / ".data-screenshots"), help="where the PNGs go")
    parser.add_argument("--sizes", default=SIZES, help=f"window sizes, default {SIZES}")
    parser.add_argument("--languages", default="ru,en")
    parser.add_argument("--pages", help="only these pages, by name: " + ",".join(name for name, _, _ in PAGES))
    parser.add_argument("--url", help="a running system to photograph (with the demo data)")
    parser.add_argument("--email", default=DIRECTOR, help="with --url: who signs in (default the demo director)")
    parser.add_argument("--password", help="with --url: the demo employees' password")
    parser.add_argument("--admin-email", help="with --url: an administrator, for the administration page")
    parser.add_argument("--admin-password")
    parser.add_argument("--first-screen", action="store_true",
                        help="only what the window shows, not the whole page (the pictures in docs/ui)")
    parser.add_argument("--docs", action="store_true",
                        help="the pictures of docs/ui.md: first screens of " + ",".join(DOCS_PAGES) + " into docs/ui")
    parser.add_argument("--serve", action="store_true",
                        help="only run the private system (with the demo data) until Ctrl-C, for a look by hand")
    args = parser.parse_args(argv)
    try:
        sizes = [tuple(int(n) for n in size.split("x")) for size in args.sizes.split(",")]
    except ValueError:
        parser.error(f"--sizes takes WIDTHxHEIGHT,... (got {args.sizes!r})")
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    only = {name.strip() for name in args.pages.split(",")} if args.pages else None
    if only and only - {name for name, _, _ in PAGES}:
        parser.error(f"--pages: no page called {', '.join(sorted(only - {name for name, _, _ in PAGES}))}")
    out = Path(args.out)
    if args.docs:
        if args.pages or args.out != parser.get_default("out") or args.sizes != SIZES or args.languages != "ru,en":
            parser.error("--docs makes its own set: no --pages, --out, --sizes or --languages with it")
        out, only, args.first_screen = DOCS, set(DOCS_PAGES), True

    if args.url:
        if not args.password:
            parser.error("--url needs --password (the demo employees' password, printed by make demo)")
        credentials = {"director": (args.email, args.password)}
        if args.admin_email and args.admin_password:
            credentials["admin"] = (args.admin_email, args.admin_password)
        taken = photograph(args.url.rstrip("/"), out, sizes, languages, credentials, not args.first_screen, only)
    else:
        demo_password = f"shots-{uuid.uuid4().hex[:10]}"
        with tempfile.TemporaryDirectory(prefix="chancery-shots-") as data_dir:
            system = private_system(Path(data_dir), demo_password)
            base_url = next(system)
            try:
                credentials = {"director": (DIRECTOR, demo_password), "admin": ADMIN}
                if args.serve:
                    print(f"Serving {base_url}: {DIRECTOR} / {demo_password}, {ADMIN[0]} / {ADMIN[1]}; "
                          "Ctrl-C stops", flush=True)
                    signal.signal(signal.SIGTERM, signal.default_int_handler)
                    try:
                        while True:
                            time.sleep(1)
                    except KeyboardInterrupt:
                        return 0
                taken = photograph(base_url, out, sizes, languages, credentials, not args.first_screen, only)
            finally:
                system.close()
    if args.docs:  # what the script no longer makes goes
        for stale in sorted(set(DOCS.glob("*.png")) - set(taken)):
            stale.unlink()
            print(f"removed {stale.relative_to(REPO)}")
    print(f"{len(taken)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
