package org.circgate.server.circulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.circgate.policy.CirculationEngine;
import org.circgate.policy.PinLoginResult;
import org.circgate.policy.PinRules;
import org.circgate.policy.PinState;
import org.circgate.policy.PinStatus;
import org.circgate.policy.UserProfile;
import org.circgate.server.db.Transactions;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.security.SecretHasher;

/**
 * Checks a patron's PIN (seed 002 rules from the policy) with the failure counters in the database, so a lockout
 * holds across server instances. The slow hash runs outside any transaction and never on an event loop (callers are
 * worker threads). After {@value #THROTTLE_AFTER} consecutive failures, further attempts wait out a doubling pause
 * (capped at an hour) without being checked at all — brute force gets nowhere even under the default PIN rules,
 * which never lock.
 */
public final class PatronAuthenticator {
    static final int THROTTLE_AFTER = 5;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(1);

    /** The verdict on one attempt. */
    public enum Result {
        ACCEPTED, NO_PIN_GIVEN, NO_PIN_ON_RECORD, WRONG, LOCKED, THROTTLED, EXPIRED;

        public boolean accepted() {
            return this == ACCEPTED;
        }
    }

    private final Transactions transactions;
    private final SecretHasher hasher;
    private final PatronRepository patrons;
    private final ServerMetrics metrics;
    private final Clock clock;

    public PatronAuthenticator(Transactions transactions, SecretHasher hasher, PatronRepository patrons,
            ServerMetrics metrics, Clock clock) {
        this.transactions = transactions;
        this.hasher = hasher;
        this.patrons = patrons;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Verifies {@code entered} for {@code patron} (loaded by the caller). An empty, missing or asterisks-only PIN
     * never authenticates.
     */
    public Result verify(PatronRecord patron, String entered, CirculationEngine engine, ZoneId zone) {
        if (!PinRules.isCandidate(entered)) {
            return Result.NO_PIN_GIVEN;
        }
        Instant now = clock.instant();
        if (patron.pinLocked()) {
            metrics.authFailure(ServerMetrics.AuthKind.PATRON_PIN, ServerMetrics.AuthFailure.LOCKED);
            return Result.LOCKED;
        }
        if (throttled(patron, now)) {
            metrics.authFailure(ServerMetrics.AuthKind.PATRON_PIN, ServerMetrics.AuthFailure.THROTTLED);
            return Result.THROTTLED;
        }
        UserProfile profile = engine.policy().profile(patron.profile());
        PinRules rules = engine.policy().pins().rulesFor(profile == null ? null : profile.userAccess(), null);
        boolean matched = patron.pinHash() != null && hasher.matches(rules.normalize(entered), patron.pinHash());
        PinState state = new PinState(patron.pinChanged(), patron.pinExpires(), patron.pinFailures(), null);
        PinLoginResult result = rules.login(state, entered, matched, now.atZone(zone).toLocalDate());
        if (result.accepted()) {
            if (patron.pinFailures() != 0) {
                transactions.execute(c -> patrons.recordPinSuccess(c, patron.id()));
            }
            return Result.ACCEPTED;
        }
        if (result.refusal() == PinLoginResult.Refusal.EXPIRED) {
            metrics.authFailure(ServerMetrics.AuthKind.PATRON_PIN, ServerMetrics.AuthFailure.BAD_CREDENTIALS);
            return Result.EXPIRED;
        }
        boolean lockNow = result.status() == PinStatus.LOCKED;
        transactions.execute(c -> patrons.recordPinFailure(c, patron.id(), result.failedAttempts(), now, lockNow));
        if (lockNow) {
            metrics.lockout(ServerMetrics.AuthKind.PATRON_PIN);
            metrics.authFailure(ServerMetrics.AuthKind.PATRON_PIN, ServerMetrics.AuthFailure.LOCKED);
            return Result.LOCKED;
        }
        metrics.authFailure(ServerMetrics.AuthKind.PATRON_PIN, ServerMetrics.AuthFailure.BAD_CREDENTIALS);
        if (patron.pinHash() == null) {
            return Result.NO_PIN_ON_RECORD;
        }
        if (result.failedAttempts() == THROTTLE_AFTER) {
            metrics.lockout(ServerMetrics.AuthKind.PATRON_PIN);
        }
        return Result.WRONG;
    }

    static boolean throttled(PatronRecord patron, Instant now) {
        if (patron.pinFailures() < THROTTLE_AFTER || patron.pinLastFailure() == null) {
            return false;
        }
        int doublings = Math.min(patron.pinFailures() - THROTTLE_AFTER, 20);
        Duration pause = FIRST_PAUSE.multipliedBy(1L << doublings);
        if (pause.compareTo(LONGEST_PAUSE) > 0) {
            pause = LONGEST_PAUSE;
        }
        return patron.pinLastFailure().plus(pause).isAfter(now);
    }
}
