package org.circgate.server.circulation;

import java.time.Instant;
import java.time.LocalDate;
import org.circgate.server.domain.HoldStatus;

/** A hold with the codes and names circulation shows. */
public record HoldRecord(long id, String externalId, long patronId, String patronProfile, long titleId, String title,
        Long itemId, String itemBarcode, String pickupLocation, String holdType, HoldStatus status, Instant placedAt,
        LocalDate expiresOn, LocalDate pickupBy, LocalDate suspendedUntil) {

    public boolean suspendedOn(LocalDate today) {
        return suspendedUntil != null && !today.isAfter(suspendedUntil);
    }
}
