package org.circgate.server.account;

import java.util.Objects;
import java.util.Set;

/**
 * A SIP2 login (seed 000): an operator identity that belongs to an institution and logs in as one of its permitted
 * locations. The password hash never appears in {@link #toString()}.
 *
 * @param locations     location codes the account may log in as (93 CP)
 * @param fixedLocation when set, the location every login of this account works as, whatever CP says
 * @param testing       a testing account may log in as any location of its institution
 */
public record SipAccount(long id, String login, String passwordHash, long institutionId, String institutionCode,
        String institutionName, Set<String> locations, String fixedLocation, boolean testing, boolean enabled, SipAccountOptions options) {

    public SipAccount {
        Objects.requireNonNull(login, "login");
        locations = Set.copyOf(locations);
        Objects.requireNonNull(options, "options");
    }

    /**
     * The location this login works as, or {@code null} when the account may not use the requested one. A blank CP
     * means the fixed location, or the only permitted one.
     */
    public String loginLocation(String requested, Set<String> institutionLocations) {
        if (fixedLocation != null) {
            return requested == null || requested.isEmpty() || requested.equals(fixedLocation) ? fixedLocation : null;
        }
        if (requested == null || requested.isEmpty()) {
            return locations.size() == 1 ? locations.iterator().next() : null;
        }
        if (locations.contains(requested)) {
            return requested;
        }
        return testing && institutionLocations.contains(requested) ? requested : null;
    }

    @Override
    public String toString() {
        return "SipAccount[login=" + login + ", institution=" + institutionCode + ", passwordHash=***]";
    }
}
