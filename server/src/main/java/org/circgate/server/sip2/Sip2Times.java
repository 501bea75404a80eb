package org.circgate.server.sip2;

import java.time.Clock;
import java.time.Instant;
import org.circgate.sip2.Sip2DateTime;

/** SIP2 dates in the institution's local time (four spaces for the zone), UTC before login. */
public final class Sip2Times {
    private Sip2Times() {
    }

    public static Sip2DateTime now(Clock clock, Sip2Session session) {
        return at(clock.instant(), session);
    }

    public static Sip2DateTime at(Instant instant, Sip2Session session) {
        return session.institution() == null ? Sip2DateTime.utc(instant)
                : Sip2DateTime.local(instant, session.institution().zone());
    }
}
