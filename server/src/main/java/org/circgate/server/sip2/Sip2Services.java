package org.circgate.server.sip2;

import io.netty.util.concurrent.EventExecutorGroup;
import java.time.Clock;
import java.util.Objects;
import org.circgate.server.account.SipAccountRepository;
import org.circgate.server.db.Transactions;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.security.SecretHasher;

/** What the SIP2 commands need from the rest of the server, passed in once. */
public record Sip2Services(Transactions transactions, SecretHasher hasher, ServerMetrics metrics, Clock clock,
        EventExecutorGroup workers, SipAccountRepository accounts) {
    public Sip2Services {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(accounts, "accounts");
    }

    public Sip2Services(Transactions transactions, SecretHasher hasher, ServerMetrics metrics, Clock clock,
            EventExecutorGroup workers) {
        this(transactions, hasher, metrics, clock, workers, new SipAccountRepository());
    }
}
