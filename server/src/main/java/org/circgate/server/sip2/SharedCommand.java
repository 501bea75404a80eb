package org.circgate.server.sip2;

import org.circgate.sip2.message.DecodedMessage;

/**
 * A command whose requests may join a transaction shared with other kiosks' requests (11 and 09), and may do so
 * straight from the I/O loop ({@link CirculationFastPath}) when nothing has to block before the transaction.
 */
public interface SharedCommand extends Sip2CommandHandler {
    /**
     * The request's part of a shared transaction, or null when it must take the worker path: a PIN to hash first, or
     * a request that may be a resend. Never blocks. Asks {@link Sip2Session#mayBeResend}, which remembers the request:
     * asked again for the same request (a fast-path request the transaction did not take, now on the worker path), it
     * says "may be a resend", so that request runs alone, which is what it needs.
     */
    SharedTransactions.Unit sharedUnit(DecodedMessage message, Sip2Session session);
}
