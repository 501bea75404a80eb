package org.circgate.server.circulation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.circgate.server.db.Sql;

/**
 * Keyed pseudonyms for patrons in the audit trail and logs: HMAC-SHA256 of institution and barcode under a secret
 * that all instances share (stored once in {@code server_secret}), truncated to 16 hex digits. The same patron gets
 * the same key everywhere, and the key cannot be turned back into a barcode without the secret.
 */
public final class PatronPseudonyms {
    private static final String SECRET_NAME = "patron-pseudonym-key";
    private static final String CREATE = "INSERT IGNORE INTO server_secret (name, value) VALUES (?, ?)";
    private static final String READ = "SELECT value FROM server_secret WHERE name = ?";

    private final SecretKeySpec key;

    private PatronPseudonyms(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Loads the shared secret, creating it on first use. */
    public static PatronPseudonyms load(Connection connection) throws SQLException {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Sql.update(connection, CREATE, SECRET_NAME, Base64.getEncoder().encodeToString(fresh));
        String stored = Sql.one(connection, READ, row -> row.getString(1), SECRET_NAME)
                .orElseThrow(() -> new SQLException("server secret missing after insert"));
        return new PatronPseudonyms(Base64.getDecoder().decode(stored));
    }

    public String of(String institution, String barcode) {
        if (barcode == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(institution.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(barcode.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "PatronPseudonyms[key=***]";
    }
}
