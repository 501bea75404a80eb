package org.circgate.server.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.circgate.server.db.PersistenceException;
import org.circgate.server.db.Sql;

/**
 * Natural keys already in the database, by institution code: lets an import file refer to locations, patrons,
 * titles and items imported earlier (a file of loans only, say). Used by the validator and, for ids, the writer.
 */
final class ExistingRecords implements ImportValidator.Existing {
    private static final String LOCATION_ID = """
            SELECT l.id FROM location l JOIN institution i ON i.id = l.institution_id WHERE i.code = ? AND l.code = ?""";
    private static final String PATRON_ID = """
            SELECT p.id FROM patron p JOIN institution i ON i.id = p.institution_id WHERE i.code = ? AND p.barcode = ?""";
    private static final String TITLE_ID = """
            SELECT t.id FROM title t JOIN institution i ON i.id = t.institution_id WHERE i.code = ? AND t.title_key = ?""";
    private static final String ITEM_ID = """
            SELECT it.id FROM item it JOIN institution i ON i.id = it.institution_id
             WHERE i.code = ? AND it.barcode = ?""";
    private static final String TITLE_OF_ITEM = """
            SELECT t.title_key FROM item it JOIN institution i ON i.id = it.institution_id
              JOIN title t ON t.id = it.title_id
             WHERE i.code = ? AND it.barcode = ?""";

    private final Connection connection;
    private final Map<String, Optional<Long>> cache = new HashMap<>();

    ExistingRecords(Connection connection) {
        this.connection = connection;
    }

    @Override
    public boolean exists(String institution, ImportValidator.Kind kind, String key) {
        return id(institution, kind, key).isPresent();
    }

    @Override
    public String titleOfItem(String institution, String item) {
        try {
            return Sql.one(connection, TITLE_OF_ITEM, row -> row.getString(1), institution, item).orElse(null);
        } catch (SQLException e) {
            throw new PersistenceException("import lookup failed: " + e.getMessage(), e);
        }
    }

    /** The id of an existing record, if any. */
    Optional<Long> id(String institution, ImportValidator.Kind kind, String key) {
        if (institution == null || key == null) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(kind + "|" + institution + "|" + key, k -> {
            try {
                return Sql.one(connection, sql(kind), row -> row.getLong(1), institution, key);
            } catch (SQLException e) {
                throw new PersistenceException("import lookup failed: " + e.getMessage(), e);
            }
        });
    }

    private static String sql(ImportValidator.Kind kind) {
        return switch (kind) {
            case LOCATION -> LOCATION_ID;
            case PATRON -> PATRON_ID;
            case TITLE -> TITLE_ID;
            case ITEM -> ITEM_ID;
        };
    }
}
