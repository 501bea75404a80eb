package org.circgate.server.ncip;

/** Names of the NCIP pipeline handlers, in pipeline order. */
public final class NcipHandlerNames {
    private NcipHandlerNames() {
    }

    /** Counts opens and closes (by reason), enforces the connection cap. */
    public static final String CONNECTIONS = "connections";
    /** TLS, when configured. */
    public static final String TLS = "tls";
    /** Starts the request clock of {@link #DEADLINES} at a request's first byte. */
    public static final String FIRST_BYTE = "first-byte";
    /** HTTP/1.1 request decoding and response encoding. */
    public static final String HTTP_CODEC = "http-codec";
    /** Idle timeout between requests, deadline for a request to arrive complete. */
    public static final String DEADLINES = "deadlines";
    /** Refuses a declared Content-Length over the limit with 413 before reading the body. */
    public static final String BODY_LIMIT = "ncip-body-limit";
    /** Collects the body (chunked bodies are cut at the same limit). */
    public static final String AGGREGATOR = "http-aggregator";
    /** Authentication, parsing, dispatch to one class per service; runs on the worker group. */
    public static final String HANDLER = "ncip-handler";
    /** Last: logs the unexpected, stays quiet about network noise, closes. */
    public static final String EXCEPTIONS = "exceptions";
}
