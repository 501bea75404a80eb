package org.circgate.ncip.request;

import java.util.Objects;

import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipRequestId;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.SchemeValue;

/**
 * CancelRequestItem: cancel a request (hold), named by RequestId or by ItemId for the patron.
 *
 * @param header           InitiationHeader, or null
 * @param user             UserId and/or AuthenticationInputs
 * @param itemId           ItemId, or null
 * @param requestId        RequestId, or null
 * @param requestType      RequestType, or null
 * @param requestScopeType RequestScopeType, or null
 * @param itemElements     requested ItemElementTypes
 * @param userElements     requested UserElementTypes
 */
public record CancelRequestItemRequest(
        NcipHeader header,
        UserIdentification user,
        NcipItemId itemId,
        NcipRequestId requestId,
        SchemeValue requestType,
        SchemeValue requestScopeType,
        ElementTypes itemElements,
        ElementTypes userElements) implements NcipRequest {

    public CancelRequestItemRequest {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(itemElements, "itemElements");
        Objects.requireNonNull(userElements, "userElements");
    }

    @Override
    public NcipService service() {
        return NcipService.CANCEL_REQUEST_ITEM;
    }
}
