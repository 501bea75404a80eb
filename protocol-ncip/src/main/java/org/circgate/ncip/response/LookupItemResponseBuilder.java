package org.circgate.ncip.response;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.circgate.ncip.NcipDates;
import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipItemInfo;
import org.circgate.ncip.NcipRequestId;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.NcipUserId;
import org.circgate.ncip.xml.CurrentBorrower;
import org.circgate.ncip.xml.CurrentRequester;
import org.circgate.ncip.xml.ItemTransaction;
import org.circgate.ncip.xml.LookupItemResponse;
import org.circgate.ncip.xml.NCIPMessage;

/**
 * A successful LookupItemResponse: ItemId or RequestId required; status, description and location go in
 * {@link #itemInfo(NcipItemInfo)}; the current borrower and requesters only when the initiator asked for them.
 */
public final class LookupItemResponseBuilder {

    private final NcipHeader requestHeader;
    private NcipItemId itemId;
    private NcipRequestId requestId;
    private OffsetDateTime holdPickupDate;
    private OffsetDateTime dateRecalled;
    private NcipUserId currentBorrower;
    private final List<NcipUserId> currentRequesters = new ArrayList<>();
    private NcipItemInfo itemInfo;

    LookupItemResponseBuilder(NcipHeader requestHeader) {
        this.requestHeader = requestHeader;
    }

    public LookupItemResponseBuilder itemId(NcipItemId itemId) {
        this.itemId = itemId;
        return this;
    }

    public LookupItemResponseBuilder requestId(NcipRequestId requestId) {
        this.requestId = requestId;
        return this;
    }

    public LookupItemResponseBuilder holdPickupDate(OffsetDateTime holdPickupDate) {
        this.holdPickupDate = holdPickupDate;
        return this;
    }

    public LookupItemResponseBuilder dateRecalled(OffsetDateTime dateRecalled) {
        this.dateRecalled = dateRecalled;
        return this;
    }

    public LookupItemResponseBuilder currentBorrower(NcipUserId borrower) {
        this.currentBorrower = borrower;
        return this;
    }

    public LookupItemResponseBuilder currentRequester(NcipUserId requester) {
        currentRequesters.add(Objects.requireNonNull(requester, "requester"));
        return this;
    }

    public LookupItemResponseBuilder itemInfo(NcipItemInfo itemInfo) {
        this.itemInfo = itemInfo;
        return this;
    }

    public NcipResponse build() {
        NcipService service = NcipService.LOOKUP_ITEM;
        if (requestId == null && itemId == null) {
            NcipResponses.require(null, service, "ItemId or RequestId");
        }
        LookupItemResponse response = new LookupItemResponse();
        List<Object> content = response.getContent();
        RequestItemResponseBuilder.addIfPresent(content, NcipHeader.swappedResponseHeader(requestHeader));
        RequestItemResponseBuilder.addIfPresent(content, requestId == null ? null : requestId.toJaxb());
        RequestItemResponseBuilder.addIfPresent(content, itemId == null ? null : itemId.toJaxb());
        if (holdPickupDate != null) {
            content.add(RequestItemResponseBuilder.OBJECTS.createHoldPickupDate(NcipDates.toXml(holdPickupDate)));
        }
        if (dateRecalled != null) {
            content.add(RequestItemResponseBuilder.OBJECTS.createDateRecalled(NcipDates.toXml(dateRecalled)));
        }
        if (currentBorrower != null || !currentRequesters.isEmpty()) {
            ItemTransaction transaction = new ItemTransaction();
            if (currentBorrower != null) {
                CurrentBorrower borrower = new CurrentBorrower();
                borrower.setUserId(currentBorrower.toJaxb());
                transaction.setCurrentBorrower(borrower);
            }
            for (NcipUserId requesterId : currentRequesters) {
                CurrentRequester requester = new CurrentRequester();
                requester.setUserId(requesterId.toJaxb());
                transaction.getCurrentRequester().add(requester);
            }
            content.add(transaction);
        }
        RequestItemResponseBuilder.addIfPresent(content, itemInfo == null ? null : itemInfo.toJaxb());
        NCIPMessage message = new NCIPMessage();
        message.setLookupItemResponse(response);
        return NcipResponses.success(service, message);
    }
}
