package org.circgate.ncip.request;

import java.util.Objects;

import org.circgate.ncip.NcipDateTime;
import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipRequestId;
import org.circgate.ncip.NcipService;

/**
 * CheckOutItem: lend the item to the patron (often an ILL institutional or pseudo patron).
 *
 * @param header         InitiationHeader, or null
 * @param user           UserId and/or AuthenticationInputs
 * @param itemId         ItemId, or null
 * @param requestId      RequestId (e.g. the ILL request id), or null
 * @param desiredDateDue DesiredDateDue as sent, or null
 * @param itemElements   requested ItemElementTypes
 * @param userElements   requested UserElementTypes
 */
public record CheckOutItemRequest(
        NcipHeader header,
        UserIdentification user,
        NcipItemId itemId,
        NcipRequestId requestId,
        NcipDateTime desiredDateDue,
        ElementTypes itemElements,
        ElementTypes userElements) implements NcipRequest {

    public CheckOutItemRequest {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(itemElements, "itemElements");
        Objects.requireNonNull(userElements, "userElements");
    }

    @Override
    public NcipService service() {
        return NcipService.CHECK_OUT_ITEM;
    }
}
