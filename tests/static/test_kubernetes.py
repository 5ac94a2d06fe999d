"""Static checks of deploy/kubernetes: each overlay rendered (tests/static/kustomize_subset.py),
validated against the Kubernetes API schemas (PyPI kubernetes-validate, strict: unknown
fields fail) and compared with docker-compose.yml, which stays the reference for images,
commands, environment names, ports and health checks."""
import importlib.util
import re
from functools import cache
from pathlib import Path

import kubernetes_validate
import pytest
import yaml
from kubernetes_validate.utils import SchemaNotFoundError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
KUBERNETES = ROOT / "deploy" / "kubernetes"
OVERLAYS = ("overlays/small", "overlays/production", "overlays/autoscaling", "examples/holding")
RENDERED = ("base", *OVERLAYS)
# The oldest release the managed offerings still support, and the newest the package knows.
KUBERNETES_VERSIONS = ("1.33", kubernetes_validate.utils.latest_version())
KEDA_KINDS = {"ScaledObject", "TriggerAuthentication"}
COMPONENT = "app.kubernetes.io/component"
DNS_PORTS = {("UDP", 53), ("TCP", 53)}
# Reached by a service beyond the broker, its database and S3: e-mail and webhook deliveries,
# the directory (LDAP), and the OpenID provider of enterprise sign-in (the gateway).
OUTSIDE_PORTS = {"notifications": {("TCP", 25), ("TCP", 465), ("TCP", 587)},
                 "webhooks": {("TCP", 443)}, "staff": {("TCP", 389), ("TCP", 636)},
                 "gateway": {("TCP", 443)}, "intake": {("TCP", 993), ("TCP", 143)}}
# the policy that lets each of them out, which a holding narrows to that server's addresses
OUTSIDE_POLICIES = {"notifications": "chancery-smtp", "webhooks": "chancery-webhook-deliveries",
                    "staff": "chancery-ldap", "gateway": "chancery-openid-provider", "intake": "chancery-imap"}
# The gateway streams files to and from the presigned S3 URLs the documents service signs.
S3_THROUGH_PRESIGNED_URLS = {"gateway"}
INFRA_PORTS = {"rabbitmq": {("TCP", 5672)}, "postgres": {("TCP", 5432)},
               "minio": {("TCP", 443), ("TCP", 9000)}}


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


kustomize = load("kustomize_subset", HERE / "kustomize_subset.py")
composed = load("compose_checks", HERE / "test_compose.py")
SERVICES = composed.SERVICES
APPS = (*SERVICES, composed.GATEWAY)


@cache
def rendered(directory):
    return tuple(kustomize.render(KUBERNETES / directory))


def of_kind(directory, kind):
    return {r["metadata"]["name"]: r for r in rendered(directory) if r["kind"] == kind}


def deployment(directory, name):
    found = of_kind(directory, "Deployment").get(f"chancery-{name}")
    assert found, f"{directory}: no Deployment chancery-{name}"
    return found


