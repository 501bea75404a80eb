package org.circgate.server.circulation;

import java.time.Instant;

/** A bill and what is still owed on it. */
public record BillRecord(long id, String externalId, long patronId, Long itemId, String itemBarcode, String feeType,
        String reason, long amountCents, long paidCents, String currency, Instant billedAt) {

    public long owedCents() {
        return amountCents - paidCents;
    }

    /** Overdue fines (SIP2 fee type 04) count as fines for the patron status; every other bill is a fee. */
    public boolean isFine() {
        return "04".equals(feeType);
    }
}
