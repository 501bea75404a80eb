"""One hour of a busy circgate instance, written as promtool input series in the shape of the metrics contract.

Used to check offline that every dashboard query returns data for a server that exposes the contract. The series
themselves are checked against docs/metrics.md by deploylint, so this file cannot drift from the contract
unnoticed. Rates are per minute (the series interval).
"""

TARGET = 'job="circgate", instance="circgate-a:9090"'
MINUTES = 60
BUCKETS = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"]
# Share of requests at or below each bucket bound (cumulative).
BUCKET_SHARE = [0.05, 0.15, 0.4, 0.7, 0.9, 0.96, 0.98, 0.99, 1, 1, 1, 1]

# interface, command, outcome, action, requests per minute
REQUESTS = [
    ("sip2", "login", "ok", "none", 1),
    ("sip2", "sc_status", "ok", "none", 5),
    ("sip2", "checkout", "ok", "allow", 10),
    ("sip2", "checkout", "ok", "warn", 1),
    ("sip2", "checkout", "denied", "deny", 2),
    ("sip2", "checkout", "error", "none", 1),
    ("sip2", "checkin", "ok", "none", 8),
    ("sip2", "patron_information", "ok", "none", 6),
    ("sip2", "patron_information", "invalid", "none", 1),
    ("ncip", "CheckOutItem", "ok", "allow", 2),
    ("ncip", "CheckInItem", "ok", "none", 2),
    ("ncip", "LookupUser", "ok", "none", 3),
    ("ncip", "LookupUser", "denied", "override_denied", 1),
]


def _counter(per_minute):
    return "0+%sx%d" % (per_minute, MINUTES)


def _gauge(value):
    return "%sx%d" % (value, MINUTES)


def _s(name, labels, values):
    inner = TARGET + (", " + labels if labels else "")
    return {"series": "%s{%s}" % (name, inner), "values": values}


