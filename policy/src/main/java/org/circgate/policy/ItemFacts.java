package org.circgate.policy;

import java.util.List;
import java.util.Objects;

/**
 * The item a checkout or renewal is about.
 *
 * @param itemId            the item's id
 * @param itemType          its item type (for the circulation rule)
 * @param titleId           its title, or null when unknown
 * @param volume            its volumetric information, or null
 * @param circulationSet    whether it belongs to a circulation set (exempt from the two-copies rule)
 * @param circulating       false when its current location or status does not let it circulate
 * @param chargedToPatronId who has it checked out now, or null
 * @param chargedToProfile  that user's profile name (for Recirculate Item), or null
 * @param holds             the holds this item can fill (item-level and title-level), in any order
 */
public record ItemFacts(String itemId, String itemType, String titleId, String volume, boolean circulationSet,
                        boolean circulating, String chargedToPatronId, String chargedToProfile,
                        List<HoldFacts> holds) {

    public ItemFacts {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(itemType, "itemType");
        holds = List.copyOf(holds);
    }

    /** An available, circulating item with no holds. */
    public static ItemFacts available(String itemId, String itemType, String titleId) {
        return new ItemFacts(itemId, itemType, titleId, null, false, true, null, null, List.of());
    }

    @Override
    public String toString() {
        return "ItemFacts[item=" + itemId + ", type=" + itemType + ", title=" + titleId + ", volume=" + volume
                + ", circulating=" + circulating + ", charged=" + (chargedToPatronId != null)
                + ", holds=" + holds.size() + "]";
    }
}
