package org.circgate.ncip.response;

import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipRequestId;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.xml.AcceptItemResponse;
import org.circgate.ncip.xml.NCIPMessage;

/** A successful AcceptItemResponse: echoes RequestId (required) and the ItemId created (ReShare expects both). */
public final class AcceptItemResponseBuilder {

    private final NcipHeader requestHeader;
    private NcipRequestId requestId;
    private NcipItemId itemId;

    AcceptItemResponseBuilder(NcipHeader requestHeader) {
        this.requestHeader = requestHeader;
    }

    public AcceptItemResponseBuilder requestId(NcipRequestId requestId) {
        this.requestId = requestId;
        return this;
    }

    public AcceptItemResponseBuilder itemId(NcipItemId itemId) {
        this.itemId = itemId;
        return this;
    }

    public NcipResponse build() {
        NcipService service = NcipService.ACCEPT_ITEM;
        AcceptItemResponse response = new AcceptItemResponse();
        response.setResponseHeader(NcipHeader.swappedResponseHeader(requestHeader));
        response.setRequestId(NcipResponses.require(requestId, service, "RequestId").toJaxb());
        response.setItemId(itemId == null ? null : itemId.toJaxb());
        NCIPMessage message = new NCIPMessage();
        message.setAcceptItemResponse(response);
        return NcipResponses.success(service, message);
    }
}
