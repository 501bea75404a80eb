"""Consistency checks of the Kubernetes manifests, the compose stack and the Dockerfile.

These are the mistakes that parse fine and fail only in a cluster: a Service selecting no pod, a probe on a port
name that does not exist, a grace period shorter than the drain, a PrometheusRule that drifted from the rules
promtool tested.
"""
import os
import re
import shutil

import yaml

K8S = "k8s"
PROMETHEUSRULE = os.path.join(K8S, "prometheusrule.yaml")
RULE_FILES = ["prometheus/rules/circgate-opening-hours.yaml", "prometheus/rules/circgate-alerts.yaml"]
REQUIRED_PORTS = {"sip2": 6001, "ncip": 8080, "admin": 9090}
ENV_PORTS = {"sip2": "CIRCGATE_SIP2_PORT", "ncip": "CIRCGATE_NCIP_PORT", "admin": "CIRCGATE_ADMIN_PORT"}


class _LiteralDumper(yaml.SafeDumper):
    pass


def _str_representer(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_LiteralDumper.add_representer(str, _str_representer)


def rule_groups(deploy):
    groups = []
    for rel in RULE_FILES:
        with open(os.path.join(deploy, rel), encoding="utf-8") as f:
            groups.extend(yaml.safe_load(f)["groups"])
    return groups


def render_prometheusrule(deploy):
    """The PrometheusRule for the Prometheus Operator, generated from the promtool-tested rule files."""
    doc = {
        "apiVersion": "monitoring.coreos.com/v1",
        "kind": "PrometheusRule",
        "metadata": {"name": "circgate", "labels": {"app.kubernetes.io/name": "circgate"}},
        "spec": {"groups": rule_groups(deploy)},
    }
    header = ("# GENERATED from %s by `python3 deploy/tools/deploylint.py --write-prometheusrule`; do not edit.\n"
              "# deploy/check.sh fails when this file and the rule files differ. If your Prometheus selects\n"
              "# PrometheusRules by a label (e.g. release: kube-prometheus-stack), add it in kustomization.yaml.\n"
              % ", ".join(RULE_FILES))
    return header + yaml.dump(doc, Dumper=_LiteralDumper, sort_keys=False, width=120, allow_unicode=True)


def _docs_by_kind(parsed, findings):
    by_kind = {}
    for rel, docs in parsed.items():
        if not rel.startswith(K8S + os.sep) or rel.endswith("kustomization.yaml"):
            continue
        for doc in docs:
            if not isinstance(doc, dict) or not all(k in doc for k in ("apiVersion", "kind", "metadata")) \
                    or not doc["metadata"].get("name"):
                findings.add(rel, "every document needs apiVersion, kind and metadata.name")
                continue
            by_kind.setdefault(doc["kind"], []).append((rel, doc))
    return by_kind


def _one(by_kind, kind, findings):
    docs = by_kind.get(kind, [])
    if len(docs) != 1:
        findings.add(K8S, "expected exactly one %s, found %d" % (kind, len(docs)))
        return None, None
    return docs[0]


def _selects(selector, labels):
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


def check_kubernetes(deploy, parsed, findings):
    kust = parsed.get(os.path.join(K8S, "kustomization.yaml"), [None])[0]
    if not kust:
        findings.add(K8S, "kustomization.yaml missing")
        return
    listed = set(kust.get("resources", []))
    present = {os.path.basename(r) for r in parsed if r.startswith(K8S + os.sep)} - {"kustomization.yaml"}
    for missing in sorted(listed - present):
        findings.add("k8s/kustomization.yaml", "lists %s, which does not exist" % missing)
    for unlisted in sorted(present - listed):
        findings.add("k8s/kustomization.yaml", "does not list %s" % unlisted)

    by_kind = _docs_by_kind(parsed, findings)
    _, deployment = _one(by_kind, "Deployment", findings)
    _, config = _one(by_kind, "ConfigMap", findings)
    _, secret = _one(by_kind, "Secret", findings)
    if not (deployment and config and secret):
        return
    data = config.get("data", {})
    if data.get("CIRCGATE_BIND_ADDRESS") != "0.0.0.0":
        findings.add("configmap", "CIRCGATE_BIND_ADDRESS must be 0.0.0.0 (circgate's default 127.0.0.1 is "
                                  "unreachable from other pods)")
    pod = deployment["spec"]["template"]
    pod_labels = pod["metadata"]["labels"]
    if not _selects(deployment["spec"]["selector"]["matchLabels"], pod_labels):
        findings.add("deployment", "selector does not match the pod template labels")
    container = pod["spec"]["containers"][0]
    ports = {p["name"]: p["containerPort"] for p in container.get("ports", [])}
    for name, number in REQUIRED_PORTS.items():
        if ports.get(name) != number:
            findings.add("deployment", "container port %s should be %d" % (name, number))
        if str(ports.get(name)) != str(data.get(ENV_PORTS[name])):
            findings.add("configmap", "%s=%s but the container port %s is %s"
                         % (ENV_PORTS[name], data.get(ENV_PORTS[name]), name, ports.get(name)))
    probes = {k: container.get(k, {}).get("httpGet", {}) for k in ("startupProbe", "livenessProbe",
                                                                     "readinessProbe")}
    for kind, expected in (("startupProbe", "/health/live"), ("livenessProbe", "/health/live"),
                           ("readinessProbe", "/health/ready")):
        if probes[kind].get("path") != expected or probes[kind].get("port") != "admin":
            findings.add("deployment", "%s must GET %s on port admin" % (kind, expected))
    pre_stop = container.get("lifecycle", {}).get("preStop", {})
    sleep = pre_stop.get("sleep", {}).get("seconds")
    command = pre_stop.get("exec", {}).get("command", [])
    if sleep is None and len(command) == 2 and command[0] == "sleep":
        sleep = int(command[1])
    if sleep is None:
        findings.add("deployment", "needs a preStop pause (sleep) so load balancers stop routing first")
        sleep = 0
    drain = int(data.get("CIRCGATE_SHUTDOWN_TIMEOUT_SECONDS", 25))
    grace = pod["spec"].get("terminationGracePeriodSeconds", 30)
    if grace <= sleep + drain:
        findings.add("deployment", "terminationGracePeriodSeconds %d must exceed preStop %ds + drain bound %ds"
                     % (grace, sleep, drain))
    resources = container.get("resources", {})
    if not resources.get("requests", {}).get("memory") or not resources.get("limits", {}).get("memory"):
        findings.add("deployment", "memory request and limit are required (the heap is sized from the limit)")
    if not pod["spec"].get("securityContext", {}).get("runAsNonRoot"):
        findings.add("deployment", "pod must run as non-root")
    secret_keys = set(secret.get("stringData", {})) | set(secret.get("data", {}))
    for env in container.get("env", []):
        ref = env.get("valueFrom", {}).get("secretKeyRef")
        if ref and (ref["name"] != secret["metadata"]["name"] or ref["key"] not in secret_keys):
            findings.add("deployment", "env %s refers to a missing secret key %s/%s"
                         % (env["name"], ref["name"], ref["key"]))

    services = {doc["metadata"]["name"]: doc for _, doc in by_kind.get("Service", [])}
    for name, svc in services.items():
        if not _selects(svc["spec"].get("selector"), pod_labels):
            findings.add("service " + name, "selector matches no circgate pod")
        for p in svc["spec"].get("ports", []):
            if p.get("targetPort") not in ports:
                findings.add("service " + name, "targetPort %s is not a container port name" % p.get("targetPort"))
    for port_name in REQUIRED_PORTS:
        if not any(p.get("targetPort") == port_name for s in services.values() for p in s["spec"]["ports"]):
            findings.add(K8S, "no Service exposes the %s port" % port_name)

    _, pdb = _one(by_kind, "PodDisruptionBudget", findings)
    if pdb and not _selects(pdb["spec"]["selector"]["matchLabels"], pod_labels):
        findings.add("pdb", "selector matches no circgate pod")

    _, monitor = _one(by_kind, "ServiceMonitor", findings)
    if monitor:
        selected = [s for s in services.values()
                    if _selects(monitor["spec"]["selector"]["matchLabels"], s["metadata"].get("labels", {}))]
        if len(selected) != 1:
            findings.add("servicemonitor", "must select exactly one Service, selects %d" % len(selected))
        else:
            svc = selected[0]
            endpoint = monitor["spec"]["endpoints"][0]
            if endpoint.get("port") not in {p["name"] for p in svc["spec"]["ports"]}:
                findings.add("servicemonitor", "endpoint port %s is not a port of %s"
                             % (endpoint.get("port"), svc["metadata"]["name"]))
            if endpoint.get("path") != "/metrics":
                findings.add("servicemonitor", "endpoint path must be /metrics")
            job = svc["metadata"].get("labels", {}).get(monitor["spec"].get("jobLabel", ""))
            if job != "circgate":
                findings.add("servicemonitor", 'jobLabel must give job="circgate" (the rules select it), gives %r'
                             % job)

    _, mariadb = _one(by_kind, "MariaDB", findings)
    url = data.get("CIRCGATE_DB_URL", "")
    if not url.startswith("jdbc:mariadb:sequential://"):
        findings.add("configmap", "CIRCGATE_DB_URL must use jdbc:mariadb:sequential: for the Galera cluster")
    if mariadb:
        name, replicas = mariadb["metadata"]["name"], mariadb["spec"].get("replicas", 1)
        if not mariadb["spec"].get("galera", {}).get("enabled"):
            findings.add("mariadb-galera", "galera.enabled must be true")
        hosts = re.sub(r"^jdbc:mariadb:sequential://", "", url).split("/", 1)[0].split(",")
        expected = ["%s-%d.%s-internal:3306" % (name, i, name) for i in range(replicas)]
        if hosts != expected:
            findings.add("configmap", "CIRCGATE_DB_URL hosts %s should be the Galera nodes in order: %s"
                         % (hosts, expected))
        if mariadb["spec"]["rootPasswordSecretKeyRef"]["key"] not in secret_keys:
            findings.add("mariadb-galera", "root password key missing from the Secret")

    _, rule = _one(by_kind, "PrometheusRule", findings)
    if rule is not None and rule["spec"]["groups"] != rule_groups(deploy):
        findings.add(PROMETHEUSRULE, "differs from the rule files; regenerate with "
                                     "python3 deploy/tools/deploylint.py --write-prometheusrule")


def check_compose(deploy, parsed, out_dir, findings):
    rel = os.path.join("compose", "docker-compose.yml")
    compose = parsed.get(rel, [None])[0]
    if not compose:
        findings.add(rel, "missing")
        return
    compose_dir = os.path.join(deploy, "compose")
    services = compose.get("services", {})
    for name in ("circgate", "mariadb", "prometheus", "grafana"):
        if name not in services:
            findings.add(rel, "service %s missing" % name)
    for name, svc in services.items():
        for volume in svc.get("volumes", []):
            source = volume.split(":", 1)[0]
            if source.startswith((".", "/")) and not os.path.exists(os.path.join(compose_dir, source)):
                findings.add(rel, "%s mounts %s, which does not exist" % (name, source))
    circgate = services.get("circgate", {})
    build = circgate.get("build", {})
    if not os.path.isfile(os.path.join(compose_dir, build.get("context", "."), build.get("dockerfile", ""))):
        findings.add(rel, "circgate build.dockerfile does not exist relative to build.context")
    env = circgate.get("environment", {})
    drain = int(env.get("CIRCGATE_SHUTDOWN_TIMEOUT_SECONDS", 25))
    grace = circgate.get("stop_grace_period", "10s")
    if not re.fullmatch(r"\d+s", grace) or int(grace[:-1]) <= drain:
        findings.add(rel, "circgate stop_grace_period %s must exceed the drain bound %ds" % (grace, drain))

    prom_rel = os.path.join("compose", "prometheus", "prometheus.yml")
    prom = parsed.get(prom_rel, [None])[0]
    if prom:
        jobs = {j["job_name"]: j for j in prom.get("scrape_configs", [])}
        targets = [t for sc in jobs.get("circgate", {}).get("static_configs", []) for t in sc["targets"]]
        if targets != ["circgate:%s" % env.get("CIRCGATE_ADMIN_PORT", "9090")]:
            findings.add(prom_rel, "job circgate must scrape circgate's admin port, scrapes %s" % targets)
        # Stage the config as the container sees it (/etc/prometheus + rules/) for promtool check config.
        staged = os.path.join(out_dir, "prometheus")
        shutil.rmtree(staged, ignore_errors=True)
        shutil.copytree(os.path.join(deploy, "prometheus", "rules"), os.path.join(staged, "rules"))
        shutil.copy(os.path.join(deploy, prom_rel), os.path.join(staged, "prometheus.yml"))

    provider = parsed.get(os.path.join("compose", "grafana", "provisioning", "dashboards", "circgate.yaml"),
                          [None])[0]
    mounted = [v for v in services.get("grafana", {}).get("volumes", []) if v.startswith("../grafana:")]
    if not provider or not mounted or \
            provider["providers"][0]["options"]["path"] != mounted[0].split(":")[1]:
        findings.add(rel, "Grafana's dashboard provider path must be where ../grafana is mounted")


def check_dockerfile(deploy, findings):
    rel = os.path.join("docker", "Dockerfile")
    with open(os.path.join(deploy, rel), encoding="utf-8") as f:
        text = f.read()
    stages = re.findall(r"^FROM\s+(\S+)", text, re.M)
    if len(stages) < 2:
        findings.add(rel, "must be a multi-stage build")
    expose = re.search(r"^EXPOSE\s+(.*)$", text, re.M)
    if not expose or set(expose.group(1).split()) != {str(p) for p in REQUIRED_PORTS.values()}:
        findings.add(rel, "EXPOSE must list %s" % sorted(REQUIRED_PORTS.values()))
    user = re.findall(r"^USER\s+(\S+)", text, re.M)
    if not user or user[-1].split(":")[0] in ("root", "0"):
        findings.add(rel, "the runtime stage must switch to a non-root USER")
    if not re.search(r"^HEALTHCHECK\b.*\n?.*/health/(live|ready)", text, re.M):
        findings.add(rel, "HEALTHCHECK must call /health/live or /health/ready")
    if not re.search(r"^STOPSIGNAL\s+SIGTERM", text, re.M):
        findings.add(rel, "STOPSIGNAL SIGTERM missing")
    if "CIRCGATE_BIND_ADDRESS=0.0.0.0" not in text:
        findings.add(rel, "must set CIRCGATE_BIND_ADDRESS=0.0.0.0 (the default 127.0.0.1 is unreachable from outside "
                          "the container)")
    if "server/target/circgate.jar" not in text:
        findings.add(rel, "must package server/target/circgate.jar")


def check(deploy, parsed, out_dir, findings):
    check_kubernetes(deploy, parsed, findings)
    check_compose(deploy, parsed, out_dir, findings)
    check_dockerfile(deploy, findings)
