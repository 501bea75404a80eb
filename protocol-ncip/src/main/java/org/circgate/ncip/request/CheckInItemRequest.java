package org.circgate.ncip.request;

import java.util.Objects;

import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipService;

/**
 * CheckInItem: the item came back.
 *
 * @param header       InitiationHeader, or null
 * @param itemId       ItemId, or null
 * @param itemElements requested ItemElementTypes
 * @param userElements requested UserElementTypes
 */
public record CheckInItemRequest(
        NcipHeader header,
        NcipItemId itemId,
        ElementTypes itemElements,
        ElementTypes userElements) implements NcipRequest {

    public CheckInItemRequest {
        Objects.requireNonNull(itemElements, "itemElements");
        Objects.requireNonNull(userElements, "userElements");
    }

    @Override
    public NcipService service() {
        return NcipService.CHECK_IN_ITEM;
    }
}
