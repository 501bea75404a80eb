package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.server.testing.Sip2Lines.field;
import static org.circgate.server.testing.Sip2Lines.fields;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.circgate.policy.CirculationEngine;
import org.circgate.policy.DefaultPolicy;
import org.circgate.policy.LoanFacts;
import org.circgate.server.circulation.ItemRepository;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.Sip2Lines;
import org.circgate.server.testing.Sip2TestClient;
import org.circgate.server.testing.TestDatabase;
import org.circgate.server.testing.TestLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5, 11/12 and 09/10 over real TCP against the real embedded MariaDB, every decision made by the policy on
 * interface SIP2 (Allow Override counts as Deny), with the unhappy paths the issue lists.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class Sip2CirculationIT {
    private static final String TEST = TestLibrary.INSTITUTION;
    private static final String PIN = TestLibrary.PIN;
    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database);
        TestLibrary.load(server.server());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Sip2TestClient login(String user, String location) throws Exception {
        Sip2TestClient kiosk = server.sip2Client();
        assertThat(kiosk.exchange(Sip2Lines.login(user, user, location))).isEqualTo("941");
        return kiosk;
    }

    private static String checkout(Sip2TestClient kiosk, String institution, String patron, String item, String pin)
            throws Exception {
        return kiosk.exchange(Sip2Lines.checkout(institution, patron, item, pin, false, false, ""));
    }

    @Test
    @DisplayName("11 → 12 ok with the due date of the circulation rule (21 days, end of day), listed in 63, 09 → 10 ok")
    void checkoutThenCheckin() throws Exception {
        try (Sip2TestClient kiosk = login("tkiosk", "NORTH")) {
            String out = checkout(kiosk, TEST, "T1", "41000001", PIN);
            assertThat(out).startsWith("121NUY");
            String due = LocalDate.now(ZoneOffset.UTC).plusDays(21).format(DateTimeFormatter.BASIC_ISO_DATE);
            assertThat(field(out, "AH")).isEqualTo(due + "    235959");
            assertThat(field(out, "AJ")).isEqualTo("Test Title 1");
            String info = kiosk.exchange(Sip2Lines.patronInformation(TEST, "T1", PIN, 3, 1, 10));
            assertThat(fields(info, "AU")).contains("41000001");

            String in = kiosk.exchange(Sip2Lines.checkin(TEST, "41000001", "NORTH", Sip2Lines.NOW));
            assertThat(in).startsWith("101YUN");
            assertThat(field(in, "AQ")).isEqualTo("NORTH");
            assertThat(field(in, "AA")).isEqualTo("T1");
            assertThat(field(in, "CL")).as("sort bin by item type").isEqualTo("B1");
        }
        assertThat(auditOutcomes("41000001")).containsExactly("checkout:ok", "checkin:ok");
    }

    @Test
    @DisplayName("a checkout in progress locks its item only: another copy at the same location checks out and in "
            + "meanwhile (locking the location row would make every checkout there queue behind the others)")
    void checkoutLocksOnlyItsItem() throws Exception {
        try (Connection other = server.jdbc(); Statement s = other.createStatement();
                Sip2TestClient kiosk = login("tkiosk", "NORTH")) {
            other.setAutoCommit(false);
            long institution;
            try (ResultSet row = s.executeQuery("SELECT id FROM institution WHERE code = 'TEST'")) {
                row.next();
                institution = row.getLong(1);
            }
            // The locking read a checkout of 41000009 (also at NORTH) starts with, left open.
            assertThat(new ItemRepository().findForUpdate(other, institution, "41000009")).isPresent();
            long started = System.nanoTime();
            assertThat(checkout(kiosk, TEST, "T1", "41000008", PIN)).startsWith("121");
            assertThat(kiosk.exchange(Sip2Lines.checkin(TEST, "41000008", "NORTH", Sip2Lines.NOW)))
                    .startsWith("101");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("no lock wait (the server gives up on a statement after 15 s)").isLessThan(Duration.ofSeconds(10));
            other.rollback();
        }
    }

    @Test
    @DisplayName("an account that takes no PIN checks out without a lookup before the transaction: a known patron "
            + "gets the item, an unknown one 'Patron not found' (issue 5)")
    void checkoutWithoutPinLookup() throws Exception {
        TestLibrary.importJson(server.server(), """
                {"institutions": [{"code": "TEST", "name": "Test Library", "timeZone": "UTC",
                  "sipAccounts": [{"login": "tnopin", "password": "tnopin",
                  "locations": ["NORTH"], "options": {"pinRequired": false}}]}]}""");
        try (Sip2TestClient kiosk = login("tnopin", "NORTH")) {
            assertThat(checkout(kiosk, TEST, "T6", "41000010", "")).startsWith("121");
            String unknown = checkout(kiosk, TEST, "NOBODY", "41000011", "");
            assertThat(unknown).startsWith("120");
            assertThat(field(unknown, "AF")).isEqualTo("Patron not found");
            assertThat(kiosk.exchange(Sip2Lines.checkin(TEST, "41000010", "NORTH", Sip2Lines.NOW)))
                    .startsWith("101");
        }
    }

    @Test
    @DisplayName("BLOCKED, BARRED and expired patrons are refused with a screen message that says why")
    void refusedPatrons() throws Exception {
        try (Sip2TestClient kiosk = login("kiosk", "MAIN")) {
            String blocked = checkout(kiosk, "DEMO", "21000003", "31000001", "1234");
            assertThat(blocked).startsWith("120");
            assertThat(fields(blocked, "AF")).anySatisfy(m -> assertThat(m).contains("bill threshold")
                    .contains("override"));
            String barred = checkout(kiosk, "DEMO", "21000004", "31000001", "1234");
            assertThat(barred).startsWith("120");
            assertThat(fields(barred, "AF")).anySatisfy(m -> assertThat(m).contains("barred"));
            String expired = checkout(kiosk, "DEMO", "21000005", "31000001", "1234");
            assertThat(fields(expired, "AF")).anySatisfy(m -> assertThat(m).contains("expired"));
        }
        assertThat(server.admin("/metrics").body()).contains(
                "circgate_request_duration_seconds_count{action=\"override_denied\",command=\"checkout\","
                        + "interface=\"sip2\",outcome=\"denied\"}");
    }

    @Test
    @DisplayName("a DELINQUENT patron may check out, with the warning on the screen (seed 004)")
    void delinquentIsWarned() throws Exception {
        try (Sip2TestClient kiosk = login("kiosk", "MAIN")) {
            String out = checkout(kiosk, "DEMO", "21000002", "31000002", "1234");
            assertThat(out).startsWith("121");
            assertThat(fields(out, "AF")).anySatisfy(m -> assertThat(m).contains("unpaid bills"));
            assertThat(kiosk.exchange(Sip2Lines.checkin("DEMO", "31000002", "MAIN", Sip2Lines.NOW))).startsWith("101");
        }
    }

    @Test
    @DisplayName("the charge limit of the profile: the third item of a LIMIT2 patron is refused (seed 001)")
    void chargeLimit() throws Exception {
        try (Sip2TestClient kiosk = login("tkiosk", "NORTH")) {
            assertThat(checkout(kiosk, TEST, "T9", "41000021", PIN)).startsWith("121");
            assertThat(checkout(kiosk, TEST, "T9", "41000022", PIN)).startsWith("121");
            String third = checkout(kiosk, TEST, "T9", "41000023", PIN);
            assertThat(third).startsWith("120");
            assertThat(fields(third, "AF")).anySatisfy(m -> assertThat(m).contains("too many items"));
            String status = kiosk.exchange(Sip2Lines.patronStatus(TEST, "T9", PIN));
            assertThat(status.charAt(7)).as("position 6, too many items charged").isEqualTo('Y');
        }
    }

    @Test
    @DisplayName("an item on the hold shelf for another patron is refused")
    void itemOnHoldForSomeoneElse() throws Exception {
        try (Sip2TestClient kiosk = login("kiosk", "MAIN")) {
            String out = checkout(kiosk, "DEMO", "21000001", "31000004", "1234");
            assertThat(out).startsWith("120");
            assertThat(fields(out, "AF")).anySatisfy(m -> assertThat(m).contains("on hold for another patron"));
        }
    }

    @Test
    @DisplayName("checkout needs the patron's PIN: wrong or missing AD refuses (issue 5)")
    void checkoutNeedsPin() throws Exception {
        try (Sip2TestClient kiosk = login("tkiosk", "NORTH")) {
            assertThat(checkout(kiosk, TEST, "T2", "41000024", "")).startsWith("120");
            String wrong = checkout(kiosk, TEST, "T2", "41000024", "9999");
            assertThat(wrong).startsWith("120");
            assertThat(fields(wrong, "AF")).contains("Invalid PIN");
        }
    }

    @Test
    @DisplayName("a loan fee: ok=0 with BV/BT/BH until the kiosk resends with BO=Y, then the fee is billed")
    void feeAcknowledged() throws Exception {
        try (Sip2TestClient kiosk = login("kiosk", "MAIN")) {
            String first = checkout(kiosk, "DEMO", "21000001", "31000007", "1234");
            assertThat(first).startsWith("120");
            assertThat(field(first, "BV")).isEqualTo("1.00");
            assertThat(field(first, "BT")).isEqualTo("06");
            assertThat(field(first, "BH")).isEqualTo("USD");
            String confirmed = kiosk.exchange(Sip2Lines.checkout("DEMO", "21000001", "31000007", "1234", false, false,
                    "BOY|"));
            assertThat(confirmed).startsWith("121");
            assertThat(kiosk.exchange(Sip2Lines.checkin("DEMO", "31000007", "MAIN", Sip2Lines.NOW))).startsWith("101");
        }
        try (Connection c = server.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT fee_type, amount_cents FROM bill b JOIN item i ON i.id = b.item_id WHERE i.barcode = ?")) {
            s.setString(1, "31000007");
            try (ResultSet row = s.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("06");
                assertThat(row.getLong(2)).isEqualTo(100);
            }
        }
    }

    @Test
    @DisplayName("BI=Y undoes this kiosk's own checkout of the item, and nobody else's")
    void cancel() throws Exception {
        try (Sip2TestClient kiosk = login("tkiosk", "NORTH"); Sip2TestClient other = login("tkiosk2", "NORTH")) {
            assertThat(checkout(kiosk, TEST, "T3", "41000003", PIN)).startsWith("121");
            String foreign = other.exchange(Sip2Lines.checkout(TEST, "T3", "41000003", PIN, false, false, "BIY|"));
            assertThat(foreign).startsWith("120");
            String own = kiosk.exchange(Sip2Lines.checkout(TEST, "T3", "41000003", PIN, false, false, "BIY|"));
            assertThat(own).startsWith("121");
            assertThat(loans("41000003")).isZero();
        }
    }

    @Test
    @DisplayName("an item already out to the same patron is renewed only when the SC renewal policy says Y")
    void renewalThroughCheckout() throws Exception {
        try (Sip2TestClient kiosk = login("tkiosk", "NORTH")) {
            assertThat(checkout(kiosk, TEST, "T4", "41000004", PIN)).startsWith("121N");
            String again = checkout(kiosk, TEST, "T4", "41000004", PIN);
            assertThat(again).startsWith("120");
            assertThat(fields(again, "AF")).anySatisfy(m -> assertThat(m).contains("already checked out"));
            String renewed = kiosk.exchange(Sip2Lines.checkout(TEST, "T4", "41000004", PIN, true, false, ""));
            assertThat(renewed).startsWith("121Y");
        }
    }

    @Test
    @DisplayName("09 traps the item for the next hold: CV 02 + CT at another library, then CV 01 on the pickup shelf")
    void holdTrapping() throws Exception {
        try (Sip2TestClient branch = login("kiosk", "BRANCH"); Sip2TestClient main = login("kiosk", "MAIN")) {
            // 31000003 (Kindred) is out to Ada; Chen waits for Kindred with pickup at MAIN.
            String atBranch = branch.exchange(Sip2Lines.checkin("DEMO", "31000003", "BRANCH", Sip2Lines.NOW));
            assertThat(atBranch).startsWith("101YUY");
            assertThat(field(atBranch, "CV")).isEqualTo("02");
            assertThat(field(atBranch, "CT")).isEqualTo("MAIN");
            String atMain = main.exchange(Sip2Lines.checkin("DEMO", "31000003", "MAIN", Sip2Lines.NOW));
            assertThat(atMain).startsWith("101YUY");
            assertThat(field(atMain, "CV")).isEqualTo("01");
            String chen = main.exchange(Sip2Lines.patronInformation("DEMO", "21000003", "1234", 1, 0, 0));
            assertThat(fields(chen, "AS")).containsExactly("Kindred");
        }
    }

    @Test
    @DisplayName("two kiosks checking in two copies of one title with one waiting hold at the same moment: the hold "
            + "is trapped once, the other copy goes back on the shelf")
    void concurrentCheckinsTrapAWaitingHoldOnce() throws Exception {
        TestLibrary.importJson(server.server(), """
                {"institutions": [{"code": "TEST", "name": "Test Library",
                  "titles": [{"key": "TRACE", "title": "Trapped Once"}],
                  "items": [{"barcode": "43000001", "title": "TRACE", "itemType": "BOOK", "location": "NORTH"},
                            {"barcode": "43000002", "title": "TRACE", "itemType": "BOOK", "location": "NORTH"}],
                  "loans": [{"item": "43000001", "patron": "T8", "checkedOut": "2026-11-20T10:00:00Z",
                             "due": "2030-12-01T23:59:59Z"},
                            {"item": "43000002", "patron": "T8", "checkedOut": "2026-11-20T10:00:00Z",
                             "due": "2030-12-01T23:59:59Z"}],
                  "holds": [{"id": "H-TRACE", "patron": "T7", "title": "TRACE", "pickupLocation": "NORTH",
                             "status": "WAITING", "placed": "2026-11-21T09:00:00Z"}]}]}""");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Sip2TestClient a = login("tkiosk", "NORTH"); Sip2TestClient b = login("tkiosk2", "NORTH");
                Connection blocker = server.jdbc()) {
            // Hold the title so that both checkins are inside their transactions before either reads the queue.
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.executeQuery("SELECT id FROM title WHERE title_key = 'TRACE' FOR UPDATE").close();
            }
            Future<String> first = pool.submit(() -> a.exchange(Sip2Lines.checkin(TEST, "43000001", "NORTH",
                    Sip2Lines.NOW)));
            Future<String> second = pool.submit(() -> b.exchange(Sip2Lines.checkin(TEST, "43000002", "NORTH",
                    Sip2Lines.NOW)));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (count("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()"
                    + " AND COMMAND = 'Query' AND TIME_MS > 300") < 2) {
                assertThat(System.nanoTime()).as("both checkins waiting on the title").isLessThan(deadline);
                Thread.sleep(20);
            }
            blocker.commit();
            List<String> alerts = List.of(field(first.get(), "CV") == null ? "" : field(first.get(), "CV"),
                    field(second.get(), "CV") == null ? "" : field(second.get(), "CV"));
            assertThat(alerts).as("one checkin traps the hold (CV 01)").containsExactlyInAnyOrder("01", "");
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM item WHERE barcode IN ('43000001', '43000002')"
                + " AND status = 'ON_HOLD_SHELF'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM hold WHERE external_id = 'H-TRACE' AND status = 'AVAILABLE'"))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("a back-dated return counts the fine up to the return date, not today")
    void backDatedReturnFine() throws Exception {
        TestLibrary.importJson(server.server(), """
                {"institutions": [{"code": "TEST", "name": "Test Library",
                  "loans": [{"item": "41000005", "patron": "T5", "checkedOut": "2026-10-01T10:00:00Z",
                             "due": "2026-10-22T23:59:59Z"}]}]}""");
        try (Sip2TestClient kiosk = login("tkiosk", "NORTH")) {
            String in = kiosk.exchange(Sip2Lines.checkin(TEST, "41000005", "NORTH", "20261026    090000"));
            assertThat(in).startsWith("101");
            long expected = new CirculationEngine(DefaultPolicy.create()).accruingFine("PUBLIC",
                    new LoanFacts("41000005", "BOOK", "t", null, false, LocalDate.of(2026, 10, 22), false, 0),
                    LocalDate.of(2026, 10, 26));
            assertThat(expected).isPositive();
            assertThat(fields(in, "AF")).contains("Overdue fine: " + java.math.BigDecimal.valueOf(expected, 2));
        }
    }

    @Test
    @DisplayName("checking in an item that was not out: ok=1 or ok=0 as the account says")
    void checkinNotCharged() throws Exception {
        try (Sip2TestClient strict = login("tkiosk", "NORTH"); Sip2TestClient lenient = login("kiosk", "MAIN")) {
            String refused = strict.exchange(Sip2Lines.checkin(TEST, "41000030", "NORTH", Sip2Lines.NOW));
            assertThat(refused).startsWith("100");
            assertThat(fields(refused, "AF")).contains("Item was not checked out");
            assertThat(lenient.exchange(Sip2Lines.checkin("DEMO", "31000005", "BRANCH", Sip2Lines.NOW)))
                    .startsWith("101");
            assertThat(lenient.exchange(Sip2Lines.checkin("DEMO", "NOSUCHITEM", "MAIN", Sip2Lines.NOW)))
                    .startsWith("100");
        }
    }

    @Test
    @DisplayName("an exact resend (same AY and AZ) replays the stored answer and acts once — also after a reconnect")
    void exactResendActsOnce() throws Exception {
        String frame = resendableCheckout("41000006", 3);
        String first;
        double replayed = replayedCheckouts();
        try (Sip2TestClient kiosk = login("tkiosk", "NORTH")) {
            first = kiosk.exchange(frame);
            assertThat(first).startsWith("121").contains("AY3AZ");
            assertThat(kiosk.exchange(frame)).isEqualTo(first);
        }
        try (Sip2TestClient reconnected = login("tkiosk", "NORTH")) {
            assertThat(reconnected.exchange(frame)).isEqualTo(first);
        }
        assertThat(loans("41000006")).isEqualTo(1);
        assertThat(auditOutcomes("41000006")).containsExactly("checkout:ok");
        assertThat(replayedCheckouts() - replayed).isEqualTo(2.0);
    }

    @Test
    @DisplayName("an exact resend on a new connection while the first is still in the database: one loan, one answer")
    void exactResendWhileTheFirstIsInFlight() throws Exception {
        String frame = resendableCheckout("41000028", 5);
        double replayed = replayedCheckouts();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Sip2TestClient first = login("tkiosk", "NORTH"); Sip2TestClient resent = login("tkiosk", "NORTH");
                Connection blocker = server.jdbc()) {
            // Hold the item so that both requests are inside their transactions at the same time: the first waits
            // on the item, the resend on the patron the first has locked.
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.executeQuery("SELECT id FROM item WHERE barcode = '41000028' FOR UPDATE").close();
            }
            Future<String> a = pool.submit(() -> first.exchange(frame));
            Future<String> b = pool.submit(() -> resent.exchange(frame));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // The pool's connections and the test's share one database user, so the test sees their statements.
            while (count("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()"
                    + " AND INFO LIKE '%FOR UPDATE%'") < 2) {
                assertThat(System.nanoTime()).as("both requests waiting on a lock").isLessThan(deadline);
                Thread.sleep(20);
            }
            blocker.commit();
            assertThat(a.get()).startsWith("121").contains("AY5AZ");
            assertThat(b.get()).isEqualTo(a.get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(loans("41000028")).isEqualTo(1);
        assertThat(auditOutcomes("41000028")).containsExactly("checkout:ok");
        assertThat(count("SELECT COUNT(*) FROM sip_resend WHERE command = '11' AND response IS NULL")).isZero();
        assertThat(replayedCheckouts() - replayed).isEqualTo(1.0);
    }

    @Test
    @DisplayName("the same bytes after the resend window: a new request that acts, not a replay of the old answer")
    void sameBytesAfterTheWindowActAgain() throws Exception {
        String frame = resendableCheckout("41000029", 7);
        double replayed = replayedCheckouts();
        try (Sip2TestClient kiosk = login("tkiosk", "NORTH")) {
            assertThat(kiosk.exchange(frame)).startsWith("121");
            try (Connection c = server.jdbc(); Statement age = c.createStatement()) {
                assertThat(age.executeUpdate("UPDATE sip_resend SET created_at = created_at - INTERVAL 2 HOUR"
                        + " WHERE command = '11' ORDER BY created_at DESC LIMIT 1")).isEqualTo(1);
            }
            assertThat(kiosk.exchange(Sip2Lines.checkin(TEST, "41000029", "NORTH", Sip2Lines.NOW))).startsWith("101");
            assertThat(loans("41000029")).isZero();
            assertThat(kiosk.exchange(frame)).startsWith("121");
        }
        assertThat(loans("41000029")).isEqualTo(1);
        assertThat(auditOutcomes("41000029")).containsExactly("checkout:ok", "checkin:ok", "checkout:ok");
        assertThat(replayedCheckouts() - replayed).isZero();
    }

    /** Patron T6's checkout of {@code item} with sequence number and checksum, as a kiosk that may resend it. */
    private static String resendableCheckout(String item, int sequence) {
        return Sip2Lines.withErrorDetection(Sip2Lines.checkout(TEST, "T6", item, PIN, false, false, ""), sequence);
    }

    private static double replayedCheckouts() throws Exception {
        String metric = "circgate_sip2_resends_replayed_total{command=\"checkout\"} ";
        return server.admin("/metrics").body().lines().filter(line -> line.startsWith(metric))
                .mapToDouble(line -> Double.parseDouble(line.substring(metric.length()))).sum();
    }

    @Test
    @DisplayName("two kiosks checking out one item at the same moment: exactly one loan, the other a clean refusal")
    void concurrentCheckoutOfOneItem() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Sip2TestClient a = login("tkiosk", "NORTH"); Sip2TestClient b = login("tkiosk2", "NORTH")) {
            for (int round = 0; round < 5; round++) {
                String item = String.valueOf(41000011 + round);
                CountDownLatch go = new CountDownLatch(1);
                Future<String> first = pool.submit(() -> {
                    go.await();
                    return checkout(a, TEST, "T7", item, PIN);
                });
                Future<String> second = pool.submit(() -> {
                    go.await();
                    return checkout(b, TEST, "T1", item, PIN);
                });
                go.countDown();
                List<String> answers = List.of(first.get(), second.get());
                assertThat(answers).as("round " + round).filteredOn(r -> r.startsWith("121")).hasSize(1);
                assertThat(answers).filteredOn(r -> r.startsWith("120")).hasSize(1);
                assertThat(loans(item)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("the database failing in the middle of a checkout: a refusal, and no half-written rows")
    void databaseFailureMidRequest() throws Exception {
        try (Sip2TestClient kiosk = login("tkiosk", "NORTH")) {
            assertThat(kiosk.exchange(Sip2Lines.patronStatus(TEST, "T2", PIN))).startsWith("24");
            // The checkout has read and decided; the request with its writes, its resend record and the COMMIT
            // is lost.
            server.faults().failWhen(sql -> sql.contains("INSERT INTO loan") && sql.endsWith("COMMIT"));
            String refused = checkout(kiosk, TEST, "T2", "41000025", PIN);
            server.faults().disarm();
            assertThat(refused).startsWith("120");
            assertThat(fields(refused, "AF")).contains("System unavailable; please try again or see staff");
            assertThat(loans("41000025")).isZero();
            assertThat(auditOutcomes("41000025")).isEmpty();
            assertThat(count("SELECT COUNT(*) FROM sip_resend WHERE command = '11' AND response IS NULL")).isZero();
            assertThat(checkout(kiosk, TEST, "T2", "41000025", PIN)).startsWith("121");
        }
    }

    @Test
    @DisplayName("a message the account may not use gets a readable refusal (seed 000: permissions per account)")
    void notPermitted() throws Exception {
        try (Sip2TestClient kiosk = login("tstatus", "NORTH")) {
            String refused = checkout(kiosk, TEST, "T2", "41000026", PIN);
            assertThat(refused).startsWith("120");
            assertThat(fields(refused, "AF")).contains("Not permitted at this terminal");
            String status = kiosk.exchange("9900302.00");
            assertThat(field(status, "BX").charAt(1)).as("BX position 2, checkout").isEqualTo('N');
        }
    }

    @Test
    @DisplayName("no-block (offline) checkouts: accepted and audited as offline only where the account allows")
    void offlineCheckout() throws Exception {
        try (Sip2TestClient allowed = login("tkiosk", "NORTH"); Sip2TestClient refused = login("kiosk", "MAIN")) {
            assertThat(allowed.exchange(Sip2Lines.checkout(TEST, "T2", "41000027", "", false, true, "")))
                    .startsWith("121");
            assertThat(refused.exchange(Sip2Lines.checkout("DEMO", "21000004", "31000001", "1234", false, true, "")))
                    .as("a barred patron offline at a kiosk that does not accept offline").startsWith("120");
        }
        assertThat(auditOutcomes("41000027")).containsExactly("checkout:offline");
    }

    private static long loans(String itemBarcode) throws Exception {
        return count("SELECT COUNT(*) FROM loan l JOIN item i ON i.id = l.item_id WHERE i.barcode = '"
                + itemBarcode + "'");
    }

    private static long count(String sql) throws Exception {
        return server.count(sql);
    }

    private static List<String> auditOutcomes(String itemBarcode) throws Exception {
        List<String> outcomes = new ArrayList<>();
        try (Connection c = server.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT command, outcome, patron_key FROM audit_event WHERE item_barcode = ? ORDER BY id")) {
            s.setString(1, itemBarcode);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    outcomes.add(rows.getString(1) + ":" + rows.getString(2));
                    String key = rows.getString(3);
                    assertThat(key).as("audit patron key is a pseudonym").matches("[0-9a-f]{16}");
                }
            }
        }
        return outcomes;
    }
}
