package org.circgate.policy;

/**
 * What the User Standing Map decided for one (command, standing, interface), and why.
 *
 * @param lineNumber      the deciding line, counted from 1 at the top of the map as the wizard lists it; 0 when no
 *                        line matched and the standing's built-in behaviour decided
 * @param line            the deciding line, or null for the built-in behaviour
 * @param configured      the action the line (or the built-in behaviour) names
 * @param effective       the action after the interface rule: Allow Override becomes Deny where no override can be
 *                        entered
 */
public record MapOutcome(int lineNumber, MapLine line, MapAction configured, MapAction effective) {

    /** True when no map line matched. */
    public boolean isDefault() {
        return line == null;
    }

    /** Short provenance for operators: {@code "line 3: RENEW | BLOCKED | WEBCAT | ALLOW"} or {@code "default"}. */
    public String describe() {
        return line == null ? "default" : "line " + lineNumber + ": " + line;
    }
}
