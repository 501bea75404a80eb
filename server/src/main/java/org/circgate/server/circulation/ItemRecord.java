package org.circgate.server.circulation;

import org.circgate.server.domain.ItemStatus;

/** An item row with its title and locations resolved to codes. */
public record ItemRecord(long id, long institutionId, String barcode, long titleId, String titleKey, String title,
        String itemType, String mediaType, String homeLocation, String currentLocation, ItemStatus status,
        boolean circulating, String securityMarker, long loanFeeCents, String properties) {
}
