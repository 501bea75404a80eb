package org.circgate.policy;

/**
 * The four delivered user statuses (seed 002), in increasing order of restriction. Every standing, built-in or
 * custom, has one; it decides what happens when no User Standing Map line matches.
 */
public enum DelinquencyType {
    /** Full privileges. */
    OK(MapAction.ALLOW),
    /** Unpaid bills or overdue items: privileges kept, the operator is warned. */
    DELINQUENT(MapAction.ALLOW),
    /** Bills or overdues reached a threshold: a special override is required. */
    BLOCKED(MapAction.ALLOW_OVERRIDE),
    /** Set and removed only by a privileged operator: no checkouts. */
    BARRED(MapAction.DENY);

    private final MapAction builtInAction;

    DelinquencyType(MapAction builtInAction) {
        this.builtInAction = builtInAction;
    }

    /** The action when no map line matches, before the interface's override rule is applied. */
    public MapAction builtInAction() {
        return builtInAction;
    }

    /** True when this type restricts more than {@code other}. */
    public boolean isMoreRestrictiveThan(DelinquencyType other) {
        return compareTo(other) > 0;
    }
}
