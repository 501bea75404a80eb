package org.circgate.ncip.response;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.circgate.ncip.NcipDates;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipRequestId;
import org.circgate.ncip.SchemeValue;
import org.circgate.ncip.xml.ObjectFactory;
import org.circgate.ncip.xml.RequestedItem;

/**
 * One RequestedItem of a LookupUserResponse (sent when the initiator asked with RequestedItemsDesired).
 *
 * @param requestId         the request (hold), or null if {@code itemId} is given
 * @param itemId            the item, or null if {@code requestId} is given
 * @param requestType       RequestType, e.g. {@code Hold}, required
 * @param requestStatusType RequestStatusType, e.g. {@code In Process}, {@code Available For Pickup}, required
 * @param datePlaced        when the request was placed, required
 * @param pickupDate        when it became available for pickup, or null
 * @param pickupLocation    PickupLocation, or null
 * @param pickupExpiryDate  last pickup day, or null
 * @param holdQueuePosition position in the queue, or null
 * @param title             title, or null
 */
public record RequestedItemRow(NcipRequestId requestId, NcipItemId itemId, SchemeValue requestType,
        SchemeValue requestStatusType, OffsetDateTime datePlaced, OffsetDateTime pickupDate,
        SchemeValue pickupLocation, OffsetDateTime pickupExpiryDate, Integer holdQueuePosition, String title) {

    public RequestedItemRow {
        if (requestId == null && itemId == null) {
            throw new IllegalArgumentException("a requested item needs a RequestId or an ItemId");
        }
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(requestStatusType, "requestStatusType");
        Objects.requireNonNull(datePlaced, "datePlaced");
        if (holdQueuePosition != null && holdQueuePosition < 0) {
            throw new IllegalArgumentException("holdQueuePosition must not be negative: " + holdQueuePosition);
        }
    }

    RequestedItem toJaxb() {
        ObjectFactory objects = RequestItemResponseBuilder.OBJECTS;
        RequestedItem requested = new RequestedItem();
        List<Object> content = requested.getContent();
        // Mixed content list: schema order.
        if (requestId != null) {
            content.add(requestId.toJaxb());
        }
        if (itemId != null) {
            content.add(itemId.toJaxb());
        }
        content.add(objects.createRequestType(requestType.toJaxb()));
        content.add(objects.createRequestStatusType(requestStatusType.toJaxb()));
        content.add(objects.createDatePlaced(NcipDates.toXml(datePlaced)));
        if (pickupDate != null) {
            content.add(objects.createPickupDate(NcipDates.toXml(pickupDate)));
        }
        if (pickupLocation != null) {
            content.add(objects.createPickupLocation(pickupLocation.toJaxb()));
        }
        if (pickupExpiryDate != null) {
            content.add(objects.createPickupExpiryDate(NcipDates.toXml(pickupExpiryDate)));
        }
        if (holdQueuePosition != null) {
            content.add(objects.createHoldQueuePosition(BigInteger.valueOf(holdQueuePosition)));
        }
        if (title != null) {
            content.add(objects.createTitle(title));
        }
        return requested;
    }
}
