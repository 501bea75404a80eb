package org.circgate.policy;

/**
 * The circulation commands a User Standing Map line controls (seed 004). {@link #ALL} (or a blank command in a
 * policy file) selects every command; a request always names one concrete command.
 */
public enum MapCommand {
    ALL("All"),
    BLANKET_HOLD("Blanket Hold"),
    CHECKOUT_ITEM("Checkout Item"),
    PAY_BILLS("Pay Bills"),
    PLACE_HOLD("Place Hold"),
    REMOVE_HOLD("Remove Hold"),
    RENEW("Renew"),
    SUSPEND_HOLDS("Suspend Holds");

    private final String displayName;

    MapCommand(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** False only for {@link #ALL}. */
    public boolean isConcrete() {
        return this != ALL;
    }

    static MapCommand requireConcrete(MapCommand command) {
        if (command == null || !command.isConcrete()) {
            throw new IllegalArgumentException("a request needs a concrete command, not " + command);
        }
        return command;
    }
}
