package org.circgate.ncip.request;

import java.util.Objects;

import org.circgate.ncip.NcipDateTime;
import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipService;

/**
 * RenewItem: extend the loan of an item.
 *
 * @param header         InitiationHeader, or null
 * @param user           UserId and/or AuthenticationInputs (may be empty: the loan names the patron)
 * @param itemId         ItemId, or null
 * @param desiredDateDue DesiredDateDue as sent, or null
 * @param itemElements   requested ItemElementTypes
 * @param userElements   requested UserElementTypes
 */
public record RenewItemRequest(
        NcipHeader header,
        UserIdentification user,
        NcipItemId itemId,
        NcipDateTime desiredDateDue,
        ElementTypes itemElements,
        ElementTypes userElements) implements NcipRequest {

    public RenewItemRequest {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(itemElements, "itemElements");
        Objects.requireNonNull(userElements, "userElements");
    }

    @Override
    public NcipService service() {
        return NcipService.RENEW_ITEM;
    }
}
