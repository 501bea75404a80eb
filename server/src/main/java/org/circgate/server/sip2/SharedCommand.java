package org.circgate.server.sip2;

import org.circgate.sip2.message.DecodedMessage;

/**
 * A command whose requests may join a transaction shared with other kiosks' requests (11 and 09), and may do so
 * straight from the I/O loop ({@link CirculationFastPath}) when nothing has to block before the transaction.
 */
public interface SharedCommand extends Sip2CommandHandler {
    /**
     * The request's part of a shared transaction, or null when it must take the worker path: a PIN to hash first, or
     * a request that may be a resend. Never blocks; asks {@link Sip2Session#mayBeResend}, so call it once per request.
     */
    SharedTransactions.Unit sharedUnit(DecodedMessage message, Sip2Session session);
}
