package org.circgate.server.sip2;

import org.circgate.sip2.message.DecodedMessage;

/**
 * A request answered from the patron's view alone (23, 63): nothing is written, and once the patron is read the
 * answer needs neither the database nor a worker, unless a PIN must be hashed. {@link PatronLookupFastPath} answers
 * such requests from a batched lookup without a worker; the rest go through {@link #handle}
 * on a worker like any command.
 */
public interface PatronViewCommand extends Sip2CommandHandler {
    /** The patron barcode (AA) of the request. */
    String patronOf(DecodedMessage request);

    /** The PIN (AD) of the request, null or empty when none was sent. */
    String pinOf(DecodedMessage request);

    /** The answer for an identified patron; must not block. */
    Answer answer(DecodedMessage request, Sip2Session session, PatronIdentification.Identified patron);
}
