package org.circgate.ncip.request;

import java.util.Objects;

import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipService;

/**
 * LookupUser: who is this patron and may they borrow?
 *
 * @param header                   InitiationHeader, or null
 * @param user                     UserId and/or AuthenticationInputs (Barcode Id, PIN, Password, Username, User Id)
 * @param userElements             requested UserElementTypes (name, address, privileges, blocks, ...)
 * @param loanedItemsDesired       LoanedItemsDesired present
 * @param requestedItemsDesired    RequestedItemsDesired present
 * @param userFiscalAccountDesired UserFiscalAccountDesired present
 */
public record LookupUserRequest(
        NcipHeader header,
        UserIdentification user,
        ElementTypes userElements,
        boolean loanedItemsDesired,
        boolean requestedItemsDesired,
        boolean userFiscalAccountDesired) implements NcipRequest {

    public LookupUserRequest {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(userElements, "userElements");
    }

    @Override
    public NcipService service() {
        return NcipService.LOOKUP_USER;
    }
}
