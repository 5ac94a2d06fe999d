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
GATEWAY = "gateway"

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
    assert one_shot_services() == {PRESTART}
    for name, svc in services().items():
        if name == PRESTART:
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


def test_prestart_waits_for_postgres():
    assert infra_used_by(PRESTART) == {"postgres"}
    assert depends_on(PRESTART).get("postgres") == "service_healthy"
    assert services()[PRESTART].get("restart") in ("no", None)


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
    check = " ".join(services()[name]["healthcheck"]["test"])
    assert f"python -m chancery_common.healthcheck {name}" in check, f"{name}: healthcheck {check!r}"


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
    text = (ROOT / DOCKERFILE).read_text()
    assert re.search(r"^FROM node:20-slim AS (\w+)", text, re.M)
    assert "bash gateway/build_assets.sh" in text
    assert re.search(r"COPY --from=\w+ \S*gateway/chancery_gateway/static/vendor/?", text)
    assert "pybabel compile -d gateway/chancery_gateway/translations" in text
    install = re.search(r"pip install -c requirements/constraints\.txt((?:\s+\\?\s*\./\S+)+)", text)
    assert install, "no pip install of the project folders"
    folders = set(install[1].replace("\\", " ").split())
    expected = {"./common", "./gateway", *(f"./services/{name}" for name in SERVICES)}
    assert expected <= folders, f"image does not install {sorted(expected - folders)}"
    assert re.search(r"^ENV\b[^\n]*(\\\n[^\n]*)*PYTHONUNBUFFERED=1", text, re.M)
    users = re.findall(r"^USER\s+(\S+)", text, re.M)
    assert users and users[-1] not in ("root", "0"), "the image must run as a non-root user"


def test_dockerignore_keeps_secrets_and_local_state_out():
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".env", ".git", ".venv", "**/node_modules"} <= ignored
