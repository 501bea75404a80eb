package org.circgate.ncip.response;

import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.xml.DeleteItemResponse;
import org.circgate.ncip.xml.NCIPMessage;

/** A successful DeleteItemResponse: the ItemId deleted. */
public final class DeleteItemResponseBuilder {

    private final NcipHeader requestHeader;
    private NcipItemId itemId;

    DeleteItemResponseBuilder(NcipHeader requestHeader) {
        this.requestHeader = requestHeader;
    }

    public DeleteItemResponseBuilder itemId(NcipItemId itemId) {
        this.itemId = itemId;
        return this;
    }

    public NcipResponse build() {
        NcipService service = NcipService.DELETE_ITEM;
        DeleteItemResponse response = new DeleteItemResponse();
        response.setResponseHeader(NcipHeader.swappedResponseHeader(requestHeader));
        response.setItemId(NcipResponses.require(itemId, service, "ItemId").toJaxb());
        NCIPMessage message = new NCIPMessage();
        message.setDeleteItemResponse(response);
        return NcipResponses.success(service, message);
    }
}
