package org.circgate.server.domain;

/** The life of a hold: waiting in the queue, travelling to the pickup desk, on the shelf for pickup, then done. */
public enum HoldStatus {
    WAITING, IN_TRANSIT, AVAILABLE, FILLED, CANCELLED, EXPIRED;

    public boolean isActive() {
        return this == WAITING || this == IN_TRANSIT || this == AVAILABLE;
    }
}
