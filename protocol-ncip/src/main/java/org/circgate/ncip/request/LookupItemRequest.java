package org.circgate.ncip.request;

import java.util.Objects;

import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipRequestId;
import org.circgate.ncip.NcipService;

/**
 * LookupItem: status and description of one item, named by ItemId or by RequestId.
 *
 * @param header                   InitiationHeader, or null
 * @param itemId                   ItemId, or null
 * @param requestId                RequestId, or null
 * @param itemElements             requested ItemElementTypes
 * @param currentBorrowerDesired   CurrentBorrowerDesired present
 * @param currentRequestersDesired CurrentRequestersDesired present
 */
public record LookupItemRequest(
        NcipHeader header,
        NcipItemId itemId,
        NcipRequestId requestId,
        ElementTypes itemElements,
        boolean currentBorrowerDesired,
        boolean currentRequestersDesired) implements NcipRequest {

    public LookupItemRequest {
        Objects.requireNonNull(itemElements, "itemElements");
    }

    @Override
    public NcipService service() {
        return NcipService.LOOKUP_ITEM;
    }
}
