package org.circgate.ncip.request;

import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipService;

/**
 * DeleteItem: remove a (temporary ILL) item.
 *
 * @param header InitiationHeader, or null
 * @param itemId ItemId, or null
 */
public record DeleteItemRequest(NcipHeader header, NcipItemId itemId) implements NcipRequest {

    @Override
    public NcipService service() {
        return NcipService.DELETE_ITEM;
    }
}
