"""Static checks of docker-compose.yml, the image and .env.example, without Docker.

Services are discovered from the ``services/*/`` folders on disk, so adding a service
folder without wiring it into the compose file and the image makes these tests fail.
"""
import re
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
DOCKERFILE = "deploy/docker/Dockerfile"
INFRA = ("postgres", "rabbitmq", "minio")
PRESTART = "prestart"
POSTGRES_INIT = "postgres-init"
POSTGRES_INIT_SCRIPT = "deploy/docker/postgres/create-service-databases.sh"
GATEWAY = "gateway"
SHA256 = r"@sha256:[0-9a-f]{64}"

SERVICES = sorted(
    p.name for p in (ROOT / "services").iterdir()
    if p.is_dir() and not p.name.startswith((".", "_"))
)

# A compose variable reference; ``$${`` is an escaped dollar, not a reference.
VAR_REF = re.compile(r"(?<!\$)\$\{(\w+)(:?[-?])?")
REQUIRED_REF = r"\$\{\w+:\?[^}]*\}"
EMPTY_REF = r"\$\{\w+:?-\}"
SECRET_KEY_NAME = re.compile(r"PASS|SECRET|KEY|TOKEN")
URL_CREDENTIALS = re.compile(r"\w+://([^:/@\s]+):([^@\s]*)@")
KNOWN_DEFAULT_SECRETS = ("guest", "minioadmin", "changeme", "change-me")


@cache
def dockerfile():
    return (ROOT / DOCKERFILE).read_text()


def build_arg_default(name):
    """The default of ``ARG name=...`` before the first FROM."""
    head = dockerfile().split("\nFROM ", 1)[0]
    found = re.search(rf"^ARG {name}=(\S+)$", head, re.M)
    assert found, f"{DOCKERFILE}: no ARG {name}=<default> before the first FROM"
    return found[1]


@cache
def compose_text():
    return COMPOSE_FILE.read_text()


@cache
def compose():
    return yaml.safe_load(compose_text())


def services():
    return compose()["services"]


def environment(name):
    env = services()[name].get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return env


def command(name):
    cmd = services()[name].get("command") or ""
    return " ".join(cmd) if isinstance(cmd, list) else cmd


def depends_on(name):
    deps = services()[name].get("depends_on") or {}
    if isinstance(deps, list):
        return {dep: "service_started" for dep in deps}
    return {dep: (spec or {}).get("condition", "service_started") for dep, spec in deps.items()}


def app_services():
    """Services built from the project's image."""
    return {name for name, svc in services().items() if "build" in svc}


def one_shot_services():
    return {dep for name in services() for dep, cond in depends_on(name).items()
            if cond == "service_completed_successfully"}


def infra_used_by(name):
    """Infrastructure hosts the service's environment points at."""
    values = [str(v) for v in environment(name).values() if v is not None]
    return {host for host in INFRA
            if any(re.search(rf"(^|[@/]){host}:\d+", value) for value in values)}


def config_reads(name):
    """{VAR: default or None} for each ``${VAR}`` / ``${VAR:default}`` in the service's config."""
    text = (ROOT / "services" / name / "config.yaml").read_text()
    return {m[1]: m[2] for m in re.finditer(r"\$\{(\w+)(?::([^}]*))?\}", text)}