def container(workload):
    containers = workload["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1, workload["metadata"]["name"]
    return containers[0]


def workloads(directory):
    return [r for r in rendered(directory) if r["kind"] in ("Deployment", "Job")]


def env_refs(workload):
    """{NAME: ("configMap" | "secret" | "value", name, key)} of the container's environment."""
    refs = {}
    for item in container(workload).get("env") or []:
        source = item.get("valueFrom") or {}
        if "configMapKeyRef" in source:
            ref = source["configMapKeyRef"]
            refs[item["name"]] = ("configMap", ref["name"], ref["key"])
        elif "secretKeyRef" in source:
            ref = source["secretKeyRef"]
            refs[item["name"]] = ("secret", ref["name"], ref["key"])
        else:
            refs[item["name"]] = ("value", None, item.get("value"))
    assert not container(workload).get("envFrom"), "name each variable: no envFrom"
    return refs


def compose_command(name):
    cmd = composed.services()[name]["command"]
    return [part.replace("$$", "$") for part in cmd] if isinstance(cmd, list) else cmd


# --- Rendering and schemas

@pytest.mark.parametrize("directory", RENDERED)
def test_renders_and_validates_against_the_kubernetes_schemas(directory):
    resources = rendered(directory)
    assert resources
    for resource in resources:
        if resource["kind"] in KEDA_KINDS:
            continue  # a custom resource: checked in test_keda_scales_each_service_on_its_queues
        for version in KUBERNETES_VERSIONS:
            try:
                kubernetes_validate.validate(resource, version, strict=True)
            except SchemaNotFoundError:
                pytest.fail(f"{directory}: {resource['kind']} {resource['apiVersion']} is not in Kubernetes {version}")
            except kubernetes_validate.ValidationError as error:
                path = ".".join(str(p) for p in error.path)
                pytest.fail(f"{directory}: {resource['kind']}/{resource['metadata']['name']} "
                            f"(Kubernetes {version}): {path}: {error.message}")


def test_the_renderer_refuses_what_it_does_not_implement(tmp_path):
    (tmp_path / "kustomization.yaml").write_text("resources: []\nsecretGenerator: []\n")
    with pytest.raises(kustomize.KustomizeError, match="secretGenerator"):
        kustomize.render(tmp_path)
    (tmp_path / "kustomization.yaml").write_text(
        "resources: [../base]\npatches:\n  - {target: {kind: Deployment, name: nothing}, patch: '[]'}\n")
    (tmp_path.parent / "base").mkdir(exist_ok=True)
    (tmp_path.parent / "base" / "kustomization.yaml").write_text("resources: []\n")
    with pytest.raises(kustomize.KustomizeError, match="matches no resource"):
        kustomize.render(tmp_path)


@pytest.mark.parametrize("directory", OVERLAYS)
def test_overlays_put_everything_in_one_namespace(directory):
    namespaces = {r["metadata"].get("namespace") for r in rendered(directory)}
    assert namespaces == {"chancery"}, f"{directory}: namespaces {namespaces}"


def test_no_secret_values_in_the_repository():
    for path in KUBERNETES.rglob("*.yaml"):
        kinds = [doc.get("kind") for doc in yaml.safe_load_all(path.read_text()) if doc]
        assert "Secret" not in kinds, f"{path.relative_to(ROOT)} holds a Secret"


# --- Every compose service has its Deployment, as in compose

@pytest.mark.parametrize("directory", RENDERED)
def test_every_compose_service_has_a_deployment(directory):
    names = set(of_kind(directory, "Deployment"))
    assert names == {f"chancery-{name}" for name in APPS}
    for name in APPS:
        labels = deployment(directory, name)["spec"]["template"]["metadata"]["labels"]
        assert labels.get(COMPONENT) == name


@pytest.mark.parametrize("directory", RENDERED)
@pytest.mark.parametrize("name", APPS)
def test_deployment_runs_what_compose_runs(directory, name):
    workload = deployment(directory, name)
    image = container(workload)["image"]
    if directory == "examples/holding":
        assert image == "registry.holding.example/chancery:0.1.0"
    else:
        assert image == composed.services()[name]["image"], f"{directory}/{name}: image {image}"
    assert container(workload)["command"] == compose_command(name)


# Where the cluster's default rightly differs from compose's: in Kubernetes the Ingress
# controller is a reverse proxy before the gateway, in compose nothing is.
CLUSTER_DEFAULTS = {"TRUSTED_PROXIES": "1"}


@pytest.mark.parametrize("name", APPS)
def test_deployment_environment_matches_compose(name):
    refs = env_refs(deployment("base", name))
    compose_env = composed.environment(name)
    assert set(refs) == set(compose_env), (
        f"{name}: only in Kubernetes {sorted(set(refs) - set(compose_env))}, "
        f"only in compose {sorted(set(compose_env) - set(refs))}")
    settings = of_kind("base", "ConfigMap")["chancery-settings"]["data"]
    for variable, (source, resource, key) in refs.items():
        secret_like = composed.SECRET_KEY_NAME.search(variable) or variable in ("AMQP_URI", "SMTP_USER") \
            or variable.endswith("_DATABASE_URL")
        assert (source == "secret") == bool(secret_like), f"{name}: {variable} comes from a {source}"
        if source == "configMap":
            assert resource == "chancery-settings" and key in settings, f"{name}: {variable}"
            default = re.fullmatch(r"\$\{\w+:-([^}]*)\}", str(compose_env[variable]))
            if default:
                assert settings[key] == CLUSTER_DEFAULTS.get(variable, default[1]), \
                    f"{variable}: {settings[key]!r} in the ConfigMap, {default[1]!r} in compose"
        assert source != "value", f"{name}: {variable} is set inline"


@pytest.mark.parametrize("name", SERVICES)
def test_each_service_reads_its_own_database_secret(name):
    refs = env_refs(deployment("base", name))
    assert refs[f"{name.upper()}_DATABASE_URL"] == ("secret", f"chancery-{name}-database", "url")


def test_gateway_port_service_and_ingress_match_compose():
    gateway = container(deployment("base", "gateway"))
    ports = {p["name"]: p["containerPort"] for p in gateway["ports"]}
    compose_gateway = composed.services()["gateway"]
    published = {int(str(p).rsplit(":", 1)[1]) for p in compose_gateway["ports"]}
    bind_port = int(composed.environment("gateway")["CHANCERY_BIND"].rsplit(":", 1)[1])
    settings = of_kind("base", "ConfigMap")["chancery-settings"]["data"]
    assert set(ports.values()) == published == {bind_port} == {int(settings["CHANCERY_BIND"].rsplit(":", 1)[1])}
    service = of_kind("base", "Service")["chancery-gateway"]
    pod_labels = deployment("base", "gateway")["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= pod_labels.items()
    for port in service["spec"]["ports"]:
        assert port["targetPort"] in ports
    for directory in RENDERED:
        ingress = of_kind(directory, "Ingress")["chancery"]["spec"]
        backends = [ingress.get("defaultBackend")] + [
            path["backend"] for rule in ingress.get("rules") or [] for path in rule["http"]["paths"]]
        backends = [b for b in backends if b]
        assert backends, f"{directory}: the Ingress routes nowhere"
        for backend in backends:
            assert backend["service"]["name"] == "chancery-gateway"
            assert backend["service"]["port"]["name"] in {p["name"] for p in service["spec"]["ports"]}


# --- Replicas, probes, resources, security

def autoscaled_minimum(directory):
    return {s["spec"]["scaleTargetRef"]["name"]: s["spec"].get("minReplicaCount", s["spec"].get("minReplicas"))
            for s in rendered(directory) if s["kind"] in ("ScaledObject", "HorizontalPodAutoscaler")}


def fewest_replicas(directory, name):
    """The Deployment's replica count, or its autoscaler's minimum."""
    return of_kind(directory, "Deployment")[name]["spec"].get("replicas", autoscaled_minimum(directory).get(name))


@pytest.mark.parametrize("directory", RENDERED)
def test_two_or_more_replicas_of_everything(directory):
    scalers = autoscaled_minimum(directory)
    for name, workload in of_kind(directory, "Deployment").items():
        replicas = fewest_replicas(directory, name)
        assert replicas is not None and replicas >= 2, f"{directory}: {name} runs {replicas} replicas"
        if name in scalers:
            assert "replicas" not in workload["spec"], f"{directory}: {name} fights its autoscaler"


@pytest.mark.parametrize("directory", RENDERED)
def test_each_deployment_has_a_disruption_budget(directory):
    budgets = of_kind(directory, "PodDisruptionBudget")
    for name, workload in of_kind(directory, "Deployment").items():
        labels = workload["spec"]["template"]["metadata"]["labels"]
        matching = [b for b in budgets.values()
                    if b["spec"]["selector"]["matchLabels"].items() <= labels.items()]
        assert len(matching) == 1, f"{directory}: {name} has {len(matching)} PodDisruptionBudgets"
        assert 1 <= matching[0]["spec"]["minAvailable"] < fewest_replicas(directory, name), f"{directory}: {name}"


@pytest.mark.parametrize("name", SERVICES)
def test_service_probes_ask_the_pod_itself_what_compose_asks(name):
    """Each pod's probes ask its own health port (never an RPC ping over the shared queue,
    which a live replica answers for a dead one): readiness the /readyz that compose's
    healthcheck asks, liveness and startup /livez."""
    check = composed.services()[name]["healthcheck"]["test"]
    assert check[:5] == ["CMD", "python", "-m", "chancery_common.healthcheck", "--http"], check
    compose_port = int(composed.environment(name)["CHANCERY_HTTP_PORT"])
    workload = container(deployment("base", name))
    ports = {p["name"]: p["containerPort"] for p in workload.get("ports") or []}
    assert ports.get("health") == compose_port, f"{name}: health port {ports}, compose {compose_port}"
    settings = of_kind("base", "ConfigMap")["chancery-settings"]["data"]
    assert env_refs(deployment("base", name))["CHANCERY_HTTP_PORT"] == ("configMap", "chancery-settings",
                                                                         "CHANCERY_HTTP_PORT")
    assert int(settings["CHANCERY_HTTP_PORT"]) == compose_port
    assert settings["CHANCERY_HTTP_HOST"] == composed.environment(name)["CHANCERY_HTTP_HOST"] == "0.0.0.0"
    paths = {"readinessProbe": check[5], "livenessProbe": "/livez", "startupProbe": "/livez"}
    for probe, path in paths.items():
        assert workload[probe]["httpGet"] == {"path": path, "port": "health"}, f"{name}: {probe}"
        assert "exec" not in workload[probe], f"{name}: {probe}"
    # /readyz asks the database, the broker and S3 in turn, each for up to 2 s
    compose_timeout = int(re.fullmatch(r"(\d+)s", composed.services()[name]["healthcheck"]["timeout"])[1])
    assert min(workload["readinessProbe"]["timeoutSeconds"], compose_timeout) >= 6, f"{name}: times out too soon"


@pytest.mark.parametrize("name", SERVICES)
def test_compose_and_the_base_run_as_many_replicas(name):
    replicas = str(composed.services()[name]["deploy"]["replicas"])
    default = int(re.fullmatch(r"\$\{CHANCERY_REPLICAS:-(\d+)\}", replicas)[1])
    assert deployment("base", name)["spec"]["replicas"] == default


def test_gateway_probes_ask_its_health_endpoint():
    check = " ".join(composed.services()["gateway"]["healthcheck"]["test"])
    path = re.search(r"http://127\.0\.0\.1:\d+(/\w+)", check)[1]
    workload = container(deployment("base", "gateway"))
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert workload[probe]["httpGet"] == {"path": path, "port": "http"}, probe


@pytest.mark.parametrize("directory", RENDERED)
def test_every_container_has_requests_and_limits(directory):
    units = {"m": 1e-3, "": 1, "Mi": 2**20, "Gi": 2**30}

    def amount(value):
        number, unit = re.fullmatch(r"(\d+(?:\.\d+)?)(m|Mi|Gi|)", str(value)).groups()
        return float(number) * units[unit]

    for workload in workloads(directory):
        resources = container(workload)["resources"]
        for kind in ("cpu", "memory"):
            request, limit = resources["requests"][kind], resources["limits"][kind]
            assert amount(request) <= amount(limit), f"{directory}: {workload['metadata']['name']} {kind}"


@pytest.mark.parametrize("directory", RENDERED)
def test_pods_run_locked_down(directory):
    uid = int(re.findall(r"^USER\s+(\d+)", composed.dockerfile(), re.M)[-1])
    for workload in workloads(directory):
        name = workload["metadata"]["name"]
        pod = workload["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True, name
        assert pod["securityContext"]["runAsUser"] == uid, f"{name}: the image's user is {uid}"
        assert pod["automountServiceAccountToken"] is False, name
        context = container(workload)["securityContext"]
        assert context["readOnlyRootFilesystem"] is True, name
        assert context["allowPrivilegeEscalation"] is False, name
        assert context["capabilities"]["drop"] == ["ALL"], name
        assert not context["capabilities"].get("add"), name
        volumes = {v["name"]: v for v in pod.get("volumes") or []}
        tmp = [m for m in container(workload)["volumeMounts"] if m["mountPath"] == "/tmp"]
        assert tmp and "emptyDir" in volumes[tmp[0]["name"]], f"{name}: /tmp must be an emptyDir"


# --- Migrations before the rollout

def test_migrations_job_is_the_compose_prestart_step():
    job = of_kind("base", "Job")["chancery-migrate"]
    assert container(job)["command"] == compose_command(composed.PRESTART)
    assert container(job)["image"] == composed.services()[composed.PRESTART]["image"]
    refs = env_refs(job)
    assert set(refs) == set(composed.environment(composed.PRESTART))
    for name in SERVICES:
        variable = f"{name.upper()}_DATABASE_URL"
        assert refs[variable] == env_refs(deployment("base", name))[variable], \
            f"the Job migrates a different database than {name} uses"
    assert refs["CHANCERY_ADMIN_PASSWORD"][0] == "secret"
    assert job["spec"]["template"]["spec"]["restartPolicy"] == "Never"


def test_apply_script_runs_the_migrations_before_the_deployments():
    script = (KUBERNETES / "apply").read_text()
    first = re.search(r"^first='([^']+)'", script, re.M)[1]
    lines = [line.strip() for line in script.splitlines()]

    def where(pattern):
        found = [i for i, line in enumerate(lines) if re.fullmatch(pattern, line)]
        assert len(found) == 1, f"deploy/kubernetes/apply: {pattern!r} found {len(found)} times"
        return found[0]

    assert (where(r'kubectl delete -f "\$rendered" -l "\$migrations" .*')
            < where(r'kubectl apply -f "\$rendered" -l "\$first"')
            < where(r'if ! kubectl wait -f "\$rendered" -l "\$migrations" --for=condition=complete .*')
            < where(r'kubectl apply -f "\$rendered"'))
    assert re.search(r"^migrations='app\.kubernetes\.io/component=migrations'$", script, re.M)
    assert script.startswith("#!/bin/sh") and "set -eu" in script
    for directory in OVERLAYS:
        resources = rendered(directory)
        stage = [r for r in resources if kustomize.selector_matches(first, r["metadata"].get("labels") or {})]
        kinds = {r["kind"] for r in stage}
        assert "Job" in kinds and "Deployment" not in kinds, f"{directory}: first stage {kinds}"
        job = next(r for r in stage if r["kind"] == "Job")
        config_maps = {ref[1] for ref in env_refs(job).values() if ref[0] == "configMap"}
        assert config_maps <= {r["metadata"]["name"] for r in stage if r["kind"] == "ConfigMap"}
        policies = [r for r in resources if r["kind"] == "NetworkPolicy"]
        assert all(r in stage for r in policies), f"{directory}: the Job's network policies come later"


# --- Network policies

def policy_selects(policy, labels):
    selector = policy["spec"]["podSelector"]
    if not (selector.get("matchLabels") or {}).items() <= labels.items():
        return False
    for expression in selector.get("matchExpressions") or []:
        inside = labels.get(expression["key"]) in expression["values"]
        if inside != (expression["operator"] == "In"):
            return False
    return True


def allowed(directory, workload, direction):
    labels = workload["spec"]["template"]["metadata"]["labels"]
    policies = [p for p in of_kind(directory, "NetworkPolicy").values() if policy_selects(p, labels)]
    ports = set()
    for policy in policies:
        for rule in policy["spec"].get(direction) or []:
            assert rule.get("ports"), f"{policy['metadata']['name']}: a rule without ports allows every port"
            ports |= {(p.get("protocol", "TCP"), p["port"]) for p in rule["ports"]}
    return policies, ports


@pytest.mark.parametrize("directory", RENDERED)
def test_network_policies_allow_only_broker_database_s3_and_dns(directory):
    for workload in workloads(directory):
        component = workload["spec"]["template"]["metadata"]["labels"][COMPONENT]
        compose_name = composed.PRESTART if component == "migrations" else component
        policies, egress = allowed(directory, workload, "egress")
        denies = [p for p in policies if set(p["spec"]["policyTypes"]) == {"Ingress", "Egress"}
                  and not p["spec"].get("ingress") and not p["spec"].get("egress")]
        assert denies, f"{directory}: no default-deny policy selects {component}"
        needed = set(DNS_PORTS)
        uses = composed.infra_used_by(compose_name) | ({"rabbitmq"} if compose_name in APPS else set())
        if component in S3_THROUGH_PRESIGNED_URLS:
            assert composed.depends_on(compose_name).get("minio") == "service_healthy"
            uses.add("minio")
        for host in uses:
            needed |= INFRA_PORTS[host]
        needed |= OUTSIDE_PORTS.get(component, set())
        assert egress == needed, f"{directory}: {component} may reach {sorted(egress)}, needs {sorted(needed)}"
        _, ingress = allowed(directory, workload, "ingress")
        if component == "gateway":
            assert ingress == {("TCP", p["containerPort"]) for p in container(workload)["ports"]}
        else:
            assert not ingress, f"{directory}: nothing connects to {component}, yet it admits {ingress}"


@pytest.mark.parametrize("directory", RENDERED)
def test_each_server_outside_is_reached_through_a_policy_of_its_own(directory):
    """A holding narrows each rule to its server's addresses (examples/holding): the gateway's
    sign-in through the OpenID provider (443) must not ride on S3's rule (443 too), which is
    narrowed to the object store."""
    policies = of_kind(directory, "NetworkPolicy")
    for component, name in OUTSIDE_POLICIES.items():
        assert name in policies, f"{directory}: no NetworkPolicy {name} for {component}"
        policy = policies[name]
        selected = {w["spec"]["template"]["metadata"]["labels"][COMPONENT] for w in workloads(directory)
                    if policy_selects(policy, w["spec"]["template"]["metadata"]["labels"])}
        assert selected == {component}, f"{directory}: {name} selects {sorted(selected)}"
        ports = {(p.get("protocol", "TCP"), p["port"]) for rule in policy["spec"]["egress"] for p in rule["ports"]}
        assert ports == OUTSIDE_PORTS[component], f"{directory}: {name} allows {sorted(ports)}"


# --- Autoscaling

def test_keda_scales_each_service_on_its_queues():
    resources = rendered("overlays/autoscaling")
    scaled = {r["spec"]["scaleTargetRef"]["name"]: r for r in resources if r["kind"] == "ScaledObject"}
    auth = {r["metadata"]["name"]: r for r in resources if r["kind"] == "TriggerAuthentication"}
    assert set(scaled) == {f"chancery-{name}" for name in SERVICES}
    for r in resources:
        if r["kind"] in KEDA_KINDS:
            assert r["apiVersion"] == "keda.sh/v1alpha1", r["metadata"]["name"]
    for name in SERVICES:
        spec = scaled[f"chancery-{name}"]["spec"]
        assert 2 <= spec["minReplicaCount"] < spec["maxReplicaCount"]
        production = deployment("overlays/production", name)["spec"]["replicas"]
        assert spec["minReplicaCount"] == production, f"{name}: fewer replicas than production keeps"
        (trigger,) = spec["triggers"]
        assert trigger["type"] == "rabbitmq" and trigger["metadata"]["mode"] == "QueueLength"
        assert int(trigger["metadata"]["value"]) > 0
        assert trigger["authenticationRef"]["name"] in auth
        queues = re.compile(trigger["metadata"]["queueName"])
        other = next(s for s in SERVICES if s != name)
        # nameko's queue names: rpc-<service>, evt-<source>-<event>--<service>.<handler>
        assert queues.fullmatch(f"rpc-{name}")
        assert queues.fullmatch(f"evt-{other}-some.event--{name}.on_event")
        assert not queues.fullmatch(f"rpc-{other}")
        assert not queues.fullmatch(f"evt-{name}-some.event--{other}.on_event")
        assert not queues.fullmatch(f"rpc.reply-{name}-0d1e")
    secrets = {t["name"] for a in auth.values() for t in a["spec"]["secretTargetRef"]}
    assert secrets == {"chancery-rabbitmq-management"}


# --- Documentation

def test_operations_guide_names_every_secret_and_key():
    guide = (ROOT / "docs" / "operations.md").read_text()
    used = {(ref[1], ref[2]) for directory in RENDERED for workload in workloads(directory)
            for ref in env_refs(workload).values() if ref[0] == "secret"}
    used |= {(t["name"], t["key"]) for r in rendered("overlays/autoscaling") if r["kind"] == "TriggerAuthentication"
             for t in r["spec"]["secretTargetRef"]}
    for secret, key in sorted(used):
        assert re.search(rf"`{re.escape(secret)}`[^\n]*`{re.escape(key)}`", guide), \
            f"docs/operations.md does not say that Secret {secret} needs key {key}"
