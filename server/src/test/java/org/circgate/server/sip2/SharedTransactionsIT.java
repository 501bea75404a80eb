package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.circgate.server.circulation.AuditLog;
import org.circgate.server.circulation.CirculationFacts;
import org.circgate.server.circulation.CirculationPrefetch;
import org.circgate.server.db.Transactions;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.TestDatabase;
import org.circgate.server.testing.TestLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5 (11+09 throughput), {@link SharedTransactions} itself against the real database, made deterministic: one
 * shared transaction at a time, the first one held open by its work while the next requests queue behind it. Those
 * then share one transaction (one connection, one commit); when one of them fails, none of their writes stays and
 * each is sent back to run alone.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class SharedTransactionsIT {
    private static ServerFixture server;
    private static long institution;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database);
        TestLibrary.load(server.server());
        try (Connection c = server.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT id FROM institution WHERE code = ?")) {
            s.setString(1, TestLibrary.INSTITUTION);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                institution = row.getLong(1);
            }
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static final Sip2CommandHandler.Answer DONE = new Sip2CommandHandler.Answer(null,
            ServerMetrics.Outcome.OK, ServerMetrics.MapAction.NONE);

    @Test
    void requestsQueuedBehindARunningTransactionShareTheNextOne() throws Exception {
        SharedTransactions shared = shared();
        String marker = "shared-" + System.nanoTime();
        Set<Connection> connections = ConcurrentHashMap.newKeySet();
        double transactions = counter("circgate.sip2.shared.transactions");
        double requests = counter("circgate.sip2.shared.transaction.requests");
        List<Optional<Sip2CommandHandler.Answer>> answers = runBehindAnOpenTransaction(shared, marker, connections,
                -1);

        assertThat(answers).allSatisfy(answer -> assertThat(answer).contains(DONE));
        assertThat(connections).as("the three queued requests ran on one connection, in one transaction").hasSize(1);
        assertThat(events(marker)).as("every request's held-back write committed").isEqualTo(1 + 3);
        assertThat(counter("circgate.sip2.shared.transactions") - transactions).as("the first's, then one more")
                .isEqualTo(2.0);
        assertThat(counter("circgate.sip2.shared.transaction.requests") - requests).isEqualTo(4.0);
    }

    @Test
    void whenOneRequestFailsNoneOfTheSharedWritesStayAndEachRunsAlone() throws Exception {
        SharedTransactions shared = shared();
        String marker = "failed-" + System.nanoTime();
        double failures = counter("circgate.sip2.shared.transaction.failures");
        List<Optional<Sip2CommandHandler.Answer>> answers = runBehindAnOpenTransaction(shared, marker,
                ConcurrentHashMap.newKeySet(), 1);

        assertThat(answers.get(0)).as("the first, alone in its transaction, committed").contains(DONE);
        assertThat(answers.subList(1, 4)).as("sent back to run alone").allSatisfy(a -> assertThat(a).isEmpty());
        assertThat(events(marker)).as("only the first request's write stays").isEqualTo(1);
        assertThat(counter("circgate.sip2.shared.transaction.failures")).isEqualTo(failures + 1);
    }

    /** One shared transaction at a time, at most 16 requests each. */
    private static SharedTransactions shared() {
        return new SharedTransactions(server.server().database().transactions(), new CirculationFacts(),
                server.server().metrics(), 1, 16);
    }

    /**
     * Runs a checkout of T1 whose work waits until three more requests (checkouts of T2 and T3, a checkin) are queued
     * behind it, then lets it commit. Each work appends an audit event marked {@code marker}; the one numbered
     * {@code failing} (0-3, or -1 for none) throws after its write.
     */
    private static List<Optional<Sip2CommandHandler.Answer>> runBehindAnOpenTransaction(SharedTransactions shared,
            String marker, Set<Connection> connections, int failing) throws Exception {
        List<CirculationPrefetch.Request> requests = List.of(CirculationPrefetch.Request.checkout("T1", "41000021"),
                CirculationPrefetch.Request.checkout("T2", "41000022"),
                CirculationPrefetch.Request.checkout("T3", "41000023"),
                CirculationPrefetch.Request.checkin("41000024"));
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<Optional<Sip2CommandHandler.Answer>>> futures = new ArrayList<>();
            List<Thread> queued = new CopyOnWriteArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                int index = i;
                Transactions.Work<Sip2CommandHandler.Answer> work = connection -> {
                    if (index == 0) {
                        firstRunning.countDown();
                        try {
                            release.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            throw new SQLException("interrupted", e);
                        }
                    } else {
                        connections.add(connection);
                    }
                    new AuditLog().append(connection, new AuditLog.Event(Instant.now(), institution, "SIP2",
                            "test", "NORTH", "checkout", null, requests.get(index).itemBarcode(), "ok", null, marker));
                    if (index == failing) {
                        throw new IllegalStateException("request " + index + " fails");
                    }
                    return DONE;
                };
                futures.add(pool.submit(() -> {
                    if (index > 0) {
                        queued.add(Thread.currentThread());
                    }
                    return shared.run(new SharedTransactions.Unit(institution, requests.get(index), work));
                }));
                if (index == 0) {
                    assertThat(firstRunning.await(20, TimeUnit.SECONDS)).isTrue();
                }
            }
            // Parked twice in a row, 100 ms apart: waiting for a place, not passing through the batcher's lock.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int parkedPolls = 0;
            while (parkedPolls < 2) {
                assertThat(System.nanoTime()).as("three requests waiting for a place").isLessThan(deadline);
                boolean parked = queued.size() == 3
                        && queued.stream().allMatch(t -> t.getState() == Thread.State.WAITING);
                parkedPolls = parked ? parkedPolls + 1 : 0;
                Thread.sleep(100);
            }
            release.countDown();
            List<Optional<Sip2CommandHandler.Answer>> answers = new ArrayList<>();
            for (Future<Optional<Sip2CommandHandler.Answer>> future : futures) {
                answers.add(future.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double counter(String name) {
        return server.server().metrics().registry().get(name).counter().count();
    }

    private static long events(String marker) throws Exception {
        try (Connection c = server.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM audit_event WHERE detail = ?")) {
            s.setString(1, marker);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
