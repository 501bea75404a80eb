package org.circgate.server.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.circgate.policy.ClientInterface;
import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.db.Transactions;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.TestDatabase;
import org.circgate.server.testing.TestLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Issue 5 (23 at 10,000/s): a patron lookup answered from a shared batch statement sees exactly what a lookup of its
 * own in a transaction sees — the same row, loans, holds, bills and policy status — for every patron of the demo and
 * test libraries, under concurrency, for barcodes written differently from the stored ones, and when a list is too
 * long to come back as JSON.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class PatronLookupsIT {
    private static final List<String> DEMO = List.of("21000001", "21000002", "21000003", "21000004", "21000005");
    private static final List<String> TEST = List.of("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9");
    private static ServerFixture server;
    private static Transactions transactions;
    private static CirculationService circulation;
    private static Operator demo;
    private static Operator test;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database);
        TestLibrary.load(server.server());
        transactions = new Transactions(server.server().database().database().dataSource());
        Clock clock = Clock.systemUTC();
        circulation = new CirculationService(new PolicyCatalog(clock, Duration.ofSeconds(30)), new CirculationFacts(),
                new AuditLog(), transactions.inTransaction(PatronPseudonyms::load), clock);
        InstitutionRepository institutions = new InstitutionRepository();
        demo = new Operator(ClientInterface.SIP2, "kiosk", "MAIN",
                transactions.inTransaction(c -> institutions.byCode(c, "DEMO")).orElseThrow());
        test = new Operator(ClientInterface.SIP2, "tkiosk", "NORTH",
                transactions.inTransaction(c -> institutions.byCode(c, TestLibrary.INSTITUTION)).orElseThrow());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Optional<PatronView> alone(Operator operator, String barcode) {
        return transactions.inTransaction(c -> circulation.patronView(c, operator, barcode));
    }

    private static void assertSame(Optional<PatronView> batched, Optional<PatronView> alone) {
        assertThat(batched.isPresent()).isEqualTo(alone.isPresent());
        if (alone.isPresent()) {
            assertThat(batched.get().snapshot()).isEqualTo(alone.get().snapshot());
            // Decisions hold policy objects without value equality; their text names every verdict and reason.
            assertThat(batched.get().status()).hasToString(alone.get().status().toString());
        }
    }

    @Test
    @DisplayName("every demo and test patron: the batched view equals a view read alone in a transaction")
    void batchedEqualsAlone() {
        PatronLookups lookups = new PatronLookups(transactions, circulation, 2, 64);
        for (String barcode : DEMO) {
            Optional<PatronView> view = lookups.view(demo, barcode);
            assertThat(view).as(barcode).isPresent();
            assertSame(view, alone(demo, barcode));
        }
        for (String barcode : TEST) {
            assertSame(lookups.view(test, barcode), alone(test, barcode));
        }
        assertThat(DEMO.stream().mapToInt(b -> lookups.view(demo, b).orElseThrow().snapshot().loans().size()).sum()
                + DEMO.stream().mapToInt(b -> lookups.view(demo, b).orElseThrow().snapshot().holds().size()).sum()
                + DEMO.stream().mapToInt(b -> lookups.view(demo, b).orElseThrow().snapshot().bills().size()).sum())
                .as("the demo library has loans, holds and bills to compare").isGreaterThanOrEqualTo(6);
    }

    @Test
    @DisplayName("16 threads looking up both libraries at once each get their own patron's view")
    void concurrentLookupsGetTheirOwnPatron() throws Exception {
        PatronLookups lookups = new PatronLookups(transactions, circulation, 2, 5);
        List<Optional<PatronView>> expected = new ArrayList<>();
        List<Operator> operators = new ArrayList<>();
        List<String> barcodes = new ArrayList<>();
        for (String barcode : DEMO) {
            operators.add(demo);
            barcodes.add(barcode);
            expected.add(alone(demo, barcode));
        }
        for (String barcode : TEST) {
            operators.add(test);
            barcodes.add(barcode);
            expected.add(alone(test, barcode));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int offset = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        int k = (offset + i) % barcodes.size();
                        assertSame(lookups.view(operators.get(k), barcodes.get(k)), expected.get(k));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a barcode in other letter case or with trailing spaces finds the patron a lookup of its own finds; "
            + "an unknown barcode finds nobody")
    void collationVariantsAndUnknown() {
        PatronLookups lookups = new PatronLookups(transactions, circulation, 1, 64);
        assertSame(lookups.view(test, "t1"), alone(test, "t1"));
        assertThat(lookups.view(test, "t1")).isPresent();
        assertSame(lookups.view(test, "T1  "), alone(test, "T1  "));
        assertThat(lookups.view(test, "NOBODY")).isEmpty();
        assertThat(lookups.view(demo, "T1")).as("another institution's patron").isEmpty();
    }

    @Test
    @DisplayName("lists too long for group_concat_max_len (JSON cut short) are read list by list, with the same result")
    void truncatedJsonFallsBack() throws Exception {
        HikariDataSource pool = (HikariDataSource) server.server().database().database().dataSource();
        String url = pool.getJdbcUrl() + (pool.getJdbcUrl().contains("?") ? "&" : "?")
                + "sessionVariables=group_concat_max_len=4";
        MariaDbDataSource small = new MariaDbDataSource(url);
        small.setUser(pool.getUsername());
        small.setPassword(pool.getPassword());
        Transactions cut = new Transactions(small);
        long limit = cut.inTransaction(c -> {
            try (var s = c.createStatement(); var row = s.executeQuery("SELECT @@group_concat_max_len")) {
                row.next();
                return row.getLong(1);
            }
        });
        assertThat(limit).as("JSON lists longer than 4 bytes are cut short on these connections").isEqualTo(4);
        PatronLookups lookups = new PatronLookups(cut, circulation, 1, 64);
        for (String barcode : DEMO) {
            assertSame(lookups.view(demo, barcode), alone(demo, barcode));
        }
    }

    @Test
    @DisplayName("a list row longer than PatronSnapshotQuery.MAX_ROW_CHARS (a long title full of quotes) is read list "
            + "by list: the whole title, the same result")
    void longRowFallsBack() throws Exception {
        String longTitle = "\"Quoted\" ".repeat(25) + "é".repeat(5); // 255 characters, over 512 once escaped
        long titleId;
        String before;
        try (var c = server.jdbc(); var s = c.createStatement();
                var row = s.executeQuery("SELECT t.id, t.title FROM loan l JOIN item i ON i.id = l.item_id "
                        + "JOIN title t ON t.id = i.title_id ORDER BY l.id LIMIT 1")) {
            assertThat(row.next()).as("the demo library has a loan").isTrue();
            titleId = row.getLong(1);
            before = row.getString(2);
        }
        setTitle(titleId, longTitle);
        try {
            PatronLookups lookups = new PatronLookups(transactions, circulation, 1, 64);
            boolean seen = false;
            for (String barcode : DEMO) {
                Optional<PatronView> view = lookups.view(demo, barcode);
                assertSame(view, alone(demo, barcode));
                seen |= view.orElseThrow().snapshot().loans().stream().anyMatch(l -> longTitle.equals(l.title()));
            }
            assertThat(seen).as("a loan shows the whole long title").isTrue();
        } finally {
            setTitle(titleId, before);
        }
    }

    private static void setTitle(long titleId, String title) throws Exception {
        try (var c = server.jdbc(); var s = c.prepareStatement("UPDATE title SET title = ? WHERE id = ?")) {
            s.setString(1, title);
            s.setLong(2, titleId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
