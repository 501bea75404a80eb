package org.circgate.server.lifecycle;

import java.net.InetSocketAddress;
import java.time.Instant;

/** A bound protocol listener, stopped in two steps so in-flight requests can finish. */
public interface Listener {
    /** Short name for logs: "SIP2", "NCIP". */
    String name();

    InetSocketAddress address();

    /** Closes the listening socket; open connections stay. */
    void stopAccepting();

    /**
     * Lets each connection finish the request it is working on, closes connections at message boundaries, and
     * returns when all are closed or the deadline has passed (then closes what is left).
     */
    void drain(Instant deadline);
}
