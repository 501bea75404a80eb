package org.circgate.server.ncip;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.circgate.server.db.Sql;

/** The few reads NCIP needs beyond the circulation repositories: bibliographic details and ids partners send. */
public final class NcipLookups {
    private static final String TITLE_DETAILS = "SELECT author, isbn FROM title WHERE id = ?";
    /** Two rows are enough to tell a unique ISBN from an ambiguous one. */
    private static final String TITLE_KEY_BY_ISBN = """
            SELECT title_key FROM title WHERE institution_id = ? AND isbn = ? ORDER BY id LIMIT 2""";
    private static final String ITEM_OF_REQUEST = """
            SELECT i.barcode FROM hold h JOIN item i ON i.id = h.item_id
             WHERE h.institution_id = ? AND h.external_id = ?""";
    private static final String PATRON_OF_REQUEST = """
            SELECT p.barcode FROM hold h JOIN patron p ON p.id = h.patron_id
             WHERE h.institution_id = ? AND h.external_id = ?""";
    private static final String HOME_LOCATION = """
            SELECT l.code FROM patron p JOIN location l ON l.id = p.home_location_id WHERE p.id = ?""";

    /** Author and ISBN of a title, either may be null. */
    public record TitleDetails(String author, String isbn) {
    }

    public TitleDetails titleDetails(Connection connection, long titleId) throws SQLException {
        return Sql.one(connection, TITLE_DETAILS, row -> new TitleDetails(row.getString("author"),
                row.getString("isbn")), titleId).orElse(new TitleDetails(null, null));
    }

    /** The key of the one title with this ISBN (hyphens and spaces ignored), if exactly one has it. */
    public Optional<String> titleKeyByIsbn(Connection connection, long institutionId, String isbn)
            throws SQLException {
        String normalised = isbn.replaceAll("[\\s-]", "");
        var keys = Sql.list(connection, TITLE_KEY_BY_ISBN, row -> row.getString(1), institutionId, normalised);
        return keys.size() == 1 ? Optional.of(keys.get(0)) : Optional.empty();
    }

    /** The barcode of the copy a request (hold, by its external id) is for, if it names a copy. */
    public Optional<String> itemOfRequest(Connection connection, long institutionId, String requestId)
            throws SQLException {
        return Sql.one(connection, ITEM_OF_REQUEST, row -> row.getString(1), institutionId, requestId);
    }

    /** The barcode of the patron a request (hold, by its external id) belongs to. */
    public Optional<String> patronOfRequest(Connection connection, long institutionId, String requestId)
            throws SQLException {
        return Sql.one(connection, PATRON_OF_REQUEST, row -> row.getString(1), institutionId, requestId);
    }

    /** The patron's home location code, if set. */
    public Optional<String> homeLocation(Connection connection, long patronId) throws SQLException {
        return Sql.one(connection, HOME_LOCATION, row -> row.getString(1), patronId);
    }
}
