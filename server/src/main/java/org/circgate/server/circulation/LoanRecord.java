package org.circgate.server.circulation;

import java.time.Instant;

/** An active loan, with what SIP2 and NCIP show about it. */
public record LoanRecord(long id, long itemId, String itemBarcode, String itemType, long titleId, String title,
        long patronId, Instant checkedOutAt, Instant dueAt, int renewals, Instant recalledAt, Instant recallDueAt,
        String operator) {
}
