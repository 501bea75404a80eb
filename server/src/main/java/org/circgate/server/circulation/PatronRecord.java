package org.circgate.server.circulation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A patron row as circulation needs it. {@code toString} shows neither the barcode nor the name nor the PIN hash.
 */
public record PatronRecord(long id, long institutionId, String barcode, String name, String pinHash, int pinFailures,
        Instant pinLastFailure, boolean pinLocked, LocalDate pinChanged, LocalDate pinExpires, String profile,
        String standing, String email, String phone, String address, String language, LocalDate privilegeExpires,
        boolean cardLost, int claimsReturned, int chargesThisPeriod, int lostItems) {

    @Override
    public String toString() {
        return "PatronRecord[id=" + id + ", profile=" + profile + ", standing=" + standing + "]";
    }
}
