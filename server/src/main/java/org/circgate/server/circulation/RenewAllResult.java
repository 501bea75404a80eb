package org.circgate.server.circulation;

import java.util.List;

/**
 * What a renew-all did: one {@link RenewalResult} per loan the patron had, in due-date order.
 *
 * @param patronKnown false when the patron barcode matched nobody (then {@code results} is empty)
 */
public record RenewAllResult(boolean patronKnown, PatronRecord patron, List<RenewalResult> results) {
    public RenewAllResult {
        results = List.copyOf(results);
    }

    public List<RenewalResult> renewed() {
        return results.stream().filter(r -> r.status().ok()).toList();
    }

    public List<RenewalResult> notRenewed() {
        return results.stream().filter(r -> !r.status().ok()).toList();
    }
}
