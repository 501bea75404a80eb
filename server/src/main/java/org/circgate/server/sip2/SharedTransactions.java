package org.circgate.server.sip2;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import org.circgate.server.circulation.CirculationFacts;
import org.circgate.server.circulation.CirculationPrefetch;
import org.circgate.server.db.BatchRunners;
import org.circgate.server.db.ReadBatcher;
import org.circgate.server.db.Transactions;
import org.circgate.server.metrics.ServerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkouts and checkins from different kiosks that arrive together share one transaction. What a checkout costs
 * MariaDB is mostly per statement (parsing, planning, a round trip), hardly per row; so the shared transaction reads
 * the rows of all its requests with one statement per kind of row ({@link CirculationFacts#prefetch}), runs each
 * request's own work in turn (each decides and answers exactly as alone), and sends their writes, same statements
 * merged into multi-row INSERTs, with one COMMIT. Nothing waits for a transaction to fill: an idle server runs each
 * request at once, in a transaction of one; a busy one shares a transaction among the requests that queued while
 * the {@code maxConcurrent} running ones ran ({@link ReadBatcher}, the same hand-over as the patron lookups). A
 * shared transaction does not wait for the patrons and items it reads ahead: it leaves out the requests whose rows
 * another transaction holds, and those wait in transactions of their own. Its later statements may still wait, as
 * they would alone (a fine's bill needs a share lock on its borrower, a trapped hold its row), and then the requests
 * sharing it wait too; a deadlock there retries the whole transaction, then each request alone. A request that may be
 * a kiosk's resend does not share ({@link Sip2Session#mayBeResend}).
 *
 * <p>The requests of one transaction touch disjoint patrons and items (see {@link CirculationPrefetch}); one that
 * would share a row with another runs after it, alone. Every request still commits atomically with its audit event
 * and its resend record. If anything fails — a resend's record already there, a deadlock past its retries, a broken
 * connection — the whole shared transaction rolls back and every request in it runs again alone, where it succeeds
 * or fails exactly as it would have on its own. A commit whose outcome is unknown does not act twice: the rerun finds
 * the resend record and replays its answer.
 */
public final class SharedTransactions implements AutoCloseable {
    /** One request's part: what it reads ahead, and its work (which writes its resend record). */
    public static final class Unit {
        private final long institutionId;
        private final CirculationPrefetch.Request request;
        private final Transactions.Work<Sip2CommandHandler.Answer> work;

        public Unit(long institutionId, CirculationPrefetch.Request request,
                Transactions.Work<Sip2CommandHandler.Answer> work) {
            this.institutionId = institutionId;
            this.request = Objects.requireNonNull(request, "request");
            this.work = Objects.requireNonNull(work, "work");
        }
        // Identity equality on purpose: two kiosks may send equal requests, and each gets its own answer.
    }

    private static final Logger log = LoggerFactory.getLogger(SharedTransactions.class);

    private final Transactions transactions;
    private final CirculationFacts facts;
    private final ServerMetrics metrics;
    private final ExecutorService runners;
    private final ReadBatcher<Unit, Sip2CommandHandler.Answer> batcher;
    private final int maxRequests;

    /**
     * @param maxConcurrent most shared transactions at once
     * @param maxRequests   most requests in one; 1 runs every request alone, as before shared transactions
     */
    public SharedTransactions(Transactions transactions, CirculationFacts facts, ServerMetrics metrics,
            int maxConcurrent, int maxRequests) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be at least 1: " + maxRequests);
        }
        this.maxRequests = maxRequests;
        // Transactions nobody blocks in (runAsync's, from the I/O loops) run here, at most maxConcurrent at once
        // together with the blocked callers' own.
        this.runners = BatchRunners.create("circgate-shared", maxConcurrent);
        // A runner hands over as soon as its own request is done: a transaction takes milliseconds, too long to keep
        // its kiosk waiting (11+09 at 500 pairs/s: p99 of the 11 12.6 ms handing over at once, 14.4 ms after one
        // more transaction).
        this.batcher = new ReadBatcher<>(this::runShared, runners, maxConcurrent, maxRequests, 0);
    }

    /** False when {@code maxRequests} is 1: every request then runs alone, and no request needs to come here. */
    public boolean shares() {
        return maxRequests > 1;
    }

    /** The answer from a shared transaction, or empty when the caller must run its request alone. */
    public Optional<Sip2CommandHandler.Answer> run(Unit unit) {
        if (maxRequests == 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(batcher.get(unit));
    }

    /**
     * Like {@link #run} without blocking: queues the unit and returns at once; {@code then} gets the answer, or empty
     * when the request must run alone, or the failure, on the thread that ran the transaction (so it must not block).
     */
    public void runAsync(Unit unit, BiConsumer<Optional<Sip2CommandHandler.Answer>, RuntimeException> then) {
        if (maxRequests == 1) {
            then.accept(Optional.empty(), null);
            return;
        }
        batcher.getAsync(unit, (answer, failure) -> then.accept(Optional.ofNullable(answer), failure));
    }

    /** Stops the runner threads once their transactions are done, waiting up to {@code wait}. */
    public void close(Duration wait) {
        BatchRunners.close(runners, wait);
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }

    /** Runs what can share; the units missing from the result run alone. */
    private Map<Unit, Sip2CommandHandler.Answer> runShared(List<Unit> units) {
        Map<Long, List<Unit>> byInstitution = new LinkedHashMap<>();
        for (Unit unit : units) {
            byInstitution.computeIfAbsent(unit.institutionId, id -> new ArrayList<>()).add(unit);
        }
        Map<Unit, Sip2CommandHandler.Answer> answers = new HashMap<>();
        for (Map.Entry<Long, List<Unit>> group : byInstitution.entrySet()) {
            answers.putAll(runShared(group.getKey(), distinctBarcodes(group.getValue())));
        }
        return answers;
    }

    private Map<Unit, Sip2CommandHandler.Answer> runShared(long institutionId, List<Unit> units) {
        List<CirculationPrefetch.Request> requests = units.stream().map(u -> u.request).toList();
        try {
            Map<Unit, Sip2CommandHandler.Answer> answers = transactions.inTransaction(connection -> {
                CirculationPrefetch prefetch = facts.prefetch(connection, institutionId, requests);
                Map<Unit, Sip2CommandHandler.Answer> done = new HashMap<>();
                for (Unit unit : units) {
                    if (prefetch.accepted(unit.request)) {
                        Transactions.startUnit(connection);
                        done.put(unit, unit.work.run(connection));
                    }
                }
                return done;
            });
            if (!answers.isEmpty()) {
                metrics.sharedTransaction(answers.size());
            }
            return answers;
        } catch (RuntimeException e) {
            metrics.sharedTransactionFailed();
            log.debug("A shared transaction of {} requests failed; each runs alone: {}", units.size(), e.toString());
            return Map.of();
        }
    }

    /**
     * Checkouts first, so when a checkout and a checkin conflict (one patron, one item) the checkout, whose patron is
     * standing at the kiosk, shares and the checkin runs after; and no barcode twice: a later request naming a patron
     * or item already named runs alone after this transaction.
     */
    private static List<Unit> distinctBarcodes(List<Unit> units) {
        List<Unit> ordered = new ArrayList<>(units.size());
        units.stream().filter(u -> u.request.isCheckout()).forEach(ordered::add);
        units.stream().filter(u -> !u.request.isCheckout()).forEach(ordered::add);
        Set<String> patrons = new HashSet<>();
        Set<String> items = new HashSet<>();
        List<Unit> distinct = new ArrayList<>(ordered.size());
        for (Unit unit : ordered) {
            String patron = unit.request.patronBarcode();
            if (items.contains(unit.request.itemBarcode()) || patron != null && patrons.contains(patron)) {
                continue;
            }
            items.add(unit.request.itemBarcode());
            if (patron != null) {
                patrons.add(patron);
            }
            distinct.add(unit);
        }
        return distinct;
    }
}
