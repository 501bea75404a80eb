#!/usr/bin/env bash
# End-to-end check of the dashboard against a real server: starts circgate (embedded MariaDB, demo library) and a real
# Prometheus (Debian's package) on 127.0.0.1 in a temporary directory, drives real SIP2 and NCIP traffic including
# failures, lets Prometheus scrape circgate's admin port every second, and asserts through Prometheus's HTTP API that
# every query of deploy/grafana/circgate-dashboard.json returns data and that no series carries private labels.
#
# Usage: deploy/prometheus-e2e.sh [--jar PATH] [--keep]
#   --jar PATH   the circgate fat jar (default: server/target/circgate.jar, built with Maven when missing)
#   --keep       keep the temporary directory (logs, Prometheus data) for inspection
# Needs java (a JDK: jcmd forces one garbage collection so the GC panel has data), python3 and prometheus; as root
# on Debian it installs the prometheus package when missing (the service is not used: systemd is stopped for it if
# it started one). Exit status 0 when every check passed. Takes about 40 s, most of it circgate's first start.
set -uo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$DEPLOY_DIR")"
JAR="$ROOT/server/target/circgate.jar"
KEEP=false
TRAFFIC_SECONDS="${E2E_TRAFFIC_SECONDS:-6}"
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) JAR="$2"; shift 2 ;;
    --keep) KEEP=true; shift ;;
    *) echo "usage: $0 [--jar PATH] [--keep]" >&2; exit 2 ;;
  esac
done

export PYTHONDONTWRITEBYTECODE=1
WORK="$(mktemp -d "${TMPDIR:-/tmp}/circgate-e2e.XXXXXX")"
CIRCGATE_PID=""
PROMETHEUS_PID=""
started=$(date +%s)

log() { echo "prometheus-e2e: $*"; }

cleanup() {
  if [ -n "$PROMETHEUS_PID" ] && kill -0 "$PROMETHEUS_PID" 2>/dev/null; then
    kill "$PROMETHEUS_PID" 2>/dev/null; wait "$PROMETHEUS_PID" 2>/dev/null
  fi
  if [ -n "$CIRCGATE_PID" ] && kill -0 "$CIRCGATE_PID" 2>/dev/null; then
    kill -TERM "$CIRCGATE_PID" 2>/dev/null
    for _ in $(seq 1 300); do kill -0 "$CIRCGATE_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$CIRCGATE_PID" 2>/dev/null
  fi
  if $KEEP; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT   # run the clean-up when the caller gives up on us

fail() {
  log "FAILED: $*"
  for f in circgate.log prometheus.log; do
    if [ -f "$WORK/$f" ]; then echo "--- last lines of $f"; tail -n 40 "$WORK/$f"; fi
  done
  exit 1
}

# --- tools -----------------------------------------------------------------------------------------------------------
command -v java >/dev/null 2>&1 || fail "java not found"
PYTHON=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import yaml, json' 2>/dev/null; then
    PYTHON="$candidate"; break
  fi
done
if [ -z "$PYTHON" ] || ! command -v prometheus >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || fail "prometheus or python3-yaml missing and not running as root: apt-get install -y prometheus python3-yaml"
  log "installing Debian packages: prometheus python3-yaml"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends prometheus python3 python3-yaml >/dev/null \
    || fail "apt-get install prometheus failed"
  # On a machine with systemd the package starts its own service on :9090; this check runs its own instance.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet prometheus 2>/dev/null; then
    systemctl stop prometheus || true
    systemctl disable --quiet prometheus || true
  fi
  [ -n "$PYTHON" ] || PYTHON=/usr/bin/python3
fi
JCMD="$(dirname "$(readlink -f "$(command -v java)")")/jcmd"
[ -x "$JCMD" ] || JCMD="$(command -v jcmd || true)"

if [ ! -f "$JAR" ]; then
  log "building $JAR"
  (cd "$ROOT" && mvn -B -q -pl server -am package -DskipTests) || fail "build failed"
fi
log "$(prometheus --version 2>&1 | head -n 1); $("$PYTHON" --version 2>&1); java $(java -version 2>&1 | head -n 1)"

# --- circgate --------------------------------------------------------------------------------------------------------
log "starting circgate (embedded MariaDB, demo library) in $WORK"
(
  cd "$WORK" || exit 1
  for v in $(env | grep -o '^CIRCGATE_[A-Z0-9_]*'); do unset "$v"; done
  export CIRCGATE_DATA_DIR="$WORK/data" CIRCGATE_BIND_ADDRESS=127.0.0.1 CIRCGATE_SIP2_PORT=0 CIRCGATE_NCIP_PORT=0 \
    CIRCGATE_ADMIN_PORT=0 CIRCGATE_SHUTDOWN_TIMEOUT_SECONDS=10
  exec java -Xmx512m -jar "$JAR" >"$WORK/circgate.log" 2>&1
) &
CIRCGATE_PID=$!
READY=""
for _ in $(seq 1 1800); do
  READY="$(grep -m1 ' ready: SIP2 on ' "$WORK/circgate.log" 2>/dev/null || true)"
  [ -n "$READY" ] && break
  kill -0 "$CIRCGATE_PID" 2>/dev/null || fail "circgate exited during start-up"
  sleep 0.1
done
[ -n "$READY" ] || fail "circgate not ready within 180 s"
SIP2="$(sed -n 's/.* ready: SIP2 on \([0-9.]*:[0-9]*\).*/\1/p' <<<"$READY")"
NCIP="$(sed -n 's/.*, NCIP on \([0-9.]*:[0-9]*\),.*/\1/p' <<<"$READY")"
ADMIN="$(sed -n 's|.*admin on http://\([0-9.]*:[0-9]*\)/.*|\1|p' <<<"$READY")"
NCIP_KEY="$(sed -n "s/.*Demo NCIP agency 'DEMO-ILL', API key '\([^']*\)'.*/\1/p" "$WORK/circgate.log" | head -n 1)"
[ -n "$SIP2" ] && [ -n "$ADMIN" ] || fail "cannot read the listener addresses from: $READY"
# NCIP is part of the dashboard; a build without the NCIP listener cannot pass this check.
[ -n "$NCIP" ] || fail "circgate announced no NCIP listener: $READY"
[ -n "$NCIP_KEY" ] || fail "circgate did not announce the demo NCIP agency's API key"
log "circgate ready after $(( $(date +%s) - started )) s: SIP2 $SIP2, NCIP $NCIP, admin $ADMIN"

