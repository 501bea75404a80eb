package org.circgate.policy;

/**
 * What a User Standing Map line does (seed 004). A blank action in a policy file is {@link #ALLOW}.
 */
public enum MapAction {
    /** Permits the command. */
    ALLOW,
    /** Permits the command only with an operator override; a denial where no override can be entered. */
    ALLOW_OVERRIDE,
    /** Denies the command. */
    DENY;

    /**
     * The action as it applies on {@code clientInterface}: Allow Override on an interface that cannot take overrides
     * is treated as Deny (seed 004).
     */
    public MapAction effectiveOn(ClientInterface clientInterface) {
        if (this == ALLOW_OVERRIDE && !clientInterface.canTakeOverride()) {
            return DENY;
        }
        return this;
    }
}
