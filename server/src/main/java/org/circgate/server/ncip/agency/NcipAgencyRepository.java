package org.circgate.server.ncip.agency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.circgate.server.circulation.InstitutionRepository;
import org.circgate.server.db.PersistenceException;
import org.circgate.server.db.Sql;

/** NCIP agencies, found by the digest of their API key. */
public final class NcipAgencyRepository {
    private static final String BY_KEY_HASH = """
            SELECT a.id, a.institution_id, a.agency_id, l.code AS location_code, a.audit_name, a.allowed_networks,
                   a.enabled, a.options
              FROM ncip_agency a
              JOIN location l ON l.id = a.location_id
             WHERE a.api_key_hash = ?""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OPTIONS = new TypeReference<>() { };
    private static final TypeReference<List<String>> NETWORKS = new TypeReference<>() { };

    private final InstitutionRepository institutions;

    public NcipAgencyRepository(InstitutionRepository institutions) {
        this.institutions = institutions;
    }

    public Optional<NcipAgency> findByKeyHash(Connection connection, String keyHash) throws SQLException {
        Optional<Row> row = Sql.one(connection, BY_KEY_HASH, r -> new Row(r.getLong("id"), r.getLong("institution_id"),
                r.getString("agency_id"), r.getString("location_code"), r.getString("audit_name"),
                r.getString("allowed_networks"), r.getBoolean("enabled"), r.getString("options")), keyHash);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        return Optional.of(new NcipAgency(r.id, institutions.byId(connection, r.institutionId), r.agencyId,
                r.location, r.auditName, networks(r.networks, r.agencyId), r.enabled, options(r.options, r.agencyId)));
    }

    private static List<IpSubnetFilterRule> networks(String json, String agencyId) {
        try {
            List<IpSubnetFilterRule> rules = new ArrayList<>();
            for (String cidr : JSON.readValue(json, NETWORKS)) {
                rules.add(Networks.parse(cidr));
            }
            return rules;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PersistenceException("allowed networks of NCIP agency " + agencyId + " are unreadable", e);
        }
    }

    private static NcipAgencyOptions options(String json, String agencyId) {
        List<String> errors = new ArrayList<>();
        NcipAgencyOptions options;
        try {
            options = NcipAgencyOptions.parse(JSON.readValue(json, OPTIONS), "agency " + agencyId, errors);
        } catch (JsonProcessingException e) {
            throw new PersistenceException("options of NCIP agency " + agencyId + " are unreadable", e);
        }
        if (!errors.isEmpty()) {
            throw new PersistenceException("options of NCIP agency " + agencyId + " are invalid: " + errors, null);
        }
        return options;
    }

    private record Row(long id, long institutionId, String agencyId, String location, String auditName,
            String networks, boolean enabled, String options) {
    }
}
