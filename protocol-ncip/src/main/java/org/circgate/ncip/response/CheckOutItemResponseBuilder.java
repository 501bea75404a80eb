package org.circgate.ncip.response;

import java.math.BigInteger;
import java.time.OffsetDateTime;

import org.circgate.ncip.NcipDates;
import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipItemInfo;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.NcipUserId;
import org.circgate.ncip.xml.CheckOutItemResponse;
import org.circgate.ncip.xml.IndeterminateLoanPeriodFlag;
import org.circgate.ncip.xml.NCIPMessage;

/** A successful CheckOutItemResponse: ItemId, UserId and DateDue (or an indeterminate loan period) are required. */
public final class CheckOutItemResponseBuilder {

    private final NcipHeader requestHeader;
    private NcipItemId itemId;
    private NcipUserId userId;
    private OffsetDateTime dateDue;
    private boolean indeterminateLoanPeriod;
    private Integer renewalCount;
    private NcipItemInfo itemInfo;

    CheckOutItemResponseBuilder(NcipHeader requestHeader) {
        this.requestHeader = requestHeader;
    }

    public CheckOutItemResponseBuilder itemId(NcipItemId itemId) {
        this.itemId = itemId;
        return this;
    }

    public CheckOutItemResponseBuilder userId(NcipUserId userId) {
        this.userId = userId;
        return this;
    }

    /** Written as {@code ns1:DateDue}; initiators read it (ReShare) or string-match it (ILLiad). */
    public CheckOutItemResponseBuilder dateDue(OffsetDateTime dateDue) {
        this.dateDue = dateDue;
        return this;
    }

    /** For loans without a due date; used only when no DateDue is set. */
    public CheckOutItemResponseBuilder indeterminateLoanPeriod() {
        this.indeterminateLoanPeriod = true;
        return this;
    }

    public CheckOutItemResponseBuilder renewalCount(int renewalCount) {
        if (renewalCount < 0) {
            throw new IllegalArgumentException("renewalCount must not be negative: " + renewalCount);
        }
        this.renewalCount = renewalCount;
        return this;
    }

    public CheckOutItemResponseBuilder itemInfo(NcipItemInfo itemInfo) {
        this.itemInfo = itemInfo;
        return this;
    }

    public NcipResponse build() {
        NcipService service = NcipService.CHECK_OUT_ITEM;
        CheckOutItemResponse response = new CheckOutItemResponse();
        response.setResponseHeader(NcipHeader.swappedResponseHeader(requestHeader));
        response.setItemId(NcipResponses.require(itemId, service, "ItemId").toJaxb());
        response.setUserId(NcipResponses.require(userId, service, "UserId").toJaxb());
        if (dateDue != null) {
            response.setDateDue(NcipDates.toXml(dateDue));
        } else if (indeterminateLoanPeriod) {
            response.setIndeterminateLoanPeriodFlag(new IndeterminateLoanPeriodFlag());
        } else {
            NcipResponses.require(null, service, "DateDue or IndeterminateLoanPeriodFlag");
        }
        if (renewalCount != null) {
            response.setRenewalCount(BigInteger.valueOf(renewalCount));
        }
        response.setItemOptionalFields(itemInfo == null ? null : itemInfo.toJaxb());
        NCIPMessage message = new NCIPMessage();
        message.setCheckOutItemResponse(response);
        return NcipResponses.success(service, message);
    }
}
