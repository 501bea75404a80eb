package org.circgate.policy;

/**
 * The client interfaces a User Standing Map line can name (seed 004), and whether each can take an operator override.
 *
 * <p>Only staff clients can: an operator is there to type the override code. Self-service and machine-to-machine
 * interfaces (SIP2 kiosks, NCIP partners, the OPAC, the Web Services family) and UNKNOWN cannot, so an action that
 * needs an override is a denial there (seed 004: "Allow Override" on such an interface "will be treated as Deny").
 *
 * <p>{@link #ALL} is a map-line selector only; a request always comes through one concrete interface.
 */
public enum ClientInterface {
    ALL("All", false),
    NCIP("NCIP", false),
    POCKET_CIRC("Pocket Circ", true),
    SIP2("SIP2", false),
    STAFF_WEB("Staff Web", true),
    UNKNOWN("UNKNOWN", false),
    WEBCAT("Webcat", false),
    WEB_SERVICES("Web Services", false),
    WEB_SERVICES_DS("Web Services DS", false),
    WEB_SERVICES_MOBILE("Web Services Mobile", false),
    WORKFLOWS("WorkFlows", true);

    private final String displayName;
    private final boolean canTakeOverride;

    ClientInterface(String displayName, boolean canTakeOverride) {
        this.displayName = displayName;
        this.canTakeOverride = canTakeOverride;
    }

    /** The label the Symphony wizard shows. */
    public String displayName() {
        return displayName;
    }

    /** Whether an operator on this interface can enter an override (only staff clients can). */
    public boolean canTakeOverride() {
        return canTakeOverride;
    }

    /** False only for {@link #ALL}, which selects interfaces in a map line but never carries a request. */
    public boolean isConcrete() {
        return this != ALL;
    }

    static ClientInterface requireConcrete(ClientInterface clientInterface) {
        if (clientInterface == null || !clientInterface.isConcrete()) {
            throw new IllegalArgumentException("a request needs a concrete interface, not " + clientInterface);
        }
        return clientInterface;
    }
}
