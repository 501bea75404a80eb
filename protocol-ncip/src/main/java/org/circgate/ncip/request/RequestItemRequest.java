package org.circgate.ncip.request;

import java.util.List;
import java.util.Objects;

import org.circgate.ncip.NcipBibliographicId;
import org.circgate.ncip.NcipDateTime;
import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipItemInfo;
import org.circgate.ncip.NcipRequestId;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.SchemeValue;

/**
 * RequestItem: place a hold (or another request type) for the patron, on specific items or on a title.
 *
 * @param header             InitiationHeader, or null
 * @param user               UserId and/or AuthenticationInputs
 * @param itemIds            ItemIds in document order, possibly empty
 * @param bibliographicIds   BibliographicIds (title-level request), possibly empty
 * @param requestId          RequestId the initiator assigned, or null
 * @param requestType        RequestType, e.g. {@code Hold}, {@code Loan}, {@code Recall}, or null
 * @param requestScopeType   RequestScopeType, {@code Item} or {@code Bibliographic Item}, or null
 * @param itemInfo           ItemOptionalFields sent with the request (bibliographic data), or null
 * @param pickupLocation     PickupLocation, or null
 * @param pickupExpiryDate   PickupExpiryDate, or null
 * @param needBeforeDate     NeedBeforeDate, or null
 * @param earliestDateNeeded EarliestDateNeeded, or null
 * @param itemElements       requested ItemElementTypes
 * @param userElements       requested UserElementTypes
 */
public record RequestItemRequest(
        NcipHeader header,
        UserIdentification user,
        List<NcipItemId> itemIds,
        List<NcipBibliographicId> bibliographicIds,
        NcipRequestId requestId,
        SchemeValue requestType,
        SchemeValue requestScopeType,
        NcipItemInfo itemInfo,
        SchemeValue pickupLocation,
        NcipDateTime pickupExpiryDate,
        NcipDateTime needBeforeDate,
        NcipDateTime earliestDateNeeded,
        ElementTypes itemElements,
        ElementTypes userElements) implements NcipRequest {

    public RequestItemRequest {
        Objects.requireNonNull(user, "user");
        itemIds = List.copyOf(itemIds);
        bibliographicIds = List.copyOf(bibliographicIds);
        Objects.requireNonNull(itemElements, "itemElements");
        Objects.requireNonNull(userElements, "userElements");
    }

    @Override
    public NcipService service() {
        return NcipService.REQUEST_ITEM;
    }
}
