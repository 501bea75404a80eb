package org.circgate.server.sip2;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.circgate.server.db.Sql;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.ErrorDetectionMode;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2Role;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.Sip2Inbound;
import org.circgate.sip2.message.Sip2MessageReader;
import org.circgate.sip2.message.Sip2MessageWriter;
import org.circgate.sip2.message.Sip2Response;

/**
 * Exactly-once for state-changing SIP2 requests. A kiosk that times out sends the same bytes again (same sequence
 * number, same checksum), possibly on a new connection. Every such request leaves a record under its key, written in
 * the transaction that acts on it, so the key can be taken only once; {@link Sip2Resends} decides when it is written.
 */
final class ResendStore {
    private static final String RECORD = """
            INSERT INTO sip_resend (account_id, resend_key, command, response, created_at) VALUES (?, ?, ?, ?, ?)""";
    private static final String CLAIM = """
            INSERT INTO sip_resend (account_id, resend_key, command, response, created_at) VALUES (?, ?, ?, NULL, ?)""";
    private static final String STORED = """
            SELECT response, created_at FROM sip_resend WHERE account_id = ? AND resend_key = ?""";
    private static final String RECLAIM = """
            UPDATE sip_resend SET response = NULL, created_at = ? WHERE account_id = ? AND resend_key = ?""";
    private static final String SAVE = "UPDATE sip_resend SET response = ? WHERE account_id = ? AND resend_key = ?";
    /** Rows one purge statement deletes: short transactions, so kiosks' claims never wait long behind a purge. */
    static final int PURGE_CHUNK = 5_000;
    private static final String PURGE = "DELETE FROM sip_resend WHERE created_at < ? LIMIT " + PURGE_CHUNK;

    /** Stored responses are plain UTF-8 wire text without a trailer; the trailer is added when replayed. */
    private static final Sip2CodecSettings STORAGE = new Sip2CodecSettings(StandardCharsets.UTF_8, '|',
            ErrorDetectionMode.AUTO, false, Sip2CodecSettings.MAX_FRAME_LENGTH);

    private final Duration window;

    ResendStore(Duration window) {
        this.window = window;
    }

    /**
     * Records the request and its response, held back to go with the commit. If the key is already taken, the
     * commit fails with a duplicate key and the transaction rolls back as a whole.
     */
    void record(Connection connection, long accountId, Sip2Inbound request, Sip2Response response, Instant now)
            throws SQLException {
        Sql.updateLater(connection, RECORD, accountId, request.resendKey(), request.command().code(), wire(response),
                now);
    }

    /**
     * Claims the request for this transaction before it acts, or returns the response stored for an identical
     * earlier request. A record older than the window is treated as new.
     */
    Optional<Sip2Response> claim(Connection connection, long accountId, Sip2Inbound request, Instant now)
            throws SQLException {
        try {
            Sql.update(connection, CLAIM, accountId, request.resendKey(), request.command().code(), now);
            return Optional.empty();
        } catch (SQLException e) {
            if (!Sql.isDuplicateKey(e)) {
                throw e;
            }
        }
        record Stored(byte[] response, Instant createdAt) {
        }
        Optional<Stored> stored = Sql.one(connection, STORED,
                row -> new Stored(row.getBytes("response"), Sql.instant(row, "created_at")), accountId,
                request.resendKey());
        if (stored.isEmpty() || stored.get().response() == null
                || stored.get().createdAt().plus(window).isBefore(now)) {
            Sql.update(connection, RECLAIM, now, accountId, request.resendKey());
            return Optional.empty();
        }
        return Optional.of(decode(stored.get().response()));
    }

    /** Stores the response of a request claimed with {@link #claim}. */
    void save(Connection connection, long accountId, Sip2Inbound request, Sip2Response response) throws SQLException {
        Sql.updateLater(connection, SAVE, wire(response), accountId, request.resendKey());
    }

    private static byte[] wire(Sip2Response response) {
        return new Sip2MessageWriter(Sip2Role.SERVER).toBytes(response, ErrorDetection.none(), STORAGE);
    }

    /** Deletes up to {@link #PURGE_CHUNK} records older than the window; returns how many. */
    int purgeChunk(Connection connection, Instant now) throws SQLException {
        return Sql.update(connection, PURGE, now.minus(window));
    }

    private static Sip2Response decode(byte[] wire) {
        int length = wire.length;
        while (length > 0 && (wire[length - 1] == '\r' || wire[length - 1] == '\n')) {
            length--;
        }
        Sip2Inbound inbound = new Sip2MessageReader(Sip2Role.CLIENT).read(wire, 0, length, STORAGE);
        if (!(inbound instanceof DecodedMessage decoded)) {
            throw new IllegalStateException("stored SIP2 response does not decode: " + inbound.decoderResult());
        }
        return decoded.response();
    }
}
