package org.circgate.sip2;

/** How a connection treats the AY/AZ error-detection trailer on what it receives. */
public enum ErrorDetectionMode {
    /**
     * Verify the checksum when a message carries one; accept messages without it (what Koha and the Evergreen
     * SIPServer do). Outgoing messages carry a trailer when the message they answer did.
     */
    AUTO,
    /**
     * Every received message must carry a valid checksum (SirsiDynix-style); a message without one decodes as
     * invalid. Outgoing messages always carry a trailer.
     */
    REQUIRED
}
