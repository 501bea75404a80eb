package org.circgate.server.sip2;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.circgate.server.circulation.CirculationPrefetch;
import org.circgate.server.db.PersistenceException;
import org.circgate.server.db.Sql;
import org.circgate.server.db.Transactions;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.Sip2Response;

/**
 * Runs a state-changing SIP2 command in one transaction together with its resend record: either the work happens
 * and its response is stored, or an identical earlier request's stored response is replayed — never both, never
 * twice.
 *
 * <p>Almost no request is a resend, so the work runs first and its record is written with the commit, in the same
 * round trip as the other writes. An identical request that got there first, committed or still in flight, holds the
 * key: the commit then fails on it, everything rolls back, and the request goes the careful way — claim the key
 * before acting, and replay the stored response when there is one. Claiming first on every request cost each
 * transaction a round trip and a statement more (the checkout of 11+09 sends two requests to MariaDB, not three).
 */
public final class Sip2Resends {
    /** The work of one command inside the transaction. */
    @FunctionalInterface
    public interface Work {
        Sip2CommandHandler.Answer run(Connection connection) throws SQLException;
    }

    private Sip2Resends() {
    }

    public static Sip2CommandHandler.Answer inTransaction(Sip2Services services, Sip2Session session,
            DecodedMessage message, Work work) {
        return inTransaction(services, session, message, null, work);
    }

    /**
     * As above; a checkout or checkin names its rows in {@code shared} (null for none) and may then share a
     * transaction with other kiosks' requests ({@link SharedTransactions}), its work and resend record unchanged. A
     * request that may be a resend ({@link Sip2Session#mayBeResend}) runs alone: a resend whose answer is stored
     * would fail the shared commit and send every request in it back to run alone.
     */
    public static Sip2CommandHandler.Answer inTransaction(Sip2Services services, Sip2Session session,
            DecodedMessage message, CirculationPrefetch.Request shared, Work work) {
        if (shared != null) {
            SharedTransactions.Unit unit = sharedUnit(services, session, message, shared, work);
            if (unit != null) {
                Optional<Sip2CommandHandler.Answer> answer = services.sharedTransactions().run(unit);
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
        }
        return alone(services, session, message, work);
    }

    /**
     * The request's part of a transaction shared with other kiosks' requests: its work, then its resend record. Null
     * when it must run alone: a request that may be a resend ({@link Sip2Session#mayBeResend}, which this asks) would
     * fail the shared commit and send every request in it back to run alone. Asked twice for one request (see
     * {@link SharedCommand#sharedUnit}), the second answer is null.
     */
    public static SharedTransactions.Unit sharedUnit(Sip2Services services, Sip2Session session,
            DecodedMessage message, CirculationPrefetch.Request shared, Work work) {
        if (session.institution() == null || session.mayBeResend(message.resendKey())) {
            return null;
        }
        return new SharedTransactions.Unit(session.institution().id(), shared,
                recorded(services, session, message, work));
    }

    private static Transactions.Work<Sip2CommandHandler.Answer> recorded(Sip2Services services, Sip2Session session,
            DecodedMessage message, Work work) {
        ResendStore store = new ResendStore(services.resendWindow());
        long account = session.account().id();
        return connection -> {
            Sip2CommandHandler.Answer answer = work.run(connection);
            store.record(connection, account, message, answer.response(), services.clock().instant());
            return answer;
        };
    }

    private static Sip2CommandHandler.Answer alone(Sip2Services services, Sip2Session session,
            DecodedMessage message, Work work) {
        try {
            return services.transactions().inTransaction(recorded(services, session, message, work));
        } catch (PersistenceException e) {
            // Any duplicate key goes the careful way: for one that is not the resend record's, the claim below
            // succeeds and the work fails as it did here.
            if (!(e.getCause() instanceof SQLException cause) || !Sql.isDuplicateKey(cause)) {
                throw e;
            }
        }
        return claimFirst(services, new ResendStore(services.resendWindow()), session.account().id(), message, work);
    }

    private static Sip2CommandHandler.Answer claimFirst(Sip2Services services, ResendStore store, long account,
            DecodedMessage message, Work work) {
        record Outcome(Sip2CommandHandler.Answer answer, boolean replayed) {
        }
        Outcome outcome = services.transactions().inTransaction(connection -> {
            Optional<Sip2Response> replay = store.claim(connection, account, message, services.clock().instant());
            if (replay.isPresent()) {
                return new Outcome(new Sip2CommandHandler.Answer(replay.get(), ServerMetrics.Outcome.OK,
                        ServerMetrics.MapAction.NONE), true);
            }
            Sip2CommandHandler.Answer answer = work.run(connection);
            store.save(connection, account, message, answer.response());
            return new Outcome(answer, false);
        });
        // Counted once the transaction has committed: a retried transaction must not count a replay twice.
        if (outcome.replayed()) {
            services.metrics().resendReplayed(Sip2CommandNames.of(message.command()));
        }
        return outcome.answer();
    }

    /**
     * Most purge statements in one run: a minute's run deletes up to 1,000,000 records, far above what the busiest
     * site writes in a minute, and stops instead of running on when the database is slow.
     */
    static final int MAX_PURGE_CHUNKS = 200;

    /** Deletes resend records past the window (run every {@code sip2.resendPurgeIntervalSeconds}); returns how many. */
    public static int purge(Sip2Services services) {
        return purge(services.transactions(), services.resendWindow(), services.clock().instant());
    }

    /**
     * Deletes every record older than {@code window} at {@code now}, in chunks of {@link ResendStore#PURGE_CHUNK},
     * each its own transaction. One chunk per run could not keep up: above 83 changes a second the table grew
     * without bound (1.16 million rows after load runs, more than MariaDB's default buffer pool holds).
     */
    static int purge(Transactions transactions, Duration window, Instant now) {
        ResendStore store = new ResendStore(window);
        int total = 0;
        // Each chunk is its own transaction, so stopping between two (shutdown interrupts the thread) loses nothing.
        for (int chunk = 0; chunk < MAX_PURGE_CHUNKS && !Thread.currentThread().isInterrupted(); chunk++) {
            int deleted = transactions.inTransaction(c -> store.purgeChunk(c, now));
            total += deleted;
            if (deleted < ResendStore.PURGE_CHUNK) {
                break;
            }
        }
        return total;
    }
}
