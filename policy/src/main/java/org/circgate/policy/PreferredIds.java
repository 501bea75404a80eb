package org.circgate.policy;

import java.util.Optional;

/**
 * Rules for a user's Preferred ID (seed 002): 8–254 characters, none of {@code \ : , " < ( > ) ;} or space.
 * The server stores it encrypted.
 */
public final class PreferredIds {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 254;
    /** The characters seed 002 forbids. */
    public static final String FORBIDDEN = "\\:,\"<(>); ";

    private PreferredIds() {
    }

    /** What is wrong with {@code id}, or empty when it is a valid Preferred ID. */
    public static Optional<String> problemWith(String id) {
        if (id == null || id.length() < MIN_LENGTH) {
            return Optional.of("a Preferred ID needs at least " + MIN_LENGTH + " characters");
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of("a Preferred ID has at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (FORBIDDEN.indexOf(c) >= 0) {
                return Optional.of("a Preferred ID may not contain '" + c + "'");
            }
        }
        return Optional.empty();
    }

    public static boolean isValid(String id) {
        return problemWith(id).isEmpty();
    }
}
