#!/usr/bin/env python3
"""The two halves of deploy/prometheus-e2e.sh that talk to the running programs (standard library only).

  e2e.py traffic --sip2 HOST:PORT --ncip HOST:PORT --ncip-key KEY --seconds N
      Real kiosk and partner traffic against circgate, spread over N seconds so that every scrape in between sees
      counters move: SIP2 logins (one with a wrong password), status, patron status and information, checkouts
      (allowed and denied by the User Standing Map), identical resends and 97s (replayed), checkins, wrong PINs up
      to the throttle, a bad checksum, an unknown command, a frame too long; NCIP LookupUser, LookupItem,
      CheckOutItem, CheckInItem, a missing API key and an unsupported service. Every answer is checked, so a
      broken server fails here rather than as "no data" later.

  e2e.py check --prometheus http://HOST:PORT
      Every query of deploy/grafana/circgate-dashboard.json (Grafana variables replaced as deploy/tools does) is
      sent to Prometheus's HTTP API; each must return at least one series with a number (not NaN). Then every
      series of job="circgate" is checked for labels that would carry patron, item, password or address data.

Exit status 0 when everything passed, 1 otherwise.
"""
import argparse
import json
import math
import os
import re
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

DEPLOY = os.path.dirname(HERE)
DASHBOARD = os.path.join(DEPLOY, "grafana", "circgate-dashboard.json")

# The demo library (server/src/main/resources/org/circgate/server/demo-library.json).
INSTITUTION = "DEMO"
PATRON_OK = "21000001"          # OK standing, PIN 1234
PATRON_PIN_TARGET = "21000003"  # receives wrong PINs until throttled
PATRON_BARRED = "21000004"      # BARRED: the map denies
ITEM_SIP2 = "31000001"
ITEM_DENIED = "31000002"
ITEM_NCIP = "31000005"
PIN = "1234"
WRONG_PIN = "9876"
SENSITIVE = [PATRON_OK, PATRON_PIN_TARGET, PATRON_BARRED, "21000002", ITEM_SIP2, ITEM_DENIED, ITEM_NCIP, PIN,
             WRONG_PIN, "kiosk", "wrong-password"]


class Failure(Exception):
    pass


# ---------------------------------------------------------------------------------------------------- SIP2 ----------

def checksum(text):
    return "%04X" % (-sum(text.encode("latin-1")) & 0xFFFF)


def with_error_detection(message, sequence):
    body = "%sAY%dAZ" % (message, sequence % 10)
    return body + checksum(body)


def sip2_now():
    return time.strftime("%Y%m%d    %H%M%S", time.gmtime())


class Kiosk:
    def __init__(self, address):
        host, port = address.rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)), timeout=10)
        self.buffer = b""

    def send(self, raw):
        self.sock.sendall(raw.encode("latin-1"))

    def exchange(self, message):
        self.send(message + "\r")
        return self.read()

    def read(self):
        while b"\r" not in self.buffer:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise Failure("SIP2 connection closed by circgate after %r" % self.buffer)
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\r")
        return line.decode("latin-1").lstrip("\n")

    def closed_by_server(self, seconds):
        self.sock.settimeout(seconds)
        try:
            return self.sock.recv(1) == b""
        except socket.timeout:
            return False
        except OSError:
            return True

    def close(self):
        self.sock.close()


def expect(answer, prefix, what):
    if not answer.startswith(prefix):
        raise Failure("%s: expected an answer starting %r, got %r" % (what, prefix, answer))
    return answer


