package org.circgate.server.security;

import java.time.Duration;

/**
 * No turn to hash came within the configured wait: more password and PIN checks arrived than the machine hashes in
 * that time. The request is refused as temporarily unavailable; it says nothing about the secret, so it never counts
 * as a wrong password or PIN.
 */
public final class HashCapacityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HashCapacityException(Duration waited) {
        super("no turn to hash a secret within " + waited.toMillis() + " ms");
    }
}
