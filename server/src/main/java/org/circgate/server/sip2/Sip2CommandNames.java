package org.circgate.server.sip2;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.circgate.sip2.Sip2Command;

/** The {@code command} label of the request metrics: a closed set, one per request type (docs/metrics.md). */
public final class Sip2CommandNames {
    private static final Map<Sip2Command, String> NAMES = new EnumMap<>(Sip2Command.class);

    static {
        for (Sip2Command command : Sip2Command.values()) {
            // A response code sent to the server is answered as an unknown request; it gets no label of its own.
            NAMES.put(command, command.isRequest() ? command.name().toLowerCase(Locale.ROOT) : "unknown");
        }
        NAMES.put(Sip2Command.PATRON_STATUS_REQUEST, "patron_status");
        NAMES.put(Sip2Command.REQUEST_ACS_RESEND, "request_resend");
    }

    private Sip2CommandNames() {
    }

    public static String of(Sip2Command command) {
        return NAMES.get(command);
    }
}
