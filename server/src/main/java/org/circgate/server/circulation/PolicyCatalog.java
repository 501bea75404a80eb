package org.circgate.server.circulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.circgate.policy.CirculationEngine;
import org.circgate.policy.CirculationPolicy;
import org.circgate.policy.DefaultPolicy;
import org.circgate.policy.document.PolicyDocument;
import org.circgate.policy.document.PolicyReadResult;
import org.circgate.server.db.PersistenceException;

/**
 * The circulation engine of each institution: its policy document from {@code policy_document}, or Symphony's
 * standard behaviour ({@link DefaultPolicy}) when it has none. Engines are cached and re-read when the stored
 * document changes (checked at most every {@code refresh}), so every instance picks up an imported policy.
 */
public final class PolicyCatalog {
    private static final String SELECT_DOCUMENT = """
            SELECT document, modified_on FROM policy_document WHERE institution_id = ?""";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final Duration refresh;
    private final CirculationEngine defaultEngine = new CirculationEngine(DefaultPolicy.create());
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(CirculationEngine engine, Timestamp modified, Instant checkedAt) {
    }

    public PolicyCatalog(Clock clock, Duration refresh) {
        this.clock = clock;
        this.refresh = refresh;
    }

    /** The engine for the institution, reading the stored document only when the cached one may be stale. */
    public CirculationEngine engine(Connection connection, long institutionId) throws SQLException {
        Instant now = clock.instant();
        Cached cached = cache.get(institutionId);
        if (cached != null && cached.checkedAt().plus(refresh).isAfter(now)) {
            return cached.engine();
        }
        try (PreparedStatement statement = connection.prepareStatement(SELECT_DOCUMENT)) {
            statement.setLong(1, institutionId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    cache.put(institutionId, new Cached(defaultEngine, null, now));
                    return defaultEngine;
                }
                Timestamp modified = row.getTimestamp("modified_on");
                if (cached != null && modified.equals(cached.modified())) {
                    cache.put(institutionId, new Cached(cached.engine(), modified, now));
                    return cached.engine();
                }
                CirculationEngine engine = new CirculationEngine(parse(row.getString("document")));
                cache.put(institutionId, new Cached(engine, modified, now));
                return engine;
            }
        }
    }

    /** Parses and validates a stored policy document; a stored document is validated at import, so this is rare. */
    static CirculationPolicy parse(String json) {
        try {
            PolicyReadResult read = PolicyDocument.read(JSON.readValue(json, Object.class));
            if (!read.isValid()) {
                throw new PersistenceException("stored policy document is invalid: " + read.errors().get(0), null);
            }
            return read.orThrow();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PersistenceException("stored policy document is not JSON", e);
        }
    }

    public CirculationEngine defaultEngine() {
        return defaultEngine;
    }
}
