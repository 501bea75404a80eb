package org.circgate.ncip.response;

import java.time.OffsetDateTime;
import java.util.List;

import org.circgate.ncip.NcipDates;
import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipItemInfo;
import org.circgate.ncip.NcipRequestId;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.NcipUserId;
import org.circgate.ncip.SchemeValue;
import org.circgate.ncip.xml.NCIPMessage;
import org.circgate.ncip.xml.ObjectFactory;
import org.circgate.ncip.xml.RequestItemResponse;

/**
 * A successful RequestItemResponse (hold placed). Required: RequestId or ItemId, UserId, RequestType and
 * RequestScopeType. ReShare reads ItemId, RequestId, the Location levels, CallNumber and CopyNumber (as barcode) of
 * {@link #itemInfo(NcipItemInfo)}.
 */
public final class RequestItemResponseBuilder {

    static final ObjectFactory OBJECTS = new ObjectFactory();

    private final NcipHeader requestHeader;
    private NcipRequestId requestId;
    private NcipItemId itemId;
    private NcipUserId userId;
    private SchemeValue requestType;
    private SchemeValue requestScopeType;
    private OffsetDateTime dateAvailable;
    private OffsetDateTime holdPickupDate;
    private NcipItemInfo itemInfo;

    RequestItemResponseBuilder(NcipHeader requestHeader) {
        this.requestHeader = requestHeader;
    }

    /** Our id for the new request (hold); echo the initiator's if it sent one and we keep it. */
    public RequestItemResponseBuilder requestId(NcipRequestId requestId) {
        this.requestId = requestId;
        return this;
    }

    public RequestItemResponseBuilder itemId(NcipItemId itemId) {
        this.itemId = itemId;
        return this;
    }

    public RequestItemResponseBuilder userId(NcipUserId userId) {
        this.userId = userId;
        return this;
    }

    /** E.g. {@code Hold}; usually the request's RequestType echoed. */
    public RequestItemResponseBuilder requestType(SchemeValue requestType) {
        this.requestType = requestType;
        return this;
    }

    /** {@code Item} or {@code Bibliographic Item}; usually echoed. */
    public RequestItemResponseBuilder requestScopeType(SchemeValue requestScopeType) {
        this.requestScopeType = requestScopeType;
        return this;
    }

    public RequestItemResponseBuilder dateAvailable(OffsetDateTime dateAvailable) {
        this.dateAvailable = dateAvailable;
        return this;
    }

    public RequestItemResponseBuilder holdPickupDate(OffsetDateTime holdPickupDate) {
        this.holdPickupDate = holdPickupDate;
        return this;
    }

    public RequestItemResponseBuilder itemInfo(NcipItemInfo itemInfo) {
        this.itemInfo = itemInfo;
        return this;
    }

    public NcipResponse build() {
        NcipService service = NcipService.REQUEST_ITEM;
        if (requestId == null && itemId == null) {
            NcipResponses.require(null, service, "RequestId or ItemId");
        }
        RequestItemResponse response = new RequestItemResponse();
        // Mixed content list: elements must be added in schema order.
        List<Object> content = response.getContent();
        addIfPresent(content, NcipHeader.swappedResponseHeader(requestHeader));
        if (requestId != null) {
            content.add(requestId.toJaxb());
        }
        addIfPresent(content, itemId == null ? null : itemId.toJaxb());
        content.add(NcipResponses.require(userId, service, "UserId").toJaxb());
        content.add(OBJECTS.createRequestType(NcipResponses.require(requestType, service, "RequestType").toJaxb()));
        content.add(OBJECTS.createRequestScopeType(
                NcipResponses.require(requestScopeType, service, "RequestScopeType").toJaxb()));
        if (dateAvailable != null) {
            content.add(OBJECTS.createDateAvailable(NcipDates.toXml(dateAvailable)));
        }
        if (holdPickupDate != null) {
            content.add(OBJECTS.createHoldPickupDate(NcipDates.toXml(holdPickupDate)));
        }
        addIfPresent(content, itemInfo == null ? null : itemInfo.toJaxb());
        NCIPMessage message = new NCIPMessage();
        message.setRequestItemResponse(response);
        return NcipResponses.success(service, message);
    }

    static void addIfPresent(List<Object> content, Object element) {
        if (element != null) {
            content.add(element);
        }
    }
}
