package org.circgate.server.ncip.agency;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;

/** CIDR ranges ({@code 10.20.0.0/16}, {@code 2001:db8::/32}) as address filters. */
public final class Networks {
    private Networks() {
    }

    /** @throws IllegalArgumentException when the text is not a CIDR range */
    public static IpSubnetFilterRule parse(String cidr) {
        int slash = cidr == null ? -1 : cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR range (no prefix length): " + cidr);
        }
        try {
            return new IpSubnetFilterRule(cidr.substring(0, slash), Integer.parseInt(cidr.substring(slash + 1)),
                    IpFilterRuleType.ACCEPT);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a CIDR range: " + cidr, e);
        }
    }
}