def walk_strings(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from walk_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk_strings(value)
    elif isinstance(node, str):
        yield node


def env_example():
    return dict(
        line.split("=", 1)
        for line in (raw.strip() for raw in ENV_EXAMPLE.read_text().splitlines())
        if line and not line.startswith("#")
    )


# --- Structure

def test_services_are_discovered_on_disk():
    assert "staff" in SERVICES


def test_compose_declares_infrastructure_services_gateway_and_prestart():
    assert isinstance(compose(), dict) and isinstance(compose().get("services"), dict)
    missing = {*INFRA, *SERVICES, GATEWAY, PRESTART} - set(services())
    assert not missing, f"missing from docker-compose.yml: {sorted(missing)}"


def test_infrastructure_keeps_data_in_named_volumes():
    declared = set(compose().get("volumes") or {})
    for name in INFRA:
        named = {v.split(":", 1)[0] for v in services()[name].get("volumes", [])
                 if isinstance(v, str) and not v.startswith((".", "/"))}
        assert named, f"{name} has no named volume"
        assert named <= declared, f"{name} uses undeclared volumes {sorted(named - declared)}"


def test_long_running_services_have_healthchecks():
    assert one_shot_services() == {PRESTART, POSTGRES_INIT}
    for name, svc in services().items():
        if name in one_shot_services():
            continue
        check = svc.get("healthcheck") or {}
        assert check.get("test") and not check.get("disable"), f"{name} has no healthcheck"


def test_app_services_are_built_from_the_dockerfile():
    assert (ROOT / DOCKERFILE).is_file()
    assert app_services() == {*SERVICES, GATEWAY, PRESTART}
    images = set()
    for name in app_services():
        build = services()[name]["build"]
        assert isinstance(build, dict), f"{name}: build must name the Dockerfile"
        context = ROOT / build.get("context", ".")
        assert context.resolve() == ROOT, f"{name}: build context must be the repository root"
        assert build.get("dockerfile") == DOCKERFILE, f"{name}: build.dockerfile"
        images.add(services()[name].get("image"))
    assert len(images) == 1 and None not in images, "app services must share one image name"


def test_app_services_run_in_production_mode():
    for name in app_services():
        assert environment(name).get("CHANCERY_ENV") == "production", name


# --- Start order

@pytest.mark.parametrize("name", [*SERVICES, GATEWAY])
def test_app_service_waits_for_prestart_and_healthy_infrastructure(name):
    deps = depends_on(name)
    assert deps.get(PRESTART) == "service_completed_successfully", name
    needed = infra_used_by(name) | {"rabbitmq"}
    for host in needed:
        assert deps.get(host) == "service_healthy", f"{name} must wait for {host} to be healthy"


def test_prestart_waits_for_postgres_and_the_service_roles():
    assert infra_used_by(PRESTART) == {"postgres"}
    assert depends_on(PRESTART).get("postgres") == "service_healthy"
    assert depends_on(PRESTART).get(POSTGRES_INIT) == "service_completed_successfully"
    assert depends_on(POSTGRES_INIT).get("postgres") == "service_healthy"
    for name in (PRESTART, POSTGRES_INIT):
        assert services()[name].get("restart") in ("no", None), name


# --- Services and their configuration

def test_commands_reference_existing_config_files():
    missing = sorted(
        path for name in services()
        for path in re.findall(r"(?:services/\w+/config\.yaml|gateway/gunicorn\.conf\.py)", command(name))
        if not (ROOT / path).is_file()
    )
    assert not missing, f"files referenced by compose commands are missing: {missing}"


@pytest.mark.parametrize("name", SERVICES)
def test_service_runs_its_nameko_service(name):
    assert re.search(
        rf"\bnameko run --config services/{name}/config\.yaml {name}\.service\b", command(name)
    ), f"{name}: unexpected command {command(name)!r}"
    assert (ROOT / "services" / name / "config.yaml").is_file(), \
        f"services/{name}/config.yaml does not exist"


@pytest.mark.parametrize("name", SERVICES)
def test_each_service_instance_is_checked_by_its_own_readyz(name):
    """Not an RPC ping over the shared queue, which a live replica answers for a dead one."""
    check = services()[name]["healthcheck"]["test"]
    assert check == ["CMD", "python", "-m", "chancery_common.healthcheck", "--http", "/readyz"], f"{name}: {check}"
    env = environment(name)
    assert int(env["CHANCERY_HTTP_PORT"]) > 0, f"{name}: serves no /readyz"
    assert env["CHANCERY_HTTP_HOST"] == "0.0.0.0", f"{name}: /readyz unreachable from outside the container"


@pytest.mark.parametrize("name", SERVICES)
def test_every_service_runs_two_replicas_by_default(name):
    replicas = str((services()[name].get("deploy") or {}).get("replicas"))
    found = re.fullmatch(r"\$\{CHANCERY_REPLICAS:-(\d+)\}", replicas)
    assert found and int(found[1]) >= 2, f"{name}: deploy.replicas is {replicas!r}"
    assert "container_name" not in services()[name], f"{name}: a container name allows one replica"


@pytest.mark.parametrize("name", SERVICES)
def test_service_environment_covers_its_config(name):
    if not (ROOT / "services" / name / "config.yaml").is_file():
        pytest.skip(f"services/{name}/config.yaml not written yet (reported elsewhere)")
    reads = config_reads(name)
    env = environment(name)
    # Database URLs, and anything whose development default points at this machine,
    # must be set: inside a container localhost is the container itself.
    needed = {var for var, default in reads.items()
              if var.endswith("_DATABASE_URL")
              or (default and re.search(r"127\.0\.0\.1|localhost", default))}
    missing = needed - set(env)
    assert not missing, f"{name}: config.yaml reads {sorted(missing)}, not set in compose"
    db_var = f"{name.upper()}_DATABASE_URL"
    if db_var in reads:
        assert env[db_var].endswith(f"@postgres:5432/chancery_{name}"), env[db_var]


# --- Prestart

@pytest.mark.parametrize("name", SERVICES)
def test_prestart_migrates_service(name):
    db_var = f"{name.upper()}_DATABASE_URL"
    assert re.search(
        rf'DATABASE_URL="?\$\$\{{?{db_var}\}}?"? python -m chancery_common\.migrate services/{name}\b',
        command(PRESTART),
    ), f"prestart does not migrate services/{name} with ${db_var}"
    assert environment(PRESTART).get(db_var), f"prestart lacks {db_var}"
    if db_var in environment(name):
        assert environment(PRESTART)[db_var] == environment(name)[db_var], \
            f"prestart migrates a different database than {name} uses"


def test_prestart_bootstraps_the_administrator_after_migrating():
    script = command(PRESTART)
    bootstrap = script.find("python -m staff.bootstrap")
    assert bootstrap > script.rfind("chancery_common.migrate") > 0
    env = environment(PRESTART)
    assert "STAFF_DATABASE_URL" in env
    assert re.fullmatch(REQUIRED_REF, env.get("CHANCERY_ADMIN_PASSWORD", "")), \
        "CHANCERY_ADMIN_PASSWORD must be required"


# --- Secrets

def test_secret_settings_are_required_references():
    for name in services():
        for key, value in environment(name).items():
            if SECRET_KEY_NAME.search(key):
                assert value is not None and re.fullmatch(f"{REQUIRED_REF}|{EMPTY_REF}", str(value)), \
                    f"{name}: {key} must be ${{{key}:?...}}, not {value!r}"


def test_urls_carry_no_literal_passwords():
    for value in walk_strings(compose()):
        for _user, password in URL_CREDENTIALS.findall(value):
            assert re.fullmatch(REQUIRED_REF, password), f"literal password in {value!r}"


def test_no_well_known_default_credentials():
    text = compose_text().lower()
    for word in KNOWN_DEFAULT_SECRETS:
        assert word not in text, f"docker-compose.yml mentions {word!r}"


# --- .env.example

def test_env_example_lists_every_variable_compose_reads():
    refs = {m[1]: m[2] for m in VAR_REF.finditer(compose_text())}
    required = {var for var, op in refs.items() if op == ":?"}
    example = env_example()
    assert required, "compose requires no variables: secrets must be ${VAR:?...}"
    missing = set(refs) - set(example)
    assert not missing, f".env.example does not list {sorted(missing)}"
    unused = set(example) - set(refs)
    assert not unused, f".env.example lists variables compose never reads: {sorted(unused)}"
    filled = sorted(var for var in required if example[var].strip())
    assert not filled, f"required variables must be blank in .env.example: {filled}"


# --- Image

def test_dockerfile_builds_everything():
    text = dockerfile()
    assert re.search(r"^FROM \$\{NODE_IMAGE\} AS (\w+)", text, re.M)
    assert "bash gateway/build_assets.sh" in text
    assert re.search(r"COPY --from=\w+ \S*gateway/chancery_gateway/static/vendor/?", text)
    assert "pybabel compile -d gateway/chancery_gateway/translations" in text
    # the third-party packages, pinned, in a layer of their own; then the project folders
    assert re.search(r"pip install -c requirements/constraints\.txt -r ", text), "no pinned dependencies"
    install = re.search(r"pip install --no-deps [^\n]*((?:\s+\\?\s*\./\S+)+)", text)
    assert install, "no pip install of the project folders"
    folders = set(install[1].replace("\\", " ").split())
    expected = {"./common", "./gateway", *(f"./services/{name}" for name in SERVICES)}
    assert expected <= folders, f"image does not install {sorted(expected - folders)}"
    assert re.search(r"^ENV\b[^\n]*(\\\n[^\n]*)*PYTHONUNBUFFERED=1", text, re.M)


def test_dockerignore_keeps_secrets_and_local_state_out():
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".env", ".git", ".venv", "**/node_modules"} <= ignored