def series():
    out = []
    req = "circgate_request_duration_seconds"
    for interface, command, outcome, action, rate in REQUESTS:
        labels = 'interface="%s", command="%s", outcome="%s", action="%s"' % (interface, command, outcome, action)
        out.append(_s(req + "_count", labels, _counter(rate)))
        out.append(_s(req + "_sum", labels, _counter(rate * 0.05)))
        for le, share in zip(BUCKETS, BUCKET_SHARE):
            out.append(_s(req + "_bucket", labels + ', le="%s"' % le, _counter(round(rate * share, 3))))

    for interface, listener, active, opened in [("sip2", "plain", 20, 0.5), ("sip2", "tls", 10, 0.2),
                                                ("ncip", "plain", 2, 7)]:
        labels = 'interface="%s", listener="%s"' % (interface, listener)
        out.append(_s("circgate_connections_active", labels, _gauge(active)))
        out.append(_s("circgate_connections_opened_total", labels, _counter(opened)))
    for reason, rate in [("client", 0.4), ("idle", 0.1), ("login_deadline", 0.1), ("message_deadline", 0),
                         ("frame_too_long", 0), ("tls_failure", 0.1), ("address_denied", 0),
                         ("connection_limit", 0), ("drain", 0), ("error", 0)]:
        out.append(_s("circgate_connections_closed_total",
                      'interface="sip2", listener="plain", reason="%s"' % reason, _counter(rate)))
    out.append(_s("circgate_connections_closed_total", 'interface="ncip", listener="plain", reason="client"',
                  _counter(7)))
    for reason, rate in [("too_long", 0), ("bad_checksum", 0.2), ("unknown_command", 0.1), ("malformed", 0)]:
        out.append(_s("circgate_sip2_frames_rejected_total", 'reason="%s"' % reason, _counter(rate)))
    out.append(_s("circgate_sip2_resend_requests_sent_total", "", _counter(0.2)))
    out.append(_s("circgate_sip2_resends_replayed_total", 'command="checkout"', _counter(0.1)))
    out.append(_s("circgate_sip2_resends_replayed_total", 'command="checkin"', _counter(0)))
    out.append(_s("circgate_sip2_shared_transactions_total", "", _counter(40)))
    out.append(_s("circgate_sip2_shared_transaction_requests_total", "", _counter(300)))
    out.append(_s("circgate_sip2_shared_transaction_failures_total", "", _counter(0.01)))
    for kind, reason, rate in [("patron_pin", "bad_credentials", 1), ("patron_pin", "locked", 0.1),
                               ("terminal_login", "bad_credentials", 0.1), ("ncip_api_key", "unknown", 0)]:
        out.append(_s("circgate_auth_failures_total", 'kind="%s", reason="%s"' % (kind, reason), _counter(rate)))
    for kind, rate in [("patron_pin", 0.05), ("terminal_login", 0), ("ncip_api_key", 0)]:
        out.append(_s("circgate_auth_lockouts_total", 'kind="%s"' % kind, _counter(rate)))
    for cause, rate in [("deadlock", 0.2), ("lock_wait", 0), ("connection", 0)]:
        out.append(_s("circgate_db_tx_retries_total", 'cause="%s"' % cause, _counter(rate)))
    for status, rate in [("200", 7), ("400", 0.1)]:
        out.append(_s("circgate_ncip_http_responses_total", 'status="%s"' % status, _counter(rate)))
    out.append(_s("circgate_ready", "", _gauge(1)))
    out.append(_s("circgate_draining", "", _gauge(0)))
    out.append(_s("circgate_build_info", 'version="0.1.0", revision="0123abc"', _gauge(1)))

    pool = 'pool="circgate"'
    for name, value in [("active", 3), ("idle", 7), ("pending", 0), ("max", 10), ("min", 10)]:
        out.append(_s("hikaricp_connections_" + name, pool, _gauge(value)))
    out.append(_s("hikaricp_connections_acquire_seconds_count", pool, _counter(40)))
    out.append(_s("hikaricp_connections_acquire_seconds_sum", pool, _counter(0.04)))
    out.append(_s("hikaricp_connections_acquire_seconds_max", pool, _gauge(0.004)))
    out.append(_s("hikaricp_connections_timeout_total", pool, _counter(0)))

    for name, pending in [("sip2-worker-0", 0), ("sip2-worker-1", 2)]:
        out.append(_s("netty_eventexecutor_tasks_pending", 'name="%s"' % name, _gauge(pending)))
    for memory_type, used in [("heap", 1048576), ("direct", 4194304)]:
        out.append(_s("netty_allocator_memory_used_bytes",
                      'id="1", allocator_type="PooledByteBufAllocator", memory_type="%s"' % memory_type,
                      _gauge(used)))

    for area, pool_id, used, committed, maximum in [
            ("heap", "G1 Eden Space", 60e6, 100e6, -1), ("heap", "G1 Survivor Space", 5e6, 8e6, -1),
            ("heap", "G1 Old Gen", 80e6, 150e6, 512e6), ("nonheap", "Metaspace", 60e6, 62e6, -1),
            ("nonheap", "CodeCache", 20e6, 24e6, 240e6)]:
        labels = 'area="%s", id="%s"' % (area, pool_id)
        out.append(_s("jvm_memory_used_bytes", labels, _gauge(int(used))))
        out.append(_s("jvm_memory_committed_bytes", labels, _gauge(int(committed))))
        out.append(_s("jvm_memory_max_bytes", labels, _gauge(int(maximum))))
    gc = 'action="end of minor GC", cause="G1 Evacuation Pause", gc="G1 Young Generation"'
    out.append(_s("jvm_gc_pause_seconds_count", gc, _counter(2)))
    out.append(_s("jvm_gc_pause_seconds_sum", gc, _counter(0.01)))
    out.append(_s("jvm_threads_live_threads", "", _gauge(42)))
    out.append(_s("process_cpu_usage", "", _gauge(0.12)))
    out.append(_s("system_cpu_usage", "", _gauge(0.3)))
    out.append(_s("process_uptime_seconds", "", "3600+60x%d" % MINUTES))
    out.append(_s("process_start_time_seconds", "", _gauge(1700000000)))
    out.append(_s("up", "", _gauge(1)))
    return out
