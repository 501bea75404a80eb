#!/usr/bin/env python3
"""Offline checks of deploy/ that promtool alone cannot do; called by deploy/check.sh.

- every YAML and JSON file under deploy/ parses;
- the dashboard is well formed and uses only variables it defines;
- every alert has summary, description, runbook, a severity, and unit tests where it fires and stays quiet;
- every metric, label matcher and grouping label in the dashboard and the alert rules exists in the metrics
  contract (docs/metrics.md), so a typo that is valid PromQL but would return nothing is caught;
- writes, for promtool, a rules file holding every dashboard query as a recording rule (syntax check) and a unit
  test that evaluates every dashboard query on contract-shaped data (fixture.py) and expects at least one series;
- Kubernetes and compose files agree with each other (see manifests.py).

Usage: deploylint.py OUT_DIR   (OUT_DIR receives the generated files; exit status 1 on any finding)
       deploylint.py --write-prometheusrule   (regenerate k8s/prometheusrule.yaml from the rule files)
"""
import json
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import contract  # noqa: E402
import fixture  # noqa: E402
import manifests  # noqa: E402
import promql  # noqa: E402

DEPLOY = os.path.dirname(HERE)
CONTRACT = os.path.join(os.path.dirname(DEPLOY), "docs", "metrics.md")
DASHBOARD = os.path.join(DEPLOY, "grafana", "circgate-dashboard.json")
RULES_DIR = os.path.join(DEPLOY, "prometheus", "rules")
EVAL_TIME = "55m"


class Findings:
    def __init__(self):
        self.items = []

    def add(self, where, what):
        self.items.append("%s: %s" % (where, what))


def parse_everything(findings):
    """Every YAML/JSON file under deploy/ must parse; returns {relative path: [documents]}."""
    parsed = {}
    for root, dirs, files in os.walk(DEPLOY):
        dirs[:] = [d for d in dirs if d not in ("__pycache__", ".git")]
        for name in sorted(files):
            path = os.path.join(root, name)
            rel = os.path.relpath(path, DEPLOY)
            try:
                with open(path, encoding="utf-8") as f:
                    if name.endswith((".yaml", ".yml")):
                        parsed[rel] = [d for d in yaml.safe_load_all(f) if d is not None]
                    elif name.endswith(".json"):
                        parsed[rel] = [json.load(f)]
            except (yaml.YAMLError, json.JSONDecodeError, UnicodeDecodeError) as e:
                findings.add(rel, "does not parse: %s" % str(e).replace("\n", " "))
    return parsed


def all_panels(panels):
    for p in panels:
        yield p
        yield from all_panels(p.get("panels", []))


def dashboard_queries(dash, findings):
    """[(label, expression with Grafana variables substituted)] for every panel target and query variable."""
    defined = {v["name"] for v in dash.get("templating", {}).get("list", [])}
    values = dict(promql.GRAFANA_VARIABLES)
    unknown_vars = defined - set(values) - {"datasource"}
    if unknown_vars:
        findings.add("dashboard", "variables without a check value in promql.GRAFANA_VARIABLES: %s"
                     % sorted(unknown_vars))
    queries = []
    ids = set()
    for p in all_panels(dash.get("panels", [])):
        where = 'panel %s "%s"' % (p.get("id"), p.get("title"))
        if p.get("id") in ids:
            findings.add(where, "duplicate panel id")
        ids.add(p.get("id"))
        grid = p.get("gridPos", {})
        if grid.get("x", 0) + grid.get("w", 0) > 24:
            findings.add(where, "wider than the 24-column grid")
        if p.get("type") == "row":
            continue
        if not p.get("targets"):
            findings.add(where, "has no query")
        for t in p.get("targets", []):
            expr = t.get("expr", "")
            if not expr.strip():
                findings.add(where, "target %s has no expr" % t.get("refId"))
                continue
            if t.get("datasource", {}).get("uid") != "${datasource}":
                findings.add(where, "target %s does not use the $datasource variable" % t.get("refId"))
            try:
                queries.append(("%s query %s" % (where, t.get("refId")),
                                promql.substitute_grafana_variables(expr, values)))
            except ValueError as e:
                findings.add(where, str(e))
    for v in dash.get("templating", {}).get("list", []):
        if v.get("type") != "query":
            continue
        q = v.get("query")
        q = q.get("query", "") if isinstance(q, dict) else (q or "")
        inner = q
        for fn in ("label_values(", "query_result("):
            if q.startswith(fn) and q.endswith(")"):
                inner = q[len(fn):-1]
                if fn == "label_values(" and "," in inner:
                    inner = inner.rsplit(",", 1)[0]
        try:
            queries.append(('variable "%s"' % v["name"], promql.substitute_grafana_variables(inner, values)))
        except ValueError as e:
            findings.add('variable "%s"' % v["name"], str(e))
    return queries