def test_base_images_are_build_arguments_pinned_by_version_and_digest():
    text = dockerfile()
    assert not re.search(r"^#\s*syntax\s*=", text, re.M | re.I), \
        "no '# syntax=' line: it makes BuildKit fetch a frontend image"
    python = build_arg_default("PYTHON_IMAGE")
    node = build_arg_default("NODE_IMAGE")
    assert re.fullmatch(rf"python:3\.11\.\d+-slim(-\w+)?{SHA256}", python), python
    assert re.fullmatch(rf"node:\d+\.\d+\.\d+-(\w+-)?slim{SHA256}", node), node
    froms = re.findall(r"^FROM\s+(\S+)", text, re.M)
    assert froms == ["${NODE_IMAGE}", "${PYTHON_IMAGE}"], froms


def test_image_runs_as_a_numeric_non_root_user():
    users = re.findall(r"^USER\s+(\S+)", dockerfile(), re.M)
    assert users, "the image must name its user"
    uid, _, gid = users[-1].partition(":")
    # Kubernetes' runAsNonRoot can only verify a numeric user.
    assert uid.isdigit() and int(uid) != 0, f"USER {users[-1]}: must be a numeric uid other than 0"
    assert not gid or (gid.isdigit() and int(gid) != 0), f"USER {users[-1]}: group must be numeric"


