#!/usr/bin/env bash
# Checks everything in deploy/ offline, in well under a minute once promtool is installed:
#   - promtool check rules / test rules on the alert rules and their unit tests;
#   - every YAML and JSON file parses; dashboard and rules use only names and labels of docs/metrics.md;
#   - every dashboard query is valid PromQL (promtool check rules on a generated recording-rule file) and returns
#     data on contract-shaped series (promtool test rules on a generated test);
#   - the compose prometheus.yml passes promtool check config with the rules mounted as in compose;
#   - Kubernetes and compose files agree with each other (ports, selectors, grace period > drain bound, ...).
# Installs Debian's prometheus (for promtool) and python3-yaml when missing and running as root.
# Exit status: 0 when every check passed, 1 otherwise; each failure is printed.
set -uo pipefail

export PYTHONDONTWRITEBYTECODE=1   # keep the checkout clean
DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/circgate-deploy-check.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "check.sh: $* missing and not running as root; install it: apt-get install -y $*" >&2
    return 1
  fi
  echo "check.sh: installing $* (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  # Installing prometheus would start the service on a machine with systemd; the check only needs promtool.
  apt-get update -qq >/dev/null &&
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v promtool >/dev/null 2>&1; then
  apt_install prometheus || exit 1
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet prometheus 2>/dev/null; then
    systemctl stop prometheus || true
    systemctl disable --quiet prometheus || true
  fi
fi

# Any python3 with PyYAML will do; Debian's /usr/bin/python3 gets python3-yaml if needed.
PYTHON=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import yaml, json' 2>/dev/null; then
    PYTHON="$candidate"
    break
  fi
done
if [ -z "$PYTHON" ]; then
  apt_install python3 python3-yaml || exit 1
  PYTHON=/usr/bin/python3
fi

passed=0
failed=0
failures=()

step() {
  local name="$1"
  shift
  local log="$WORK/step.log"
  if "$@" >"$log" 2>&1; then
    passed=$((passed + 1))
    echo "PASS  $name"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "FAIL  $name"
    sed 's/^/      /' "$log"
  fi
}

echo "promtool: $(promtool --version 2>&1 | head -n 1)"
echo "python:   $("$PYTHON" --version 2>&1) ($PYTHON)"

cd "$DEPLOY_DIR" || exit 1
step "promtool check rules (alert rules)" promtool check rules prometheus/rules/*.yaml
step "promtool test rules (alert unit tests)" promtool test rules prometheus/tests/*-test.yaml
step "files parse; dashboard and rules match the metrics contract; manifests agree" \
  "$PYTHON" tools/deploylint.py "$WORK/generated"
if [ -f "$WORK/generated/dashboard-queries.yaml" ]; then
  step "promtool accepts every dashboard query" promtool check rules "$WORK/generated/dashboard-queries.yaml"
  step "every dashboard query returns data on contract-shaped series" \
    promtool test rules "$WORK/generated/dashboard-data-test.yaml"
else
  failed=$((failed + 1))
  failures+=("dashboard queries were not generated")
fi
if [ -f "$WORK/generated/prometheus/prometheus.yml" ]; then
  step "promtool check config (compose prometheus.yml with the rules)" \
    promtool check config "$WORK/generated/prometheus/prometheus.yml"
else
  failed=$((failed + 1))
  failures+=("compose prometheus.yml was not staged for promtool check config")
fi

# The examples are checked with the real programs when they are installed (not installed by this script).
check_haproxy_example() {
  local dir="$WORK/haproxy"
  mkdir -p "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$dir/key.pem" -out "$dir/cert.pem" -days 1 \
    -subj /CN=check >/dev/null 2>&1 || return 1
  cat "$dir/cert.pem" "$dir/key.pem" >"$dir/ncip.pem"
  sed "s|/etc/haproxy/certs/ncip.library.example.org.pem|$dir/ncip.pem|" examples/haproxy/haproxy.cfg >"$dir/haproxy.cfg"
  haproxy -c -q -f "$dir/haproxy.cfg"
}
check_stunnel_example() {
  local dir="$WORK/stunnel" f out
  mkdir -p "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$dir/key.pem" -out "$dir/cert.pem" -days 1 \
    -subj /CN=check >/dev/null 2>&1 || return 1
  for f in kiosk-client server-side; do
    # Loopback ports and test certificates; stunnel reads the configuration and stays up until timeout ends it.
    { echo "foreground = yes"; echo "pid ="
      sed -e "s|/etc/stunnel/[^ ]*\.pem|$dir/cert.pem|" -e "s|/etc/stunnel/[^ ]*\.key|$dir/key.pem|" \
          -e "s|127.0.0.1:6001|127.0.0.1:0|" -e "s|0.0.0.0:6443|127.0.0.1:0|" "examples/stunnel/$f.conf"
    } >"$dir/$f.conf"
    out="$(timeout 1 "$STUNNEL" "$dir/$f.conf" 2>&1)"
    if ! grep -q "Configuration successful" <<<"$out"; then
      echo "$f.conf:"; echo "$out"; return 1
    fi
  done
}
if command -v haproxy >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1; then
  step "haproxy -c accepts examples/haproxy/haproxy.cfg" check_haproxy_example
else
  echo "SKIP  haproxy example (haproxy or openssl not installed)"
fi
STUNNEL="$(command -v stunnel4 || command -v stunnel || true)"
if [ -n "$STUNNEL" ] && command -v openssl >/dev/null 2>&1; then
  step "stunnel accepts examples/stunnel/*.conf" check_stunnel_example
else
  echo "SKIP  stunnel examples (stunnel or openssl not installed)"
fi
if command -v systemd-analyze >/dev/null 2>&1 && command -v java >/dev/null 2>&1; then
  step "systemd-analyze verify examples/systemd/circgate.service" \
    systemd-analyze verify examples/systemd/circgate.service
else
  echo "SKIP  systemd example (systemd-analyze or java not installed)"
fi

echo
if [ "$failed" -ne 0 ]; then
  echo "Failed checks:"
  printf '  - %s\n' "${failures[@]}"
fi
echo "check.sh: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