def sip2_round(kiosk, sip2_address, n):
    """One round of kiosk traffic; distinct transaction dates and sequence numbers keep requests from being
    mistaken for resends of the previous round."""
    now = sip2_now()
    expect(kiosk.exchange("9900302.00"), "98", "99 SC Status")
    expect(kiosk.exchange("23001%sAO%s|AA%s|AC|AD%s|" % (now, INSTITUTION, PATRON_OK, PIN)), "24", "23 status")
    expect(kiosk.exchange("63001%s          AO%s|AA%s|AC|AD%s|" % (now, INSTITUTION, PATRON_OK, PIN)), "64",
           "63 patron information")
    checkout = with_error_detection("11NN%s%sAO%s|AA%s|AB%s|AC|AD%s|" % (now, " " * 18, INSTITUTION, PATRON_OK,
                                                                        ITEM_SIP2, PIN), n)
    first = expect(kiosk.exchange(checkout), "121", "11 checkout")
    if kiosk.exchange(checkout) != first:
        raise Failure("identical resend of a checkout was not answered with the stored response")
    if kiosk.exchange(with_error_detection("97", n)) != first:
        raise Failure("97 did not replay the last response")
    expect(kiosk.exchange(with_error_detection("09N%s%sAPMAIN|AO%s|AB%s|AC|" % (now, now, INSTITUTION, ITEM_SIP2),
                                               n)), "101", "09 checkin")
    expect(kiosk.exchange(with_error_detection("11NN%s%sAO%s|AA%s|AB%s|AC|AD%s|" % (
        now, " " * 18, INSTITUTION, PATRON_BARRED, ITEM_DENIED, PIN), n)), "120", "11 checkout by a BARRED patron")
    expect(kiosk.exchange("23001%sAO%s|AA%s|AC|AD%s|" % (now, INSTITUTION, PATRON_PIN_TARGET, WRONG_PIN)), "24",
           "23 with a wrong PIN")
    bad = with_error_detection("9900302.00", n)
    expect(kiosk.exchange(bad[:-4] + ("0000" if bad[-4:] != "0000" else "FFFF")), "96", "bad checksum")
    expect(kiosk.exchange("XX%d" % n), "96", "unknown command")
    intruder = Kiosk(sip2_address)
    try:
        expect(intruder.exchange("9300CNkiosk|COwrong-password|CPMAIN|"), "940", "93 with a wrong password")
    finally:
        intruder.close()


