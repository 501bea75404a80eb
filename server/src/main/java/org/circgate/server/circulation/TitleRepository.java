package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.circgate.server.db.Sql;

/** Titles, found by the key the library gave them or, failing that, by their exact title text. */
public final class TitleRepository {
    private static final String BY_KEY = """
            SELECT id, title_key, title FROM title WHERE institution_id = ? AND title_key = ?""";
    /** Two rows are enough to tell a unique title text from an ambiguous one. */
    private static final String BY_TEXT = """
            SELECT id, title_key, title FROM title WHERE institution_id = ? AND title = ? ORDER BY id LIMIT 2""";
    /** Copies on the shelf now: not on loan, not set aside for a hold, circulating. */
    private static final String ON_SHELF = """
            SELECT i.id FROM item i
             WHERE i.title_id = ? AND i.status = 'AVAILABLE' AND i.circulating
               AND NOT EXISTS (SELECT 1 FROM loan l WHERE l.item_id = i.id)
               AND NOT EXISTS (SELECT 1 FROM hold h WHERE h.item_id = i.id AND h.status IN ('IN_TRANSIT', 'AVAILABLE'))
             ORDER BY i.id""";

    /** A title: its row id, the library's key and the text kiosks show. */
    public record TitleRecord(long id, String key, String title) {
    }

    /**
     * The title a request names: by key first (NCIP bibliographic ids, import keys), else by its exact text when
     * exactly one title has it (SIP2 kiosks send the title text in AJ).
     */
    public Optional<TitleRecord> find(Connection connection, long institutionId, String identifier)
            throws SQLException {
        if (identifier == null || identifier.isEmpty()) {
            return Optional.empty();
        }
        Optional<TitleRecord> byKey = Sql.one(connection, BY_KEY, TitleRepository::map, institutionId, identifier);
        if (byKey.isPresent()) {
            return byKey;
        }
        List<TitleRecord> byText = Sql.list(connection, BY_TEXT, TitleRepository::map, institutionId, identifier);
        return byText.size() == 1 ? Optional.of(byText.get(0)) : Optional.empty();
    }

    /** Ids of the title's copies that sit on the shelf, free to take. */
    public List<Long> copiesOnShelf(Connection connection, long titleId) throws SQLException {
        return Sql.list(connection, ON_SHELF, row -> row.getLong(1), titleId);
    }

    private static TitleRecord map(java.sql.ResultSet row) throws SQLException {
        return new TitleRecord(row.getLong("id"), row.getString("title_key"), row.getString("title"));
    }
}
