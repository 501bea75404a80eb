package org.circgate.server.ncip.agency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * NCIP partner API keys. A key is random text of 24-128 URL-safe characters (so it can travel as a path segment,
 * a query parameter or an {@code Authorization: apikey ...} header unchanged). With that much entropy a SHA-256
 * digest is safe at rest and cheap to check on every request, unlike the slow hash a short PIN needs.
 */
public final class ApiKeys {
    public static final int MIN_LENGTH = 24;
    public static final int MAX_LENGTH = 128;
    public static final String HASH_PREFIX = "sha256:";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~-]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");
    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");

    private ApiKeys() {
    }

    /** True for text that may be an API key (right length and characters); says nothing about whether it is one. */
    public static boolean isWellFormed(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    public static boolean isHash(String hash) {
        return hash != null && HASH.matcher(hash).matches();
    }

    /** {@code sha256:} + the hex digest of the key's UTF-8 bytes. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HASH_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A description of the allowed form, for error messages. */
    public static String form() {
        return MIN_LENGTH + "-" + MAX_LENGTH + " characters of A-Z a-z 0-9 . _ ~ -";
    }
}
