"""The alert rules and the Grafana dashboard in deploy/monitoring name only metrics that the
code exports (chancery_common.metrics), and are well-formed: the rules checked as
``promtool check rules`` does (their PromQL parsed by tests/static/promql_subset.py, their
templates naming only labels the expression keeps), the dashboard against Grafana's schema."""
import importlib.util
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from chancery_common import metrics

HERE = Path(__file__).resolve().parent
MONITORING = HERE.parents[1] / "deploy" / "monitoring"
_spec = importlib.util.spec_from_file_location("promql_subset", HERE / "promql_subset.py")
promql = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(promql)
RULE_KEYS = {"alert", "expr", "for", "labels", "annotations", "keep_firing_for"}
TEMPLATE = re.compile(r"{{(.*?)}}")
# The part of Grafana's dashboard model (schemaVersion 39) the file uses: what Grafana needs
# to import it, each panel placed on the 24-column grid with Prometheus queries.
DATASOURCE = {"type": "object", "required": ["type", "uid"],
              "properties": {"type": {"const": "prometheus"}, "uid": {"type": "string"}}}
DASHBOARD_SCHEMA = {
    "type": "object",
    "required": ["title", "uid", "schemaVersion", "panels", "time", "templating"],
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "uid": {"type": "string", "pattern": "^[a-zA-Z0-9_-]{1,40}$"},
        "schemaVersion": {"type": "integer", "minimum": 30},
        "version": {"type": "integer"},
        "refresh": {"type": "string"},
        "time": {"type": "object", "required": ["from", "to"]},
        "templating": {"type": "object", "required": ["list"], "properties": {"list": {"type": "array", "items": {
            "type": "object", "required": ["name", "type"]}}}},
        "panels": {"type": "array", "minItems": 1, "items": {
            "type": "object",
            "required": ["id", "type", "title", "gridPos", "targets", "datasource"],
            "properties": {
                "id": {"type": "integer", "minimum": 1},
                "type": {"enum": ["timeseries", "stat", "gauge", "table"]},
                "title": {"type": "string", "minLength": 1},
                "datasource": DATASOURCE,
                "gridPos": {"type": "object", "required": ["h", "w", "x", "y"], "additionalProperties": False,
                            "properties": {"h": {"type": "integer", "minimum": 1},
                                           "w": {"type": "integer", "minimum": 1, "maximum": 24},
                                           "x": {"type": "integer", "minimum": 0, "maximum": 23},
                                           "y": {"type": "integer", "minimum": 0}}},
                "targets": {"type": "array", "minItems": 1, "items": {
                    "type": "object", "required": ["refId", "expr"],
                    "properties": {"refId": {"type": "string"}, "expr": {"type": "string", "minLength": 1},
                                   "legendFormat": {"type": "string"}, "datasource": DATASOURCE}}},
            }}},
    },
}
LABEL_IN_TEMPLATE = re.compile(r"\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)")
# Prometheus' own series: one per scrape target
BUILT_IN = {"up"}
METRIC_NAME = re.compile(r"\b(chancery_[a-z0-9_]+|up)\b(?=\s*[{\[)]|\s*(==|>|<|$))")
LABEL_VALUE = re.compile(r'"[^"]*"')
# the list: service down, outbox age over a minute, dead letters present, reminders late, 5xx rate
REQUIRED_ALERTS = {"ChanceryInstanceDown", "ChanceryOutboxStuck", "ChanceryDeadLetters", "ChanceryRemindersLate",
                   "ChanceryHttp5xxRate"}


def names_in(expr):
    return {match.group(1) for match in METRIC_NAME.finditer(LABEL_VALUE.sub('""', expr))}


def rules():
    document = yaml.safe_load((MONITORING / "alerts.yml").read_text())
    return [rule for group in document["groups"] for rule in group["rules"]]


def dashboard_exprs():
    dashboard = json.loads((MONITORING / "grafana-dashboard.json").read_text())
    return [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]


def test_the_name_finder_sees_what_an_expression_names():
    assert names_in('sum(rate(chancery_http_requests_total{status=~"5.."}[5m])) / '
                    'sum(rate(chancery_http_requests_total[5m]))') == {"chancery_http_requests_total"}
    assert names_in('up{job=~"chancery-.*"} == 0') == {"up"}
    assert names_in("max by (service) (chancery_outbox_oldest_age_seconds) > 60") == {
        "chancery_outbox_oldest_age_seconds"}


@pytest.mark.parametrize("rule", rules(), ids=lambda rule: rule["alert"])
def test_every_alert_names_exported_metrics_and_says_what_it_means(rule):
    named = names_in(rule["expr"])
    assert named, f"{rule['alert']}: its expression names no metric"
    unknown = named - metrics.exported_names() - BUILT_IN
    assert not unknown, f"{rule['alert']} names metrics the code does not export: {sorted(unknown)}"
    assert rule["labels"]["severity"] in ("critical", "warning")
    assert rule["annotations"]["summary"]
    assert re.fullmatch(r"\d+[smh]", rule["for"])


