package org.circgate.ncip;

/** How secrets and patron identifiers appear in toString: only whether they are present. */
final class Masking {

    private Masking() {
    }

    static String mask(String secret) {
        return secret == null ? "null" : "***";
    }
}
