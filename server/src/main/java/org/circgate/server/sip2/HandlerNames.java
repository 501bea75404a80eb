package org.circgate.server.sip2;

/** Names of the SIP2 pipeline handlers, in pipeline order. */
public final class HandlerNames {
    private HandlerNames() {
    }

    /** Counts opens and closes (by reason), enforces connection caps. */
    public static final String CONNECTIONS = "connections";
    /** TLS (the TLS listener only): handshake, then encrypted bytes in and out. */
    public static final String TLS = "tls";
    /** Closes a connection that sends nothing for the idle timeout, or does not log in within the login deadline. */
    public static final String DEADLINES = "deadlines";
    /** Tracks whether a message is half received: the message deadline, and the drain closes between messages. */
    public static final String MESSAGE_BOUNDARIES = "message-boundaries";
    /** CR framing, decoding to messages, encoding with AY/AZ. */
    public static final String CODEC = "sip2-codec";
    /** One request in flight: stops reading while a request is being answered, keeps order. */
    public static final String IN_FLIGHT = "in-flight";
    /** Answers 99 on the I/O loop, without queueing behind database work. */
    public static final String HEARTBEAT = "sip2-heartbeat";
    /** Answers 23 and 63 from a batched patron lookup, with no worker, when no PIN needs hashing. */
    public static final String PATRON_LOOKUP = "sip2-patron-lookup";
    /** Hands 11 and 09 to a shared transaction, with no worker, when nothing has to block first. */
    public static final String CIRCULATION = "sip2-circulation";
    /** Dispatch to one command class per message; runs on the worker group. */
    public static final String HANDLER = "sip2-handler";
    /** Last: logs the unexpected, stays quiet about network noise, closes. */
    public static final String EXCEPTIONS = "exceptions";
}
