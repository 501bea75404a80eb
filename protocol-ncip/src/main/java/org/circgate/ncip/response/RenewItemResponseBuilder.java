package org.circgate.ncip.response;

import java.math.BigInteger;
import java.time.OffsetDateTime;

import org.circgate.ncip.NcipDates;
import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipItemInfo;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.NcipUserId;
import org.circgate.ncip.xml.NCIPMessage;
import org.circgate.ncip.xml.RenewItemResponse;

/**
 * A successful RenewItemResponse: ItemId required, the new DateDue expected (the ILLiad renewal add-on detects
 * success by the string {@code <ns1:DateDue>}).
 */
public final class RenewItemResponseBuilder {

    private final NcipHeader requestHeader;
    private NcipItemId itemId;
    private NcipUserId userId;
    private OffsetDateTime dateDue;
    private Integer renewalCount;
    private NcipItemInfo itemInfo;

    RenewItemResponseBuilder(NcipHeader requestHeader) {
        this.requestHeader = requestHeader;
    }

    public RenewItemResponseBuilder itemId(NcipItemId itemId) {
        this.itemId = itemId;
        return this;
    }

    public RenewItemResponseBuilder userId(NcipUserId userId) {
        this.userId = userId;
        return this;
    }

    public RenewItemResponseBuilder dateDue(OffsetDateTime dateDue) {
        this.dateDue = dateDue;
        return this;
    }

    public RenewItemResponseBuilder renewalCount(int renewalCount) {
        if (renewalCount < 0) {
            throw new IllegalArgumentException("renewalCount must not be negative: " + renewalCount);
        }
        this.renewalCount = renewalCount;
        return this;
    }

    public RenewItemResponseBuilder itemInfo(NcipItemInfo itemInfo) {
        this.itemInfo = itemInfo;
        return this;
    }

    public NcipResponse build() {
        NcipService service = NcipService.RENEW_ITEM;
        RenewItemResponse response = new RenewItemResponse();
        response.setResponseHeader(NcipHeader.swappedResponseHeader(requestHeader));
        response.setItemId(NcipResponses.require(itemId, service, "ItemId").toJaxb());
        response.setUserId(userId == null ? null : userId.toJaxb());
        response.setDateDue(NcipResponses.require(NcipDates.toXml(dateDue), service, "DateDue"));
        if (renewalCount != null) {
            response.setRenewalCount(BigInteger.valueOf(renewalCount));
        }
        response.setItemOptionalFields(itemInfo == null ? null : itemInfo.toJaxb());
        NCIPMessage message = new NCIPMessage();
        message.setRenewItemResponse(response);
        return NcipResponses.success(service, message);
    }
}
