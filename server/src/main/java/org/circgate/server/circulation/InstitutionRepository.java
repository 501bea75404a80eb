package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.circgate.server.db.Sql;

/** Institutions, cached by id (they change only by import, and then only their name or zone). */
public final class InstitutionRepository {
    private static final String BY_ID = "SELECT id, code, name, time_zone, training FROM institution WHERE id = ?";
    private static final String BY_CODE = "SELECT id, code, name, time_zone, training FROM institution WHERE code = ?";

    private final Map<Long, Institution> cache = new ConcurrentHashMap<>();

    public Institution byId(Connection connection, long id) throws SQLException {
        Institution cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        Institution found = Sql.one(connection, BY_ID, InstitutionRepository::map, id)
                .orElseThrow(() -> new SQLException("institution " + id + " vanished"));
        cache.put(id, found);
        return found;
    }

    public Optional<Institution> byCode(Connection connection, String code) throws SQLException {
        return Sql.one(connection, BY_CODE, InstitutionRepository::map, code);
    }

    private static Institution map(java.sql.ResultSet row) throws SQLException {
        return new Institution(row.getLong("id"), row.getString("code"), row.getString("name"),
                ZoneId.of(row.getString("time_zone")), row.getBoolean("training"));
    }
}