def test_image_carries_oci_labels():
    labels = set(re.findall(r"\b(org\.opencontainers\.image\.[\w.]+)=", dockerfile()))
    expected = {f"org.opencontainers.image.{key}"
                for key in ("title", "description", "version", "revision", "created", "base.name")}
    assert expected <= labels, f"missing labels {sorted(expected - labels)}"


# --- Infrastructure images, logs and limits

@pytest.mark.parametrize("name, pattern", [
    ("postgres", rf"postgres:(\d+)\.\d+(-\w+)?{SHA256}"),
    ("postgres-init", rf"postgres:(\d+)\.\d+(-\w+)?{SHA256}"),
    ("rabbitmq", rf"rabbitmq:(4)\.\d+\.\d+(-management)?(-\w+)?{SHA256}"),
    ("minio", rf"(?:quay\.io/)?minio/minio:RELEASE\.\d{{4}}-\d\d-\d\dT\d\d-\d\d-\d\dZ{SHA256}"),
])
def test_infrastructure_images_are_pinned_releases(name, pattern):
    image = services()[name].get("image", "")
    found = re.fullmatch(pattern, image)
    assert found, f"{name}: image {image!r} is not pinned to a release and digest"
    if name.startswith("postgres"):
        assert int(found[1]) >= 17, f"{name}: PostgreSQL 17 or newer, not {image}"
    assert services()["postgres"]["image"] == services()["postgres-init"]["image"]


def test_every_container_rotates_its_logs():
    for name, svc in services().items():
        logging = svc.get("logging") or {}
        options = logging.get("options") or {}
        assert logging.get("driver") in ("json-file", "local"), f"{name}: logging driver"
        assert re.fullmatch(r"\d+[kmg]", str(options.get("max-size", ""))), f"{name}: logging max-size"
        assert str(options.get("max-file", "")).isdigit(), f"{name}: logging max-file"


def test_every_container_has_cpu_and_memory_limits():
    for name, svc in services().items():
        limits = ((svc.get("deploy") or {}).get("resources") or {}).get("limits") or {}
        assert float(limits.get("cpus", 0)) > 0, f"{name}: no CPU limit"
        assert re.fullmatch(r"\d+[KMG]", str(limits.get("memory", ""))), f"{name}: no memory limit"


def test_app_containers_are_locked_down():
    for name in app_services():
        svc = services()[name]
        assert svc.get("read_only") is True, f"{name}: read_only root filesystem"
        assert "/tmp" in (svc.get("tmpfs") or []), f"{name}: needs a tmpfs /tmp under read_only"
        assert svc.get("cap_drop") == ["ALL"], f"{name}: cap_drop ALL"
        assert "no-new-privileges:true" in (svc.get("security_opt") or []), name
        assert svc.get("user") in (None, *re.findall(r"^USER\s+(\S+)", dockerfile(), re.M)), \
            f"{name}: must not override the image's non-root user"


# --- One database role per service

def database_url_parts(url):
    found = re.fullmatch(r"postgresql://([^:]+):(\$\{(\w+):\?[^}]*\})@postgres:5432/(\w+)", url)
    assert found, f"unexpected database URL {url!r}"
    return {"user": found[1], "password_var": found[3], "database": found[4]}


