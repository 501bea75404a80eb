package org.circgate.server.sip2;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.Sip2Response;

/**
 * Runs a state-changing SIP2 command in one transaction together with its resend record: either the work happens
 * and its response is stored, or an identical earlier request's stored response is replayed — never both, never
 * twice.
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
        ResendStore store = new ResendStore(services.resendWindow());
        long account = session.account().id();
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

    /** Deletes resend records past the window (run periodically). */
    public static int purge(Sip2Services services) {
        ResendStore store = new ResendStore(services.resendWindow());
        return services.transactions().inTransaction(c -> store.purge(c, services.clock().instant()));
    }
}
