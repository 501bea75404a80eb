package org.circgate.policy;

/**
 * One line of the User PIN map: users whose User Access and Library policies match get this PIN policy. Like every
 * Symphony map it is read from the bottom up; {@value CirculationRule#ANY} matches any value.
 *
 * @param userAccess a User Access policy name or {@value CirculationRule#ANY}
 * @param library    a Library policy name or {@value CirculationRule#ANY}
 * @param pinPolicy  the PIN policy name
 */
public record PinPolicyMapLine(String userAccess, String library, String pinPolicy) {

    public PinPolicyMapLine {
        if (!CirculationRule.ANY.equals(userAccess)) {
            PolicyNames.requireName(userAccess, "PIN map user access");
        }
        if (!CirculationRule.ANY.equals(library)) {
            PolicyNames.requireName(library, "PIN map library");
        }
        PolicyNames.requireName(pinPolicy, "PIN map policy");
    }

    public boolean matches(String userAccessName, String libraryName) {
        return (CirculationRule.ANY.equals(userAccess) || userAccess.equals(userAccessName))
                && (CirculationRule.ANY.equals(library) || library.equals(libraryName));
    }

    public boolean isCatchAll() {
        return CirculationRule.ANY.equals(userAccess) && CirculationRule.ANY.equals(library);
    }
}
