package org.circgate.ncip.response;

import java.util.List;

import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipRequestId;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.NcipUserId;
import org.circgate.ncip.xml.CancelRequestItemResponse;
import org.circgate.ncip.xml.NCIPMessage;

/** A successful CancelRequestItemResponse. Required: RequestId or ItemId, and the UserId whose request it was. */
public final class CancelRequestItemResponseBuilder {

    private final NcipHeader requestHeader;
    private NcipRequestId requestId;
    private NcipItemId itemId;
    private NcipUserId userId;

    CancelRequestItemResponseBuilder(NcipHeader requestHeader) {
        this.requestHeader = requestHeader;
    }

    public CancelRequestItemResponseBuilder requestId(NcipRequestId requestId) {
        this.requestId = requestId;
        return this;
    }

    public CancelRequestItemResponseBuilder itemId(NcipItemId itemId) {
        this.itemId = itemId;
        return this;
    }

    public CancelRequestItemResponseBuilder userId(NcipUserId userId) {
        this.userId = userId;
        return this;
    }

    public NcipResponse build() {
        NcipService service = NcipService.CANCEL_REQUEST_ITEM;
        if (requestId == null && itemId == null) {
            NcipResponses.require(null, service, "RequestId or ItemId");
        }
        CancelRequestItemResponse response = new CancelRequestItemResponse();
        List<Object> content = response.getContent();
        RequestItemResponseBuilder.addIfPresent(content, NcipHeader.swappedResponseHeader(requestHeader));
        RequestItemResponseBuilder.addIfPresent(content, requestId == null ? null : requestId.toJaxb());
        RequestItemResponseBuilder.addIfPresent(content, itemId == null ? null : itemId.toJaxb());
        content.add(NcipResponses.require(userId, service, "UserId").toJaxb());
        NCIPMessage message = new NCIPMessage();
        message.setCancelRequestItemResponse(response);
        return NcipResponses.success(service, message);
    }
}
