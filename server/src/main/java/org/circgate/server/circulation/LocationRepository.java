package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.SQLException;
import org.circgate.server.db.Sql;

/** Location codes of an institution. */
public final class LocationRepository {
    private static final String EXISTS = "SELECT COUNT(*) FROM location WHERE institution_id = ? AND code = ?";

    public boolean exists(Connection connection, long institutionId, String code) throws SQLException {
        return code != null && Sql.count(connection, EXISTS, institutionId, code) > 0;
    }
}