# --- Prometheus ------------------------------------------------------------------------------------------------------
PROM_PORT="$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cat >"$WORK/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: circgate
    scrape_interval: 1s
    scrape_timeout: 1s
    static_configs:
      - targets: ["$ADMIN"]
EOF
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/prometheus-data" \
  --web.listen-address="127.0.0.1:$PROM_PORT" >"$WORK/prometheus.log" 2>&1 &
PROMETHEUS_PID=$!
PROM="http://127.0.0.1:$PROM_PORT"
up_query() {
  "$PYTHON" - "$PROM" <<'EOF'
import json, sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1] + '/api/v1/query?query=up%7Bjob%3D%22circgate%22%7D', timeout=2) as r:
        result = json.load(r)["data"]["result"]
    sys.exit(0 if result and result[0]["value"][1] == "1" else 1)
except Exception:
    sys.exit(1)
EOF
}
for _ in $(seq 1 300); do
  up_query && break
  kill -0 "$PROMETHEUS_PID" 2>/dev/null || fail "prometheus exited"
  sleep 0.1
done
up_query || fail "Prometheus does not see circgate up within 30 s"
log "Prometheus on $PROM scrapes $ADMIN every second"

# --- traffic, one forced GC, scrapes ----------------------------------------------------------------------------------
"$PYTHON" "$DEPLOY_DIR/tools/e2e.py" traffic --sip2 "$SIP2" --ncip "$NCIP" --ncip-key "$NCIP_KEY" \
  --seconds "$TRAFFIC_SECONDS" || fail "traffic"
# The GC pause panel needs a collection inside the query window; request one instead of hoping for it.
if [ -x "$JCMD" ]; then
  "$JCMD" "$CIRCGATE_PID" GC.run >/dev/null 2>&1 || log "jcmd GC.run failed; relying on collections during the run"
else
  log "no jcmd (JRE only): relying on collections during the run for the GC panel"
fi
sleep 3   # three more scrapes: the last requests and the collection are in Prometheus

# --- the assertions --------------------------------------------------------------------------------------------------
"$PYTHON" "$DEPLOY_DIR/tools/e2e.py" check --prometheus "$PROM" || fail "dashboard queries"

# --- SIGTERM: circgate stops within its bound ------------------------------------------------------------------------
stop_started=$(date +%s)
kill -TERM "$CIRCGATE_PID"
for _ in $(seq 1 250); do kill -0 "$CIRCGATE_PID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$CIRCGATE_PID" 2>/dev/null && fail "circgate did not stop within 25 s of SIGTERM"
wait "$CIRCGATE_PID" 2>/dev/null
CIRCGATE_PID=""
log "circgate stopped $(( $(date +%s) - stop_started )) s after SIGTERM"
log "PASSED in $(( $(date +%s) - started )) s"