def test_the_promql_parser_refuses_what_promtool_refuses():
    assert promql.parse('max by (service) (chancery_outbox_oldest_age_seconds) > 60') == ("vector", {"service"})
    assert promql.parse('histogram_quantile(0.95, sum by (le, route) (rate(x_bucket[5m])))') == (
        "vector", {"route"})
    for broken in ('sum(rate(x[5m])', 'rate(x)', 'rate(x[5m]) + y[1m]', 'sum by service (x)', 'x{a="1"',
                   'x{a~"1"}', 'x{a=~"("}', 'x[5q]', 'unknown_function(x)', 'topk(x)', '1 and 2'):
        with pytest.raises(promql.PromQLError):
            promql.parse(broken)


def test_the_rule_file_is_what_promtool_accepts():
    document = yaml.safe_load((MONITORING / "alerts.yml").read_text())
    assert set(document) == {"groups"}
    names = [group["name"] for group in document["groups"]]
    assert len(names) == len(set(names))
    for group in document["groups"]:
        assert set(group) <= {"name", "interval", "rules", "limit"} and group["rules"], group["name"]


@pytest.mark.parametrize("rule", rules(), ids=lambda rule: rule["alert"])
def test_every_alert_parses_and_its_templates_name_only_labels_it_keeps(rule):
    assert set(rule) <= RULE_KEYS, sorted(set(rule) - RULE_KEYS)
    assert re.fullmatch(r"[A-Z][A-Za-z0-9]+", rule["alert"])
    kind, kept = promql.parse(rule["expr"])
    assert kind == "vector", f"{rule['alert']}: an alert's expression must be a vector, not a {kind}"
    assert all(promql.label_name(name) for name in rule.get("labels", {}))
    for text in [*rule.get("labels", {}).values(), *rule["annotations"].values()]:
        assert text.count("{{") == text.count("}}"), text
        for template in TEMPLATE.findall(text):
            for label in LABEL_IN_TEMPLATE.findall(template):
                assert kept is None or label in kept, (
                    f"{rule['alert']} names $labels.{label}, which its expression drops (it keeps {sorted(kept)})")


def test_the_alerts_cover_what_operators_must_hear_about():
    assert {rule["alert"] for rule in rules()} >= REQUIRED_ALERTS
    assert len({rule["alert"] for rule in rules()}) == len(rules())


def test_the_dashboard_is_a_grafana_dashboard_of_exported_metrics():
    dashboard = json.loads((MONITORING / "grafana-dashboard.json").read_text())
    jsonschema.validate(dashboard, DASHBOARD_SCHEMA)
    variables = {variable["name"] for variable in dashboard["templating"]["list"]}
    for panel in dashboard["panels"]:  # the data source they name is the dashboard's variable
        for datasource in [panel["datasource"], *(t.get("datasource") for t in panel["targets"])]:
            assert datasource is None or datasource["uid"].strip("${}") in variables, panel["title"]
    ids = [panel["id"] for panel in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    for panel in dashboard["panels"]:
        assert panel["title"] and panel["type"] in ("timeseries", "stat", "gauge", "table")
        assert set(panel["gridPos"]) == {"h", "w", "x", "y"}
        assert panel["gridPos"]["x"] + panel["gridPos"]["w"] <= 24
        assert panel["targets"], panel["title"]
    used = set()
    for expr in dashboard_exprs():
        promql.parse(expr)
        named = names_in(expr)
        assert named, expr
        assert not named - metrics.exported_names() - BUILT_IN, expr
        used |= named
    # every family the code exports is on the dashboard
    families = {re.sub(r"_(total|bucket|sum|count|created)$", "", name) for name in metrics.exported_names()}
    shown = {re.sub(r"_(total|bucket|sum|count|created)$", "", name) for name in used}
    assert families <= shown, sorted(families - shown)


def test_the_prometheus_configuration_loads_the_rules_and_scrapes_the_jobs_they_name():
    config = yaml.safe_load((MONITORING / "prometheus.yml").read_text())
    assert config["rule_files"] == ["alerts.yml"]
    jobs = {job["job_name"] for job in config["scrape_configs"]}
    assert jobs == {"chancery-gateway", "chancery-services"}


@pytest.mark.parametrize("overlay", ["overlays/small", "overlays/production", "overlays/autoscaling",
                                     "examples/holding"])
def test_the_kubernetes_overlays_carry_the_rules_and_the_dashboard(overlay):
    spec = importlib.util.spec_from_file_location("kustomize_subset", HERE / "kustomize_subset.py")
    kustomize = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kustomize)
    maps = {r["metadata"]["name"]: r for r in kustomize.render(MONITORING.parent / "kubernetes" / overlay)
            if r["kind"] == "ConfigMap"}
    assert maps["chancery-prometheus-rules"]["data"] == {"alerts.yml": (MONITORING / "alerts.yml").read_text()}
    dashboard = maps["chancery-grafana-dashboard"]
    assert json.loads(dashboard["data"]["chancery.json"]) == json.loads(
        (MONITORING / "grafana-dashboard.json").read_text())
    assert dashboard["metadata"]["labels"]["grafana_dashboard"] == "1"
    assert dashboard["metadata"]["namespace"] == "chancery"
