package org.circgate.server.circulation;

import java.util.Objects;
import org.circgate.policy.ClientInterface;

/**
 * Who asks, from where, through which interface (seed 000): a SIP account logged in as a location, or an NCIP
 * agency acting for one. Every decision and every audit event carries it.
 */
public record Operator(ClientInterface clientInterface, String name, String location, Institution institution) {
    public Operator {
        Objects.requireNonNull(clientInterface, "clientInterface");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(institution, "institution");
    }
}
