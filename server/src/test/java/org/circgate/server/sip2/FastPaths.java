package org.circgate.server.sip2;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.circgate.server.account.SipAccount;
import org.circgate.server.account.SipAccountOptions;
import org.circgate.server.circulation.Institution;
import org.circgate.sip2.Language;
import org.circgate.sip2.PatronStatus;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.message.PatronStatusResponse;
import org.circgate.sip2.message.Sip2Response;

/** What the tests of the I/O-loop fast paths share: a logged-in session, a response, a runner thread. */
final class FastPaths {
    static final Sip2DateTime WHEN = Sip2DateTime.utc(Instant.parse("2026-11-23T10:00:00Z"));
    static final Institution INSTITUTION = new Institution(1, "DEMO", "Demo", ZoneOffset.UTC, false);

    private FastPaths() {
    }

    static void logIn(EmbeddedChannel channel, SipAccountOptions options) {
        SipAccount account = new SipAccount(7, "kiosk", "hash", 1, "DEMO", "Demo", Set.of("MAIN"), null, false, true,
                options);
        Sip2Session.of(channel).loggedIn(account, "MAIN", INSTITUTION);
    }

    /** A response carrying {@code screenMessage}, so a test can see which answer was written. */
    static Sip2Response response(String screenMessage) {
        return PatronStatusResponse.builder().patronStatus(PatronStatus.UNKNOWN_PATRON).language(Language.UNKNOWN)
                .transactionDate(WHEN).institutionId("DEMO").patronIdentifier("P1").personalName("")
                .validPatron(false).validPatronPassword(false).screenMessages(screenMessage).build();
    }

    /** Runs {@code callback} on another thread, as a batch runner does, then lets the channel's I/O loop work. */
    static void fromRunner(EmbeddedChannel channel, Runnable callback) throws InterruptedException {
        Thread runner = new Thread(callback, "test-runner");
        runner.start();
        runner.join(10_000);
        channel.runPendingTasks();
    }
}
