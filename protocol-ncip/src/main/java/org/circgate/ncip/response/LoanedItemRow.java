package org.circgate.ncip.response;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.circgate.ncip.NcipDates;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.SchemeValue;
import org.circgate.ncip.xml.IndeterminateLoanPeriodFlag;
import org.circgate.ncip.xml.LoanedItem;

/**
 * One LoanedItem of a LookupUserResponse (sent when the initiator asked with LoanedItemsDesired).
 *
 * @param itemId        the item, required
 * @param dateDue       due date; null means an indeterminate loan period
 * @param reminderLevel overdue notices sent so far, or null
 * @param title         title, or null
 * @param mediumType    MediumType, e.g. {@code Book}, or null
 */
public record LoanedItemRow(NcipItemId itemId, OffsetDateTime dateDue, Integer reminderLevel, String title,
        SchemeValue mediumType) {

    public LoanedItemRow {
        Objects.requireNonNull(itemId, "itemId");
        if (reminderLevel != null && reminderLevel < 0) {
            throw new IllegalArgumentException("reminderLevel must not be negative: " + reminderLevel);
        }
    }

    public static LoanedItemRow of(NcipItemId itemId, OffsetDateTime dateDue, String title) {
        return new LoanedItemRow(itemId, dateDue, null, title, null);
    }

    LoanedItem toJaxb() {
        LoanedItem loaned = new LoanedItem();
        loaned.setItemId(itemId.toJaxb());
        if (reminderLevel != null) {
            loaned.setReminderLevel(BigInteger.valueOf(reminderLevel));
        }
        if (dateDue != null) {
            loaned.setDateDue(NcipDates.toXml(dateDue));
        } else {
            loaned.setIndeterminateLoanPeriodFlag(new IndeterminateLoanPeriodFlag());
        }
        loaned.setTitle(title);
        loaned.setMediumType(SchemeValue.toJaxb(mediumType));
        return loaned;
    }
}