def ncip_post(address, key, service, elements):
    body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<NCIPMessage xmlns=\"http://www.niso.org/2008/ncip\" "
            "version=\"http://www.niso.org/schemas/ncip/v2_02/ncip_v2_02.xsd\">"
            "<%s><InitiationHeader><FromAgencyId><AgencyId>DEMO-ILL</AgencyId></FromAgencyId>"
            "<ToAgencyId><AgencyId>%s</AgencyId></ToAgencyId></InitiationHeader>%s</%s></NCIPMessage>"
            % (service, INSTITUTION, elements, service))
    request = urllib.request.Request("http://%s/ncip" % address, data=body.encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/xml; charset=UTF-8"})
    if key:
        request.add_header("Authorization", "apikey " + key)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def ncip_round(address, key):
    user = "<UserId><UserIdentifierValue>%s</UserIdentifierValue></UserId>" % PATRON_OK
    item = "<ItemId><ItemIdentifierValue>%s</ItemIdentifierValue></ItemId>" % ITEM_NCIP
    for service, elements, answer in (("LookupUser", user, "LookupUserResponse"),
                                      ("LookupItem", item, "LookupItemResponse"),
                                      ("CheckOutItem", user + item, "CheckOutItemResponse"),
                                      ("CheckInItem", item, "CheckInItemResponse")):
        status, text = ncip_post(address, key, service, elements)
        if status != 200 or answer not in text or "Problem" in text:
            raise Failure("NCIP %s: HTTP %d %s" % (service, status, text[:300]))
    status, _ = ncip_post(address, None, "LookupUser", user)
    if status != 401:
        raise Failure("NCIP without an API key: expected HTTP 401, got %d" % status)
    status, text = ncip_post(address, key, "CreateUser", "")
    if status != 200 or "Problem" not in text:
        raise Failure("NCIP unsupported service: expected a Problem, got HTTP %d %s" % (status, text[:300]))


def traffic(args):
    kiosk = Kiosk(args.sip2)
    expect(kiosk.exchange("9300CNkiosk|COkiosk|CPMAIN|"), "941", "93 login")
    flood = Kiosk(args.sip2)
    flood.send("9" * 5000)
    expect(flood.read(), "96", "frame too long")
    if not flood.closed_by_server(5):
        raise Failure("a frame too long did not close the connection")
    flood.close()
    rounds, until = 0, time.time() + args.seconds
    while time.time() < until or rounds < 2:
        sip2_round(kiosk, args.sip2, rounds)
        if args.ncip:
            ncip_round(args.ncip, args.ncip_key)
        rounds += 1
        time.sleep(0.4)
    expect(kiosk.exchange("35%sAO%s|AA%s|" % (sip2_now(), INSTITUTION, PATRON_OK)), "36", "35 end session")
    kiosk.close()
    print("e2e traffic: %d rounds of SIP2%s traffic in %.0f s" % (rounds, " and NCIP" if args.ncip else "",
                                                                 args.seconds))


# ---------------------------------------------------------------------------------------------- Prometheus ----------

def prometheus_get(base, path, params):
    url = "%s%s?%s" % (base, path, urllib.parse.urlencode(params, doseq=True))
    with urllib.request.urlopen(url, timeout=10) as response:
        answer = json.load(response)
    if answer.get("status") != "success":
        raise Failure("%s: %s" % (path, answer))
    return answer["data"]


def numbers(data):
    """The sample values of an instant-query result, whatever its type."""
    kind, result = data["resultType"], data["result"]
    if kind == "vector":
        return [float(r["value"][1]) for r in result]
    if kind == "matrix":
        return [float(v[1]) for r in result for v in r["values"]]
    if kind == "scalar":
        return [float(result[1])]
    return []


def check(args):
    import deploylint  # noqa: E402 (needs PyYAML, like check.sh)
    with open(DASHBOARD, encoding="utf-8") as f:
        dashboard = json.load(f)
    findings = deploylint.Findings()
    queries = deploylint.dashboard_queries(dashboard, findings)
    problems = list(findings.items)
    now = time.time()
    for label, expr in queries:
        try:
            values = numbers(prometheus_get(args.prometheus, "/api/v1/query", {"query": expr, "time": now}))
        except (Failure, urllib.error.URLError) as e:
            problems.append("%s: query failed: %s" % (label, e))
            continue
        real = [v for v in values if not math.isnan(v)]
        if not real:
            problems.append("%s: no data (%s)\n      %s" % (label, "only NaN" if values else "empty result",
                                                           expr.replace("\n", " ")))
        else:
            print("data  %s: %d series" % (label, len(real)))
    series = prometheus_get(args.prometheus, "/api/v1/series", {"match[]": '{job="circgate"}',
                                                                  "start": now - 600, "end": now})
    address = re.compile(r"(^|[^0-9.])\d{1,3}(\.\d{1,3}){3}($|[^0-9.])")
    for labels in series:
        for name, value in labels.items():
            if name == "instance":
                continue   # the scrape target's own address, added by Prometheus
            if any(s in value for s in SENSITIVE if len(s) >= 5) or value in SENSITIVE or address.search(value):
                problems.append("series %s: label %s=%r carries private data" % (labels.get("__name__"), name,
                                                                                   value))
    print("e2e check: %d dashboard queries, %d circgate series inspected" % (len(queries), len(series)))
    if problems:
        print("FAILED:")
        for p in problems:
            print("  - " + p)
        return 1
    print("e2e check: every dashboard query returned data; no label carries private data")
    return 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("traffic")
    t.add_argument("--sip2", required=True)
    t.add_argument("--ncip")
    t.add_argument("--ncip-key")
    t.add_argument("--seconds", type=float, default=6)
    c = sub.add_parser("check")
    c.add_argument("--prometheus", required=True)
    args = parser.parse_args(argv)
    try:
        return traffic(args) or 0 if args.command == "traffic" else check(args)
    except (Failure, OSError) as e:
        print("e2e %s FAILED: %s" % (args.command, e))
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
