package org.circgate.server.ncip.agency;

import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import org.circgate.policy.ClientInterface;
import org.circgate.server.circulation.Institution;
import org.circgate.server.circulation.Operator;

/**
 * A resource-sharing partner as configured: its FromAgencyId, the institution and location it acts for, the name
 * its transactions carry in the audit trail, where it may call from, and its options. No key material is kept here.
 *
 * @param id              row id
 * @param institution     the institution whose circulation it uses
 * @param agencyId        the FromAgencyId its messages carry (compared ignoring case)
 * @param location        the location code its transactions happen at
 * @param auditName       the operator name in the audit trail
 * @param allowedNetworks CIDR ranges it may call from; empty = anywhere
 * @param enabled         a disabled agency is refused like an unknown key
 * @param options         per-agency options
 */
public record NcipAgency(long id, Institution institution, String agencyId, String location, String auditName,
        List<IpSubnetFilterRule> allowedNetworks, boolean enabled, NcipAgencyOptions options) {

    public NcipAgency {
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(auditName, "auditName");
        allowedNetworks = List.copyOf(allowedNetworks);
        Objects.requireNonNull(options, "options");
    }

    /** Who the circulation core sees: interface NCIP, the agency's audit identity and location. */
    public Operator operator() {
        return new Operator(ClientInterface.NCIP, auditName, location, institution);
    }

    public boolean allowsAddress(InetSocketAddress remote) {
        if (allowedNetworks.isEmpty()) {
            return true;
        }
        for (IpSubnetFilterRule network : allowedNetworks) {
            if (network.matches(remote)) {
                return true;
            }
        }
        return false;
    }

    /** True when a message's FromAgencyId names this agency (or the message names none). */
    public boolean isNamedBy(String fromAgencyId) {
        return fromAgencyId == null || fromAgencyId.isBlank() || agencyId.equalsIgnoreCase(fromAgencyId.strip());
    }
}