@pytest.mark.parametrize("name", SERVICES)
def test_service_connects_as_its_own_role(name):
    url = environment(name)[f"{name.upper()}_DATABASE_URL"]
    parts = database_url_parts(url)
    assert parts == {"user": f"chancery_{name}", "password_var": f"{name.upper()}_DATABASE_PASSWORD",
                     "database": f"chancery_{name}"}, f"{name}: {url}"
    assert parts["user"] != environment("postgres")["POSTGRES_USER"], \
        f"{name} must not connect as the PostgreSQL administrator"


def test_postgres_init_creates_every_service_role():
    init = services()[POSTGRES_INIT]
    env = environment(POSTGRES_INIT)
    assert env.get("PGHOST") == "postgres"
    assert env.get("PGUSER") == environment("postgres")["POSTGRES_USER"]
    assert env.get("PGPASSWORD") == environment("postgres")["POSTGRES_PASSWORD"]
    mounts = [v for v in init.get("volumes", []) if isinstance(v, str)]
    assert any(v.startswith(f"./{POSTGRES_INIT_SCRIPT}:") for v in mounts), mounts
    script_in_container = next(v for v in mounts if v.startswith(f"./{POSTGRES_INIT_SCRIPT}:")).split(":")[1]
    assert script_in_container in command(POSTGRES_INIT)
    # every service has its database, and so has the gateway (its Idempotency-Key store)
    for name in [*SERVICES, GATEWAY]:
        variable = f"{name.upper()}_DATABASE_PASSWORD"
        assert env.get(variable) == f"${{{variable}:?see .env.example}}", f"postgres-init lacks {variable}"
    script = (ROOT / POSTGRES_INIT_SCRIPT).read_text()
    default = re.search(r"CHANCERY_SERVICES:-([^}]*)\}", script)
    assert default and sorted(default[1].split()) == sorted([*SERVICES, GATEWAY]), \
        "the script's default list must name every service folder and the gateway"


def test_postgres_init_script_creates_isolated_roles(postgres_server_url):
    """Runs the script twice against the test server: one role and database per service,
    owned by it, closed to PUBLIC, and a second run changes nothing but the password."""
    import shutil
    import subprocess
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from chancery_common.database import normalise_url
    from chancery_common.migrations import drop_database

    if not shutil.which("psql"):
        pytest.skip("psql (the PostgreSQL client) is not installed")
    url = make_url(normalise_url(postgres_server_url))
    suffix = uuid.uuid4().hex[:8]
    names = [f"ctr{suffix}a", f"ctr{suffix}b"]
    env = {"PATH": "/usr/bin:/bin", "PGHOST": url.host or "", "PGPORT": str(url.port or 5432),
           "PGUSER": url.username or "postgres", "PGPASSWORD": url.password or "",
           "CHANCERY_SERVICES": " ".join(names)}
    if url.query.get("host"):  # a Unix socket directory
        env["PGHOST"] = url.query["host"]
    for name in names:
        env[f"{name.upper()}_DATABASE_PASSWORD"] = f"pw-{name}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        for _ in range(2):
            done = subprocess.run(["sh", str(ROOT / POSTGRES_INIT_SCRIPT)], env=env,
                                  capture_output=True, text=True, timeout=60)
            assert done.returncode == 0, done.stderr
        with admin.connect() as connection:
            rows = connection.execute(text(
                "SELECT datname, pg_get_userbyid(datdba), has_database_privilege('public', oid, 'CONNECT'),"
                " (SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = datname)"
                " FROM pg_database WHERE datname LIKE :pattern ORDER BY datname"),
                {"pattern": f"chancery_ctr{suffix}%"}).all()
        assert [tuple(row) for row in rows] == [
            (f"chancery_{name}", f"chancery_{name}", False, False) for name in names]
        missing = {**env}
        del missing[f"{names[1].upper()}_DATABASE_PASSWORD"]
        done = subprocess.run(["sh", str(ROOT / POSTGRES_INIT_SCRIPT)], env=missing,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode != 0 and f"{names[1].upper()}_DATABASE_PASSWORD" in done.stderr
    finally:
        for name in names:
            drop_database(url.set(database=f"chancery_{name}").render_as_string(hide_password=False))
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'DROP ROLE IF EXISTS "chancery_{name}"'))
        admin.dispose()
