package org.circgate.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where and when a request is decided. Time is always passed in, never read inside a decision.
 *
 * @param clientInterface  the concrete interface the request came through (SIP2, NCIP, ...)
 * @param today            the library's current date
 * @param library          the Library policy of the station (for due dates), or null for the policy's default
 * @param overrideSupplied an operator entered a valid override code; ignored on interfaces that cannot take one
 */
public record RequestContext(ClientInterface clientInterface, LocalDate today, String library,
                             boolean overrideSupplied) {

    public RequestContext {
        ClientInterface.requireConcrete(clientInterface);
        Objects.requireNonNull(today, "today");
    }

    /** A request without override through {@code clientInterface}, dated by {@code clock} in the clock's zone. */
    public static RequestContext of(ClientInterface clientInterface, Clock clock, String library) {
        return new RequestContext(clientInterface, LocalDate.now(clock), library, false);
    }

    public static RequestContext of(ClientInterface clientInterface, LocalDate today) {
        return new RequestContext(clientInterface, today, null, false);
    }

    public RequestContext withOverride() {
        return new RequestContext(clientInterface, today, library, true);
    }
}
