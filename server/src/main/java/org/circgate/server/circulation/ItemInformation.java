package org.circgate.server.circulation;

import java.util.Optional;

/**
 * An item as circulation sees it now, for item-information answers (SIP2 17, NCIP LookupItem).
 *
 * @param item            the item with its title and locations
 * @param loan            its active loan, if charged
 * @param trappedHold     the hold it is set aside for (on the hold shelf or in transit to it), if any
 * @param holdQueueLength holds this copy could fill: the one it is set aside for, or those waiting for it or its title
 */
public record ItemInformation(ItemRecord item, Optional<LoanRecord> loan, Optional<HoldRecord> trappedHold,
        int holdQueueLength) {
}
