package org.circgate.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circgate.server.DatabaseRuntime;
import org.circgate.server.config.ConfigLoader;
import org.circgate.server.db.Database;
import org.circgate.server.importer.DataImporter;
import org.circgate.server.testing.CircgateProcess;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.PrometheusScrape;
import org.circgate.server.testing.Sip2Lines;
import org.circgate.server.testing.Sip2TestClient;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8, drain: the packaged jar serves {@value #KIOSKS} kiosks checking distinct items out and in as fast as they
 * can; SIGTERM arrives mid-traffic. Every response a kiosk received is recorded, and afterwards the database (a
 * MariaDB outside the process, so it outlives it) must agree with every acknowledgement: an item whose last
 * acknowledged operation was a checkout with ok=1 is on loan to that patron, one whose last acknowledged operation
 * was a checkin with ok=1 is not. Also: readiness answers 503 and the SIP2 port refuses connections while the drain
 * runs, a message half received at SIGTERM is read to its end and answered, and the process exits within
 * {@code shutdown.timeoutSeconds}.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class DrainIT {
    private static final int KIOSKS = 8;
    private static final int ITEMS_PER_KIOSK = 150;
    private static final int BOUND_SECONDS = 10;
    private static final String INSTITUTION = "DRAIN";
    private static final String HALF_ITEM = "D9-HALF";
    private static final Pattern STOPPED = Pattern.compile("circgate stopped in (\\d+) ms");

    /** One request a kiosk sent and what came back ({@code ok} null: no answer before the connection closed). */
    record Op(String item, String patron, boolean checkout, Boolean ok) {
    }

    @Test
    @DisplayName("SIGTERM during checkout/checkin traffic: every acknowledged transaction is in the database, "
            + "ready 503 and no new connections while draining, a half-received message answered, exit in bound")
    void sigtermDuringTrafficLosesNoAcknowledgedTransaction(TestDatabase database) throws Exception {
        Database.Settings db = database.settings();
        Map<String, String> env = new HashMap<>(Map.of("CIRCGATE_DB_URL", db.url(), "CIRCGATE_DB_USER", db.user(),
                "CIRCGATE_DB_PASSWORD", db.password(), "CIRCGATE_SIP2_PORT", "0", "CIRCGATE_NCIP_PORT", "0",
                "CIRCGATE_ADMIN_PORT", "0", "CIRCGATE_SHUTDOWN_TIMEOUT_SECONDS", Integer.toString(BOUND_SECONDS),
                "CIRCGATE_DB_POOL_SIZE", "8"));
        env.put("CIRCGATE_DATA_DIR", Files.createTempDirectory(Path.of("target"), "drain-it-").toString());
        importLibrary(env);

        try (CircgateProcess circgate = CircgateProcess.start(env, List.of())) {
            circgate.awaitReady(Duration.ofMinutes(2));
            List<Op> ops = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch loggedIn = new CountDownLatch(KIOSKS);
            List<Thread> kiosks = new ArrayList<>();
            for (int k = 0; k < KIOSKS; k++) {
                int kiosk = k;
                Thread thread = new Thread(() -> runKiosk(circgate.sip2(), kiosk, ops, loggedIn, stop),
                        "kiosk-" + k);
                thread.start();
                kiosks.add(thread);
            }
            assertThat(loggedIn.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("all kiosks logged in").isTrue();

            // A kiosk that is half-way through sending a checkout when SIGTERM arrives.
            Sip2TestClient slow = new Sip2TestClient(circgate.sip2());
            assertThat(slow.exchange(Sip2Lines.login("drain", "drain", "MAIN"))).isEqualTo("941");
            String halfCheckout = Sip2Lines.checkout(INSTITUTION, "D-P9", HALF_ITEM, "", false, false, "") + "\r";
            Thread.sleep(1_500);   // traffic in full swing
            slow.send(halfCheckout.substring(0, 20));

            long sigterm = System.nanoTime();
            circgate.terminate();
            List<Integer> readiness = Collections.synchronizedList(new ArrayList<>());
            Thread poller = new Thread(() -> pollReadiness(circgate, readiness), "ready-poller");
            poller.start();

            Thread.sleep(300);
            boolean refused;
            try (Socket late = new Socket()) {
                late.connect(circgate.sip2(), 1_000);
                refused = false;
            } catch (ConnectException e) {
                refused = true;
            }
            HttpResponse<String> metrics = circgate.get("/metrics");
            PrometheusScrape during = PrometheusScrape.parse(metrics.body());

            Thread.sleep(300);
            slow.send(halfCheckout.substring(20));
            String halfAnswer = slow.readResponse();
            boolean slowClosed = slow.isClosedByServer(5_000);
            slow.close();

            boolean exited = circgate.awaitExit(Duration.ofSeconds(BOUND_SECONDS + 5));
            double seconds = (System.nanoTime() - sigterm) / 1e9;
            stop.set(true);
            for (Thread kiosk : kiosks) {
                kiosk.join(10_000);
            }
            poller.join(5_000);
            List<String> output = circgate.output();
            String log = String.join("\n", output);
            System.out.printf("SIGTERM to exit: %.2f s; %d kiosk operations, %d acknowledged; readiness seen %s%n",
                    seconds, ops.size(), ops.stream().filter(o -> o.ok() != null).count(), readiness);

            assertThat(exited).as("exited within the bound + 5 s for the JVM:\n" + log).isTrue();
            assertThat(circgate.process().exitValue()).isIn(0, 143);
            Matcher stopped = STOPPED.matcher(log);
            assertThat(stopped.find()).as("ordered stop finished:\n" + log).isTrue();
            assertThat(Long.parseLong(stopped.group(1))).as("stop time in ms").isLessThanOrEqualTo(BOUND_SECONDS * 1000L);
            assertThat(log).as("every connection closed at a message boundary before the deadline")
                    .doesNotContain("still busy at the deadline");

            assertThat(refused).as("the SIP2 port refuses new connections while draining").isTrue();
            assertThat(during.value("circgate_draining", Map.of())).contains(1.0);
            assertThat(during.value("circgate_ready", Map.of())).contains(0.0);
            assertThat(during.value("circgate_connections_closed_total", Map.of("interface", "sip2", "reason",
                    "drain"))).as("kiosk connections closed by the drain, counted as such")
                    .hasValueSatisfying(closed -> assertThat(closed).isPositive());
            assertThat(readiness).as("/health/ready during the drain").contains(503);
            assertThat(readiness.subList(readiness.indexOf(503), readiness.size())).as("never ready again")
                    .containsOnly(503);
            assertThat(halfAnswer).as("the half-received checkout was read to its end and answered").startsWith("121");
            assertThat(slowClosed).as("and the connection closed after that answer").isTrue();
            ops.add(new Op(HALF_ITEM, "D-P9", true, true));

            List<Op> acknowledged = ops.stream().filter(o -> o.ok() != null).toList();
            assertThat(acknowledged.stream().filter(o -> o.checkout() && o.ok())).as("checkouts acknowledged")
                    .hasSizeGreaterThanOrEqualTo(KIOSKS * 2);
            assertThat(ops.stream().filter(o -> o.ok() == null)).as("kiosks cut off mid-stream by the drain")
                    .isNotEmpty();
            assertThat(acknowledged).as("every operation in this workload succeeds when answered")
                    .allMatch(Op::ok);
            assertDatabaseAgrees(db, ops);
        }
    }

    /** Logs in, then checks its own items out and in, one after the other, until the server closes. */
    private static void runKiosk(InetSocketAddress sip2, int kiosk, List<Op> ops, CountDownLatch loggedIn,
            AtomicBoolean stop) {
        String patron = "D-P" + kiosk;
        try (Sip2TestClient client = new Sip2TestClient(sip2)) {
            if (!client.exchange(Sip2Lines.login("drain", "drain", "MAIN")).equals("941")) {
                throw new IllegalStateException("login refused");
            }
            loggedIn.countDown();
            for (int i = 0; i < ITEMS_PER_KIOSK && !stop.get(); i++) {
                String item = item(kiosk, i);
                if (!send(client, ops, new Op(item, patron, true, null),
                        Sip2Lines.checkout(INSTITUTION, patron, item, "", false, false, ""))) {
                    return;
                }
                if (!send(client, ops, new Op(item, patron, false, null),
                        Sip2Lines.checkin(INSTITUTION, item, "MAIN", Sip2Lines.NOW))) {
                    return;
                }
            }
        } catch (IOException e) {
            // the connection could not be opened or closed cleanly: what was recorded stands
        }
    }

    /** Sends one request and records the answer; false when the connection ended without one. */
    private static boolean send(Sip2TestClient client, List<Op> ops, Op sent, String request) {
        try {
            String answer = client.exchange(request);
            boolean ok = answer.length() > 2 && answer.charAt(2) == '1';
            ops.add(new Op(sent.item(), sent.patron(), sent.checkout(), ok));
            return true;
        } catch (IOException e) {
            ops.add(sent);
            return false;
        }
    }

    private static void pollReadiness(CircgateProcess circgate, List<Integer> statuses) {
        while (circgate.process().isAlive()) {
            try {
                statuses.add(circgate.get("/health/ready").statusCode());
                Thread.sleep(20);
            } catch (IOException e) {
                return;   // admin port closed: the last step of the stop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** For each item, the last operation sent decides what the database must show, when it was acknowledged. */
    private static void assertDatabaseAgrees(Database.Settings db, List<Op> ops) throws Exception {
        Map<String, Op> last = new LinkedHashMap<>();
        for (Op op : ops) {
            last.put(op.item(), op);
        }
        Map<String, String> loans = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT i.barcode, p.barcode FROM loan l
                        JOIN item i ON i.id = l.item_id JOIN patron p ON p.id = l.patron_id
                        JOIN institution n ON n.id = i.institution_id WHERE n.code = ?""")) {
            statement.setString(1, INSTITUTION);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    loans.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (Op op : last.values()) {
            if (op.ok() == null) {
                continue;   // answer lost with the connection: either state is consistent with what the kiosk saw
            }
            checked++;
            if (op.checkout() && !op.patron().equals(loans.get(op.item()))) {
                disagreements.add(op.item() + ": checkout acknowledged, loan " + loans.get(op.item()));
            }
            if (!op.checkout() && loans.containsKey(op.item())) {
                disagreements.add(op.item() + ": checkin acknowledged, still on loan to " + loans.get(op.item()));
            }
        }
        assertThat(checked).isPositive();
        assertThat(disagreements).as("acknowledged transactions missing from the database").isEmpty();
    }

    private static String item(int kiosk, int i) {
        return "D" + kiosk + "-" + i;
    }

    /** Institution DRAIN: account drain/drain without PIN checks, patrons D-P0..D-P9, distinct items per kiosk. */
    private static void importLibrary(Map<String, String> env) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode institution = root.putArray("institutions").addObject();
        institution.put("code", INSTITUTION).put("name", "Drain Test Library").put("timeZone", "UTC");
        institution.putArray("locations").addObject().put("code", "MAIN").put("name", "Main");
        ObjectNode account = institution.putArray("sipAccounts").addObject().put("login", "drain")
                .put("password", "drain");
        account.putArray("locations").add("MAIN");
        account.putObject("options").put("pinRequired", false);
        ArrayNode patrons = institution.putArray("patrons");
        for (int p = 0; p <= 9; p++) {
            patrons.addObject().put("barcode", "D-P" + p).put("name", "Drain Patron " + p).put("profile", "PUBLIC")
                    .put("privilegeExpires", "2099-12-31");
        }
        institution.putArray("titles").addObject().put("key", "DT").put("title", "Drain Test Title");
        ArrayNode items = institution.putArray("items");
        for (int k = 0; k < KIOSKS; k++) {
            for (int i = 0; i < ITEMS_PER_KIOSK; i++) {
                items.addObject().put("barcode", item(k, i)).put("title", "DT").put("itemType", "BOOK")
                        .put("location", "MAIN");
            }
        }
        items.addObject().put("barcode", HALF_ITEM).put("title", "DT").put("itemType", "BOOK").put("location", "MAIN");
        try (DatabaseRuntime runtime = DatabaseRuntime.open(new ConfigLoader(env).load(null),
                new SimpleMeterRegistry())) {
            new DataImporter(runtime.transactions(), runtime.hasher()).importFrom(
                    new ByteArrayInputStream(mapper.writeValueAsBytes(root)), "drain library");
        }
    }
}
