package org.circgate.ncip.request;

import org.circgate.ncip.NcipDateTime;
import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipItemInfo;
import org.circgate.ncip.NcipRequestId;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.NcipUserId;
import org.circgate.ncip.SchemeValue;

/**
 * AcceptItem: an ILL item arrived for one of our patrons; create a temporary item and usually hold it for pickup.
 *
 * @param header                  InitiationHeader, or null
 * @param requestId               RequestId (the ILL request), or null
 * @param requestedActionType     RequestedActionType, e.g. {@code Hold For Pickup}, or null
 * @param userId                  UserId of the patron, or null
 * @param itemId                  ItemId (barcode to create), or null
 * @param dateForReturn           DateForReturn, or null
 * @param indeterminateLoanPeriod IndeterminateLoanPeriodFlag present
 * @param nonReturnable           NonReturnableFlag present
 * @param renewalNotPermitted     RenewalNotPermitted present
 * @param itemInfo                ItemOptionalFields (title, author, call number, ...), or null
 * @param pickupLocation          PickupLocation, or null
 * @param pickupExpiryDate        PickupExpiryDate, or null
 */
public record AcceptItemRequest(
        NcipHeader header,
        NcipRequestId requestId,
        SchemeValue requestedActionType,
        NcipUserId userId,
        NcipItemId itemId,
        NcipDateTime dateForReturn,
        boolean indeterminateLoanPeriod,
        boolean nonReturnable,
        boolean renewalNotPermitted,
        NcipItemInfo itemInfo,
        SchemeValue pickupLocation,
        NcipDateTime pickupExpiryDate) implements NcipRequest {

    @Override
    public NcipService service() {
        return NcipService.ACCEPT_ITEM;
    }
}
