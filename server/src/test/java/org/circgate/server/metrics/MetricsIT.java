package org.circgate.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.PrometheusScrape;
import org.circgate.server.testing.PrometheusScrape.Sample;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.Sip2Lines;
import org.circgate.server.testing.Sip2TestClient;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8, metrics: real SIP2 traffic (successes, denials, wrong passwords and PINs up to a lockout, bad checksums,
 * unknown and response codes, replays, a frame too long, a login deadline and a message deadline) and NCIP traffic
 * (services that succeed, missing and wrong API keys, an unsupported service, a malformed body) against a real
 * server, then one scrape of /metrics checked line by line: every name follows Prometheus conventions and is in
 * docs/metrics.md, every label is one the contract names with a value from its set, and no patron, item, password,
 * account or IP address appears anywhere in a label.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class MetricsIT {
    private static final Path CONTRACT = Path.of("..", "docs", "metrics.md");
    /** Values that must never reach a label: barcodes, PINs, passwords and logins used by the traffic below. */
    private static final Set<String> SENSITIVE = Set.of("21000001", "21000002", "21000004", "99999999", "31000001",
            "31000002", "31000005", "31000099", "kiosk", "wrong-password", "nobody", "1234", "9876",
            "demo-ncip-key-change-me-0001", "not-the-key", "DEMO-ILL");
    private static final String NCIP_KEY = "demo-ncip-key-change-me-0001";
    private static final Pattern NAME = Pattern.compile("^[a-z_:][a-z0-9_:]*$");
    private static final Pattern LABEL_NAME = Pattern.compile("^[a-z_][a-z0-9_]*$");
    private static final Pattern NON_BASE_UNIT = Pattern.compile(
            "_(ms|millis|milliseconds|ns|nanos|nanoseconds|us|micros|microseconds|minutes|hours|days"
                    + "|kb|mb|gb|kib|mib|kilobytes|megabytes|gigabytes|percent)(_|$)");
    private static final Pattern IPV4 = Pattern.compile("(^|[^0-9.])\\d{1,3}(\\.\\d{1,3}){3}($|[^0-9.])");
    private static final Pattern IPV6 = Pattern.compile("(?i)(^|[^0-9a-f:])[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}");
    /** Labels of the JVM, process and system binders ("standard" in the contract). */
    private static final Set<String> STANDARD_LABELS = Set.of("area", "id", "action", "cause", "gc", "state");
    /** Open-valued labels and what their values must look like. */
    private static final Map<String, Pattern> OPEN_VALUES = Map.of(
            "status", Pattern.compile("^[1-5][0-9]{2}$"),
            "version", Pattern.compile("^[0-9A-Za-z][0-9A-Za-z.+-]*$"),
            "revision", Pattern.compile("^([0-9a-f]{7,40}|unknown)$"),
            "name", Pattern.compile("^[a-z][a-z0-9-]*$"),
            "id", Pattern.compile("^[0-9A-Za-z' -]+$"),
            "allocator_type", Pattern.compile("^[A-Za-z]+$"),
            "cache_type", Pattern.compile("^[a-z]+$"));

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ServerFixture server;
    private static PrometheusScrape scrape;
    private static String exposition;

    @BeforeAll
    static void runTrafficAndScrape(TestDatabase database) throws Exception {
        server = ServerFixture.start(database, Map.of("CIRCGATE_SIP2_LOGIN_TIMEOUT_SECONDS", "2",
                "CIRCGATE_SIP2_MESSAGE_TIMEOUT_SECONDS", "1"));
        driveTraffic();
        // Closes are counted when the server has processed them; wait until no SIP2 connection is open.
        long until = System.nanoTime() + 5_000_000_000L;
        do {
            HttpResponse<String> metrics = server.admin("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            exposition = metrics.body();
            scrape = PrometheusScrape.parse(exposition);
        } while (scrape.value("circgate_connections_active", Map.of("interface", "sip2")).orElse(1.0) > 0 && System.nanoTime() < until
                && pause());
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(50);
        return true;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void driveTraffic() throws Exception {
        try (Sip2TestClient kiosk = server.sip2Client()) {
            assertThat(kiosk.exchange(Sip2Lines.login("kiosk", "kiosk", "MAIN"))).isEqualTo("941");
            assertThat(kiosk.exchange("9900302.00")).startsWith("98");
            assertThat(kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000001", "1234"))).startsWith("24");
            assertThat(kiosk.exchange(Sip2Lines.patronInformation("DEMO", "21000001", "1234", 0, 0, 0)))
                    .startsWith("64");
            assertThat(kiosk.exchange(Sip2Lines.patronStatus("DEMO", "99999999", "1234"))).startsWith("24");
            // A checkout, then the identical resend: one loan, the stored answer replayed.
            String checkout = Sip2Lines.checkout("DEMO", "21000001", "31000001", "1234", false, false, "");
            String first = kiosk.exchange(checkout);
            assertThat(first).startsWith("121");
            assertThat(kiosk.exchange(checkout)).isEqualTo(first);
            assertThat(kiosk.exchange("97")).isEqualTo(first);
            assertThat(kiosk.exchange(Sip2Lines.checkin("DEMO", "31000001", "MAIN", Sip2Lines.NOW))).startsWith("10");
            // Denied by the User Standing Map (BARRED), and unknown item.
            assertThat(kiosk.exchange(Sip2Lines.checkout("DEMO", "21000004", "31000002", "1234", false, false, "")))
                    .startsWith("120");
            assertThat(kiosk.exchange(Sip2Lines.checkout("DEMO", "21000001", "31000099", "1234", false, false, "")))
                    .startsWith("120");
            // Wrong PINs until the throttle starts (5 failures), then one more.
            for (int i = 0; i < 6; i++) {
                assertThat(kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000002", "9876"))).startsWith("24");
            }
            // Bad checksum, an unknown command and a response code sent by mistake: each answered with 96.
            String checked = Sip2Lines.withErrorDetection("9900302.00", 1);
            assertThat(kiosk.exchange(checked.substring(0, checked.length() - 4) + "0000")).startsWith("96");
            assertThat(kiosk.exchange("XX123")).startsWith("96");
            assertThat(kiosk.exchange("98YYYYNN99900320261122    1015002.00AOx|AMx|BXYYYYYYYYYYYYYYYY|"))
                    .startsWith("96");
            assertThat(kiosk.exchange(Sip2Lines.endSession("DEMO", "21000001"))).startsWith("36");
        }
        try (Sip2TestClient wrong = server.sip2Client()) {
            assertThat(wrong.exchange(Sip2Lines.login("kiosk", "wrong-password", "MAIN"))).isEqualTo("940");
            assertThat(wrong.exchange(Sip2Lines.login("nobody", "kiosk", "MAIN"))).isEqualTo("940");
        }
        try (Sip2TestClient silent = server.sip2Client()) {
            assertThat(silent.isClosedByServer(6_000)).as("closed at the login deadline").isTrue();
        }
        try (Sip2TestClient dripping = server.sip2Client()) {
            assertThat(dripping.exchange(Sip2Lines.login("kiosk", "kiosk", "MAIN"))).isEqualTo("941");
            dripping.send("9900");
            assertThat(dripping.isClosedByServer(5_000)).as("closed at the message deadline").isTrue();
        }
        driveNcipTraffic();
        try (Sip2TestClient flooding = server.sip2Client()) {
            flooding.send("9".repeat(5_000));
            assertThat(flooding.readResponse()).startsWith("96");
            assertThat(flooding.isClosedByServer(5_000)).as("closed after a frame too long").isTrue();
        }
    }

    private static void driveNcipTraffic() throws Exception {
        assertThat(ncip(NCIP_KEY, "LookupUser", "<UserId><UserIdentifierValue>21000001</UserIdentifierValue></UserId>"))
                .satisfies(r -> assertThat(r.statusCode()).isEqualTo(200))
                .satisfies(r -> assertThat(r.body()).contains("LookupUserResponse").doesNotContain("Problem"));
        String user = "<UserId><UserIdentifierValue>21000001</UserIdentifierValue></UserId>";
        String item = "<ItemId><ItemIdentifierValue>31000002</ItemIdentifierValue></ItemId>";
        assertThat(ncip(NCIP_KEY, "CheckOutItem", user + item).body()).contains("CheckOutItemResponse")
                .doesNotContain("Problem");
        assertThat(ncip(NCIP_KEY, "CheckInItem", item).body()).contains("CheckInItemResponse")
                .doesNotContain("Problem");
        assertThat(ncip(NCIP_KEY, "LookupItem", "<ItemId><ItemIdentifierValue>31000005</ItemIdentifierValue></ItemId>")
                .body()).contains("LookupItemResponse");
        assertThat(ncip(null, "LookupUser", user).statusCode()).isEqualTo(401);
        assertThat(ncip("not-the-key", "LookupUser", user).statusCode()).isIn(401, 403);
        assertThat(ncip(NCIP_KEY, "CreateUser", "").body()).contains("Problem");
        HttpResponse<String> malformed = post(NCIP_KEY, "<NCIPMessage><LookupUser><UserId>");
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(malformed.body()).contains("Problem");
    }

    private static HttpResponse<String> ncip(String key, String service, String elements) throws Exception {
        return post(key, """
                <?xml version="1.0" encoding="UTF-8"?>
                <NCIPMessage xmlns="http://www.niso.org/2008/ncip" \
                version="http://www.niso.org/schemas/ncip/v2_02/ncip_v2_02.xsd">
                  <%1$s>
                    <InitiationHeader>
                      <FromAgencyId><AgencyId>DEMO-ILL</AgencyId></FromAgencyId>
                      <ToAgencyId><AgencyId>DEMO</AgencyId></ToAgencyId>
                    </InitiationHeader>
                    %2$s
                  </%1$s>
                </NCIPMessage>
                """.formatted(service, elements));
    }

    private static HttpResponse<String> post(String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.ncip().getPort()
                + "/ncip")).header("Content-Type", "application/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "apikey " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("every name is snake_case with base units, counters end in _total, histograms in a unit "
            + "(Prometheus naming; operations.md N5)")
    void namesFollowPrometheusConventions() {
        assertThat(namingViolations(scrape)).isEmpty();
    }

    @Test
    @DisplayName("every metric and label is in docs/metrics.md, values from its bounded sets (issue 8)")
    void everyMetricIsInTheContract() throws Exception {
        assertThat(contractViolations(scrape, MetricsContract.read(CONTRACT))).isEmpty();
    }

    @Test
    @DisplayName("no patron, item, PIN, password, login or IP address in any label (issue 8, DESIGN.md 7)")
    void noPrivateValueInAnyLabel() {
        assertThat(privacyViolations(scrape, SENSITIVE)).isEmpty();
        assertThat(exposition).as("kiosk address").doesNotContain("127.0.0.1");
    }

    @Test
    @DisplayName("the contract's metrics are there after real SIP2 and NCIP traffic, with the events it caused")
    void promisedMetricsArePresent() {
        assertThat(value("circgate_request_duration_seconds_count", Map.of("interface", "sip2", "command",
                "checkout", "outcome", "ok", "action", "allow"))).isEqualTo(1);
        assertThat(value("circgate_request_duration_seconds_count", Map.of("command", "checkout",
                "outcome", "denied"))).isGreaterThanOrEqualTo(2);
        assertThat(scrape.samples("circgate_request_duration_seconds_count").stream()
                .filter(s -> "checkout".equals(s.label("command")) && "denied".equals(s.label("outcome")))
                .map(s -> s.label("action"))).as("the map action that denied").contains("deny");
        assertThat(value("circgate_request_duration_seconds_bucket", Map.of("command", "login", "le", "+Inf")))
                .isGreaterThanOrEqualTo(3);
        assertThat(scrape.samples("circgate_request_duration_seconds_bucket").stream()
                .map(s -> s.label("le")).distinct()).as("SLO buckets, not Micrometer's 70+ defaults")
                .hasSizeLessThan(20).contains("0.005", "0.1", "1.0", "+Inf");
        assertThat(value("circgate_request_duration_seconds_count", Map.of("command", "unknown",
                "outcome", "invalid"))).isGreaterThanOrEqualTo(2);

        assertThat(value("circgate_request_duration_seconds_count", Map.of("interface", "ncip", "command",
                "CheckOutItem", "outcome", "ok", "action", "allow"))).isEqualTo(1);
        assertThat(value("circgate_request_duration_seconds_count", Map.of("interface", "ncip", "command",
                "LookupUser", "outcome", "ok"))).isEqualTo(1);
        assertThat(value("circgate_request_duration_seconds_count", Map.of("interface", "ncip", "command",
                "Unsupported"))).isGreaterThanOrEqualTo(2);
        assertThat(value("circgate_ncip_http_responses_total", Map.of("status", "200"))).isGreaterThanOrEqualTo(6);
        assertThat(value("circgate_ncip_http_responses_total", Map.of("status", "401"))).isGreaterThanOrEqualTo(1);
        assertThat(value("circgate_auth_failures_total", Map.of("kind", "ncip_api_key"))).isEqualTo(2);
        assertThat(value("circgate_connections_opened_total", Map.of("interface", "ncip"))).isPositive();

        assertThat(value("circgate_connections_opened_total", Map.of("interface", "sip2"))).isGreaterThanOrEqualTo(5);
        assertThat(value("circgate_connections_closed_total", Map.of("reason", "login_deadline"))).isEqualTo(1);
        assertThat(value("circgate_connections_closed_total", Map.of("reason", "message_deadline"))).isEqualTo(1);
        assertThat(value("circgate_connections_closed_total", Map.of("reason", "frame_too_long"))).isEqualTo(1);
        assertThat(value("circgate_connections_closed_total", Map.of("reason", "client"))).isGreaterThanOrEqualTo(2);
        for (String reason : List.of("idle", "tls_failure", "address_denied", "connection_limit", "drain", "error")) {
            assertThat(scrape.value("circgate_connections_closed_total", Map.of("reason", reason)))
                    .as("pre-registered close reason %s", reason).isPresent();
        }
        assertThat(scrape.samples("circgate_connections_active")).isNotEmpty();

        assertThat(value("circgate_sip2_frames_rejected_total", Map.of("reason", "bad_checksum"))).isEqualTo(1);
        assertThat(value("circgate_sip2_frames_rejected_total", Map.of("reason", "unknown_command"))).isEqualTo(2);
        assertThat(value("circgate_sip2_frames_rejected_total", Map.of("reason", "too_long"))).isEqualTo(1);
        assertThat(value("circgate_sip2_resend_requests_sent_total", Map.of())).isGreaterThanOrEqualTo(4);
        assertThat(value("circgate_sip2_resends_replayed_total", Map.of("command", "checkout"))).isEqualTo(1);
        assertThat(value("circgate_sip2_resends_replayed_total", Map.of("command", "request_resend"))).isEqualTo(1);
        assertThat(scrape.value("circgate_sip2_resends_replayed_total", Map.of("command", "checkin")))
                .as("replay counters start at zero").contains(0.0);

        assertThat(value("circgate_auth_failures_total", Map.of("kind", "terminal_login", "reason",
                "bad_credentials"))).isEqualTo(1);
        assertThat(value("circgate_auth_failures_total", Map.of("kind", "terminal_login", "reason", "unknown")))
                .isEqualTo(1);
        assertThat(value("circgate_auth_failures_total", Map.of("kind", "patron_pin", "reason", "bad_credentials")))
                .isEqualTo(5);
        assertThat(value("circgate_auth_failures_total", Map.of("kind", "patron_pin", "reason", "throttled")))
                .isEqualTo(1);
        assertThat(value("circgate_auth_lockouts_total", Map.of("kind", "patron_pin"))).isEqualTo(1);
        for (String cause : List.of("deadlock", "lock_wait", "connection")) {
            assertThat(scrape.value("circgate_db_tx_retries_total", Map.of("cause", cause))).isPresent();
        }

        assertThat(value("circgate_ready", Map.of())).isEqualTo(1);
        assertThat(value("circgate_draining", Map.of())).isZero();
        assertThat(scrape.samples("circgate_build_info")).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsKeys("version", "revision"));

        assertThat(value("hikaricp_connections_max", Map.of("pool", "circgate"))).isEqualTo(8);
        assertThat(value("hikaricp_connections_acquire_seconds_count", Map.of("pool", "circgate"))).isPositive();
        assertThat(scrape.samples("hikaricp_connections_acquire_seconds_bucket")).isNotEmpty();
        for (String name : List.of("hikaricp_connections_active", "hikaricp_connections_idle",
                "hikaricp_connections_pending", "hikaricp_connections_timeout_total",
                "netty_eventexecutor_tasks_pending", "netty_allocator_memory_used_bytes", "jvm_memory_used_bytes",
                "jvm_memory_max_bytes", "jvm_threads_live_threads", "process_uptime_seconds", "process_cpu_usage",
                "process_cpu_time_seconds_total")) {
            assertThat(scrape.samples(name)).as(name).isNotEmpty();
        }
        assertThat(scrape.samples("netty_eventexecutor_tasks_pending")).as("one per I/O loop").hasSizeGreaterThan(1);
    }

    @Test
    @DisplayName("the checks fail on what they guard against (a lint that cannot fail is no lint)")
    void checksRejectBadExpositions() throws Exception {
        PrometheusScrape bad = PrometheusScrape.parse("""
                # TYPE circgate_requestCount counter
                circgate_requestCount 1
                # TYPE circgate_latency_ms histogram
                circgate_latency_ms_bucket{le="+Inf"} 1
                # TYPE circgate_things gauge
                circgate_things_total 1
                # TYPE circgate_auth_failures_total counter
                circgate_auth_failures_total{kind="patron_pin",reason="bad_credentials",patron="21000001"} 1
                circgate_auth_failures_total{kind="patron_pin",reason="wrong_pin"} 1
                # TYPE circgate_connections_opened_total counter
                circgate_connections_opened_total{interface="sip2",listener="10.1.2.3"} 1
                circgate_connections_opened_total{interface="sip2",listener="fe80::1"} 1
                """);
        assertThat(namingViolations(bad)).anyMatch(v -> v.equals("circgate_requestCount: not snake_case"))
                .anyMatch(v -> v.equals("circgate_requestCount: counter without _total"))
                .anyMatch(v -> v.equals("circgate_latency_ms: not in base units (seconds, bytes)"))
                .anyMatch(v -> v.equals("circgate_latency_ms: histogram without a unit suffix"));
        List<String> contract = contractViolations(bad, MetricsContract.read(CONTRACT));
        assertThat(contract).anyMatch(v -> v.contains("circgate_requestCount"))
                .anyMatch(v -> v.contains("label patron"))
                .anyMatch(v -> v.contains("wrong_pin"))
                .anyMatch(v -> v.contains("10.1.2.3"));
        assertThat(privacyViolations(bad, SENSITIVE)).hasSize(3);
    }

    private static double value(String name, Map<String, String> labels) {
        return scrape.value(name, labels).orElseThrow(() -> new AssertionError(
                "no sample " + name + labels + " in the scrape"));
    }

    static List<String> namingViolations(PrometheusScrape scrape) {
        List<String> violations = new ArrayList<>();
        scrape.types().forEach((family, type) -> {
            if (!NAME.matcher(family).matches()) {
                violations.add(family + ": not snake_case");
            }
            if (NON_BASE_UNIT.matcher(family).find()) {
                violations.add(family + ": not in base units (seconds, bytes)");
            }
            switch (type) {
                case "counter" -> {
                    if (!family.endsWith("_total")) {
                        violations.add(family + ": counter without _total");
                    }
                }
                case "histogram", "summary" -> {
                    if (!family.endsWith("_seconds") && !family.endsWith("_bytes")) {
                        violations.add(family + ": " + type + " without a unit suffix");
                    }
                }
                case "gauge" -> {
                    if (family.matches(".*_(total|count|sum|bucket)$")) {
                        violations.add(family + ": gauge with a counter/histogram suffix");
                    }
                }
                default -> violations.add(family + ": unexpected type " + type);
            }
        });
        for (Sample sample : scrape.samples()) {
            if (!NAME.matcher(sample.name()).matches()) {
                violations.add(sample.name() + ": sample name not snake_case");
            }
            sample.labels().keySet().stream().filter(l -> !LABEL_NAME.matcher(l).matches() || l.startsWith("__"))
                    .forEach(l -> violations.add(sample.name() + ": label name " + l));
        }
        return violations.stream().distinct().toList();
    }

    static List<String> contractViolations(PrometheusScrape scrape, MetricsContract contract) {
        List<String> violations = new ArrayList<>();
        for (Sample sample : scrape.samples()) {
            var row = contract.rowOf(sample.name());
            if (row.isEmpty()) {
                violations.add(sample.name() + ": not in docs/metrics.md");
                continue;
            }
            for (Map.Entry<String, String> label : sample.labels().entrySet()) {
                String key = label.getKey();
                String value = label.getValue();
                if (key.equals("le") && sample.name().endsWith("_bucket")) {
                    continue;
                }
                if (row.get().standard()) {
                    if (!STANDARD_LABELS.contains(key)) {
                        violations.add(sample.name() + ": label " + key + " not in the binders' allow-list");
                    }
                    continue;
                }
                if (!row.get().labels().containsKey(key)) {
                    violations.add(sample.name() + ": label " + key + " not in docs/metrics.md");
                    continue;
                }
                Set<String> allowed = row.get().labels().get(key);
                if (allowed != null && !allowed.contains(value)) {
                    violations.add(sample.name() + ": " + key + "=\"" + value + "\" not in " + allowed);
                } else if (allowed == null && (!OPEN_VALUES.containsKey(key)
                        || !OPEN_VALUES.get(key).matcher(value).matches())) {
                    violations.add(sample.name() + ": open label " + key + "=\"" + value + "\" has no expected shape");
                }
            }
        }
        return violations.stream().distinct().toList();
    }

    static List<String> privacyViolations(PrometheusScrape scrape, Set<String> sensitive) {
        List<String> violations = new ArrayList<>();
        for (Sample sample : scrape.samples()) {
            for (Map.Entry<String, String> label : sample.labels().entrySet()) {
                String value = label.getValue();
                boolean leaked = sensitive.stream().anyMatch(s -> s.length() >= 5 ? value.contains(s)
                        : value.equals(s)) || IPV4.matcher(value).find() || IPV6.matcher(value).find();
                if (leaked) {
                    violations.add(sample.name() + ": " + label.getKey() + "=\"" + value + "\"");
                }
            }
        }
        return violations.stream().distinct().toList();
    }
}
