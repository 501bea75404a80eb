package org.circgate.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * SELECTs that do not depend on each other's results, sent to the database as one request and answered in order:
 * one round trip instead of one per query, which on a small machine costs MariaDB more than the queries do
 * themselves. Locking reads ({@code FOR UPDATE}) take their locks in the order they were added.
 *
 * <p>On a connection that does not accept several statements in one request (see {@link DeferredWrites}) the
 * queries run one after the other, with the same results.
 */
public final class QueryGroup {
    /** The rows of one query of the group, readable once the group has run. */
    public static final class Rows<T> {
        private List<T> rows;

        public List<T> list() {
            if (rows == null) {
                throw new IllegalStateException("the query group has not run yet");
            }
            return rows;
        }

        /** The first row, if any (queries by a unique key). */
        public Optional<T> one() {
            List<T> all = list();
            return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
        }
    }

    private record Query<T>(String sql, Sql.RowMapper<T> mapper, Object[] params, Rows<T> rows) {
        void read(ResultSet resultSet) throws SQLException {
            List<T> result = new ArrayList<>();
            while (resultSet.next()) {
                result.add(mapper.map(resultSet));
            }
            rows.rows = result;
        }

        void runAlone(Connection connection) throws SQLException {
            rows.rows = Sql.list(connection, sql, mapper, params);
        }
    }

    private final List<Query<?>> queries = new ArrayList<>();

    public <T> Rows<T> add(String sql, Sql.RowMapper<T> mapper, Object... params) {
        Rows<T> rows = new Rows<>();
        queries.add(new Query<>(sql, mapper, params.clone(), rows));
        return rows;
    }

    public void run(Connection connection) throws SQLException {
        if (queries.isEmpty()) {
            return;
        }
        if (queries.size() == 1 || DeferredWrites.of(connection) == null) {
            for (Query<?> query : queries) {
                query.runAlone(connection);
            }
            return;
        }
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Query<?> query : queries) {
            sql.append(sql.length() == 0 ? "" : ";\n").append(query.sql());
            params.addAll(Arrays.asList(query.params()));
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            Sql.bind(statement, params.toArray());
            boolean isResultSet = statement.execute();
            for (int i = 0; i < queries.size(); i++) {
                if (i > 0) {
                    isResultSet = statement.getMoreResults();
                }
                if (!isResultSet) {
                    throw new SQLException("query " + (i + 1) + " of a group returned no rows to read: "
                            + queries.get(i).sql());
                }
                try (ResultSet rows = statement.getResultSet()) {
                    queries.get(i).read(rows);
                }
            }
        }
    }
}
