package org.circgate.server.domain;

/**
 * Where a copy is, apart from being on loan (an active loan row says that). Each maps to a SIP2 circulation status.
 */
public enum ItemStatus {
    AVAILABLE, ON_ORDER, IN_PROCESS, WAITING_RESHELF, ON_HOLD_SHELF, IN_TRANSIT, CLAIMED_RETURNED, LOST, MISSING,
    OTHER
}
