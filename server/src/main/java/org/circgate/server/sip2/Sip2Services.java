package org.circgate.server.sip2;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.circgate.server.account.SipAccountRepository;
import org.circgate.server.circulation.CirculationService;
import org.circgate.server.circulation.InstitutionRepository;
import org.circgate.server.circulation.PatronAuthenticator;
import org.circgate.server.circulation.PatronLookups;
import org.circgate.server.db.Transactions;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.security.SecretHasher;

/**
 * What the SIP2 commands need from the rest of the server, passed in once.
 *
 * @param workers      runs SIP2 requests, any connection's on any thread (see {@link Sip2RequestHandler})
 * @param loginWorkers runs logins (93) apart, so a burst of Argon2 checks leaves the workers to logged-in kiosks
 * @param resendWindow how long the response to a state-changing request is kept for an identical resend
 * @param sharedTransactions lets checkouts and checkins that arrive together share a transaction
 */
public record Sip2Services(Transactions transactions, SecretHasher hasher, ServerMetrics metrics, Clock clock,
        Executor workers, Executor loginWorkers, SipAccountRepository accounts, InstitutionRepository institutions,
        CirculationService circulation, PatronLookups lookups, PatronAuthenticator authenticator,
        Duration resendWindow, SharedTransactions sharedTransactions) {
    public Sip2Services {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(loginWorkers, "loginWorkers");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(institutions, "institutions");
        Objects.requireNonNull(circulation, "circulation");
        Objects.requireNonNull(lookups, "lookups");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(resendWindow, "resendWindow");
        Objects.requireNonNull(sharedTransactions, "sharedTransactions");
    }
}
