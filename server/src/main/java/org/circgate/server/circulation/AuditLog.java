package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.circgate.server.db.Sql;

/**
 * The append-only audit trail (seed 000): who (account or agency), where (location), through which interface, what,
 * and how it ended. Written in the caller's transaction, so it exists exactly when the change does. This class only
 * ever inserts.
 */
public final class AuditLog {
    private static final String INSERT = """
            INSERT INTO audit_event (occurred_at, institution_id, interface, operator, location_code, command,
                                     patron_key, item_barcode, outcome, reasons, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** One event; {@code patronKey} is a pseudonym ({@link PatronPseudonyms}), never a barcode or a name. */
    public record Event(Instant at, Long institutionId, String clientInterface, String operator, String location,
            String command, String patronKey, String itemBarcode, String outcome, String reasons, String detail) {
    }

    public void append(Connection connection, Event event) throws SQLException {
        Sql.updateLater(connection, INSERT, event.at(), event.institutionId(), event.clientInterface(),
                event.operator(), event.location(), event.command(), event.patronKey(), event.itemBarcode(),
                event.outcome(), truncate(event.reasons()), truncate(event.detail()));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 255 ? text : text.substring(0, 255);
    }
}
