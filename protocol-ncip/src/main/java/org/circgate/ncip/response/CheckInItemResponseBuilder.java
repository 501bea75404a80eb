package org.circgate.ncip.response;

import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipItemInfo;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.NcipUserId;
import org.circgate.ncip.xml.CheckInItemResponse;
import org.circgate.ncip.xml.NCIPMessage;

/** A successful CheckInItemResponse: ItemId required; the UserId of the former borrower is optional. */
public final class CheckInItemResponseBuilder {

    private final NcipHeader requestHeader;
    private NcipItemId itemId;
    private NcipUserId userId;
    private NcipItemInfo itemInfo;

    CheckInItemResponseBuilder(NcipHeader requestHeader) {
        this.requestHeader = requestHeader;
    }

    public CheckInItemResponseBuilder itemId(NcipItemId itemId) {
        this.itemId = itemId;
        return this;
    }

    public CheckInItemResponseBuilder userId(NcipUserId userId) {
        this.userId = userId;
        return this;
    }

    public CheckInItemResponseBuilder itemInfo(NcipItemInfo itemInfo) {
        this.itemInfo = itemInfo;
        return this;
    }

    public NcipResponse build() {
        NcipService service = NcipService.CHECK_IN_ITEM;
        CheckInItemResponse response = new CheckInItemResponse();
        response.setResponseHeader(NcipHeader.swappedResponseHeader(requestHeader));
        response.setItemId(NcipResponses.require(itemId, service, "ItemId").toJaxb());
        response.setUserId(userId == null ? null : userId.toJaxb());
        response.setItemOptionalFields(itemInfo == null ? null : itemInfo.toJaxb());
        NCIPMessage message = new NCIPMessage();
        message.setCheckInItemResponse(response);
        return NcipResponses.success(service, message);
    }
}