def rule_expressions(findings):
    exprs, recorded = [], set()
    for name in sorted(os.listdir(RULES_DIR)):
        if not name.endswith((".yaml", ".yml")):
            continue
        with open(os.path.join(RULES_DIR, name), encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        for group in doc.get("groups", []):
            for rule in group.get("rules", []):
                label = "%s %s" % (name, rule.get("alert") or rule.get("record"))
                exprs.append((label, rule["expr"]))
                if "record" in rule:
                    recorded.add(rule["record"])
                if "alert" in rule:
                    ann = rule.get("annotations", {})
                    for key in ("summary", "description", "runbook"):
                        if not str(ann.get(key, "")).strip():
                            findings.add(label, "alert has no %s annotation" % key)
                    if rule.get("labels", {}).get("severity") not in ("critical", "warning"):
                        findings.add(label, "severity must be critical or warning")
    return exprs, recorded


def check_alert_tests(rules, findings):
    """Every alert needs a unit test where it fires and one where it stays quiet."""
    fires, quiet = set(), set()
    tests_dir = os.path.join(DEPLOY, "prometheus", "tests")
    for name in sorted(os.listdir(tests_dir)):
        if not name.endswith("-test.yaml"):
            continue
        with open(os.path.join(tests_dir, name), encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        for test in doc.get("tests", []):
            for case in test.get("alert_rule_test", []):
                (fires if case.get("exp_alerts") else quiet).add(case["alertname"])
    for label, _ in rules:
        alert = label.split(" ", 1)[1]
        if label.startswith("circgate-alerts") and alert not in fires:
            findings.add(label, "no unit test in prometheus/tests expects it to fire")
        if label.startswith("circgate-alerts") and alert not in quiet:
            findings.add(label, "no unit test in prometheus/tests expects it to stay quiet")


def lint_against_contract(label, expr, families, recorded, findings):
    names = promql.metric_names(expr)
    used_labels = set(contract.TARGET_LABELS)
    free = False
    for name in names:
        if name == "up" or name in recorded:
            continue
        fam = contract.family_of(families, name)
        if fam is None:
            findings.add(label, "metric %s is not in the metrics contract" % name)
            continue
        if fam.any_labels:
            free = True
        used_labels |= fam.allowed_labels(name)
    for name, matchers in promql.selectors(expr):
        fam = contract.family_of(families, name) if name else None
        if fam is None or fam.any_labels:
            continue
        allowed = fam.allowed_labels(name)
        for key, op, value in matchers:
            if key in contract.TARGET_LABELS or key == "__name__":
                continue
            if key not in allowed:
                findings.add(label, "%s has no label %s in the contract" % (name, key))
                continue
            permitted = fam.labels.get(key)
            if not permitted:
                continue
            candidates = [value] if op in ("=", "!=") else promql.regex_alternatives(value)
            for c in candidates or []:
                if c not in permitted:
                    findings.add(label, '%s{%s%s"%s"}: value %s is not one the contract lists for %s'
                                 % (name, key, op, value, c, key))
    if not free:
        for g in promql.grouping_labels(expr):
            if g not in used_labels:
                findings.add(label, "groups or matches by label %s, which none of its metrics has" % g)


def write_promtool_inputs(out_dir, queries):
    """Dashboard queries as recording rules (syntax) and as a data test on the contract fixture."""
    rules = {"groups": [{"name": "dashboard-queries", "rules": [
        {"record": "dashboard:query_%d" % i, "expr": "# %s\n%s" % (label, expr)}
        for i, (label, expr) in enumerate(queries)]}]}
    with open(os.path.join(out_dir, "dashboard-queries.yaml"), "w", encoding="utf-8") as f:
        yaml.safe_dump(rules, f, sort_keys=False, width=1000)
    tests = {
        "rule_files": ["dashboard-queries.yaml"],
        "evaluation_interval": "1m",
        "tests": [{
            "name": "every dashboard query returns at least one non-NaN series on contract-shaped data",
            "interval": "1m",
            "input_series": fixture.series(),
            "promql_expr_test": [
                {"expr": "# %s\ncount((%s) == (%s)) > bool 0" % (label, expr, expr),
                 "eval_time": EVAL_TIME, "exp_samples": [{"labels": "{}", "value": 1}]}
                for label, expr in queries],
        }],
    }
    with open(os.path.join(out_dir, "dashboard-data-test.yaml"), "w", encoding="utf-8") as f:
        yaml.safe_dump(tests, f, sort_keys=False, width=1000)


def main(argv):
    if argv[1:] == ["--write-prometheusrule"]:
        with open(os.path.join(DEPLOY, manifests.PROMETHEUSRULE), "w", encoding="utf-8") as f:
            f.write(manifests.render_prometheusrule(DEPLOY))
        return 0
    if len(argv) != 2 or argv[1].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    out_dir = argv[1]
    os.makedirs(out_dir, exist_ok=True)
    findings = Findings()
    parsed = parse_everything(findings)
    families = contract.load(CONTRACT)

    dash = parsed.get(os.path.relpath(DASHBOARD, DEPLOY), [None])[0]
    queries = dashboard_queries(dash, findings) if dash else []
    if not dash:
        findings.add("dashboard", "missing or unparsable")
    rules, recorded = rule_expressions(findings)
    check_alert_tests(rules, findings)
    for label, expr in queries + rules:
        lint_against_contract(label, expr, families, recorded, findings)
    for s in fixture.series():
        lint_against_contract("fixture", s["series"], families, recorded, findings)
    write_promtool_inputs(out_dir, queries)

    manifests.check(DEPLOY, parsed, out_dir, findings)

    for item in findings.items:
        print("FAIL " + item)
    print("deploylint: %d dashboard queries, %d rule expressions, %d files parsed, %d findings"
          % (len(queries), len(rules), len(parsed), len(findings.items)))
    return 1 if findings.items else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
