package org.circgate.server.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.circgate.server.db.PersistenceException;

/** SIP accounts and the locations they may log in as. */
public final class SipAccountRepository {
    private static final String FIND_BY_LOGIN = """
            SELECT a.id, a.login, a.password_hash, a.institution_id, i.code AS institution_code, i.name AS institution_name,
                   f.code AS fixed_code,
                   a.testing, a.enabled, a.options
              FROM sip_account a
              JOIN institution i ON i.id = a.institution_id
              LEFT JOIN location f ON f.id = a.fixed_location_id
             WHERE a.login = ?""";
    private static final String ACCOUNT_LOCATIONS = """
            SELECT l.code FROM sip_account_location al JOIN location l ON l.id = al.location_id
             WHERE al.account_id = ?""";
    private static final String INSTITUTION_LOCATIONS = "SELECT code FROM location WHERE institution_id = ?";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OPTIONS = new TypeReference<>() { };

    public Optional<SipAccount> findByLogin(Connection connection, String login) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND_BY_LOGIN)) {
            statement.setString(1, login);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long id = row.getLong("id");
                String fixed = row.getString("fixed_code");
                return Optional.of(new SipAccount(id, row.getString("login"), row.getString("password_hash"),
                        row.getLong("institution_id"), row.getString("institution_code"), row.getString("institution_name"),
                        codes(connection, ACCOUNT_LOCATIONS, id), fixed, row.getBoolean("testing"),
                        row.getBoolean("enabled"), options(row.getString("options"), row.getString("login"))));
            }
        }
    }

    public Set<String> institutionLocations(Connection connection, long institutionId) throws SQLException {
        return codes(connection, INSTITUTION_LOCATIONS, institutionId);
    }

    private static Set<String> codes(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            Set<String> codes = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    codes.add(rows.getString(1));
                }
            }
            return codes;
        }
    }

    private static SipAccountOptions options(String json, String login) {
        try {
            List<String> errors = new ArrayList<>();
            SipAccountOptions options = SipAccountOptions.parse(JSON.readValue(json, OPTIONS), "sip account " + login,
                    errors);
            if (!errors.isEmpty()) {
                throw new PersistenceException("stored options are invalid: " + errors.get(0), null);
            }
            return options;
        } catch (JsonProcessingException e) {
            throw new PersistenceException("stored options of sip account " + login + " are not JSON", e);
        }
    }
}
