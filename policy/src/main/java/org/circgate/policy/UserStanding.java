package org.circgate.policy;

import java.util.List;
import java.util.Objects;

/**
 * A User Standing (user status): the four delivered ones and the library's custom ones (seed 002).
 *
 * <p>A built-in name always carries its own delinquency type; OK, DELINQUENT and BLOCKED are maintained by the system
 * ({@link AutoReplace#ALWAYS}), BARRED only by staff ({@link AutoReplace#NEVER}). A custom standing whose delinquency
 * type is BARRED is, like BARRED, set and removed only by staff whatever its auto-replace setting says.
 */
public record UserStanding(String name, String description, DelinquencyType delinquencyType,
                           AutoReplace autoReplace) {

    public static final UserStanding OK =
            new UserStanding("OK", "Full library privileges", DelinquencyType.OK, AutoReplace.ALWAYS);
    public static final UserStanding DELINQUENT =
            new UserStanding("DELINQUENT", "Unpaid bills or overdue items", DelinquencyType.DELINQUENT,
                    AutoReplace.ALWAYS);
    public static final UserStanding BLOCKED =
            new UserStanding("BLOCKED", "Bills or overdues reached a threshold", DelinquencyType.BLOCKED,
                    AutoReplace.ALWAYS);
    public static final UserStanding BARRED =
            new UserStanding("BARRED", "Barred by staff", DelinquencyType.BARRED, AutoReplace.NEVER);

    /** The built-in standings, indexed by their delinquency type's ordinal. */
    public static final List<UserStanding> BUILT_IN = List.of(OK, DELINQUENT, BLOCKED, BARRED);

    public UserStanding {
        PolicyNames.requireName(name, "user standing name");
        PolicyNames.requireDescription(description, "user standing " + name + " description");
        Objects.requireNonNull(delinquencyType, "delinquencyType");
        Objects.requireNonNull(autoReplace, "autoReplace");
        DelinquencyType builtInType = builtInType(name);
        if (builtInType != null) {
            AutoReplace builtInReplace = builtInType == DelinquencyType.BARRED ? AutoReplace.NEVER : AutoReplace.ALWAYS;
            if (builtInType != delinquencyType || builtInReplace != autoReplace) {
                throw new IllegalArgumentException("built-in user standing " + name + " is " + builtInType
                        + " with auto-replace " + builtInReplace + "; it cannot be redefined");
            }
        }
    }

    /** A custom standing (seed 002: "custom user statuses as defined in the User Standing policies"). */
    public static UserStanding custom(String name, String description, DelinquencyType type, AutoReplace autoReplace) {
        if (isBuiltInName(name)) {
            throw new IllegalArgumentException(name + " is a built-in user standing");
        }
        return new UserStanding(name, description, type, autoReplace);
    }

    public static boolean isBuiltInName(String name) {
        return builtInType(name) != null;
    }

    public boolean isBuiltIn() {
        return isBuiltInName(name);
    }

    /** BARRED or a custom standing of type BARRED: set and removed only by an operator, never computed. */
    public boolean isBarredType() {
        return delinquencyType == DelinquencyType.BARRED;
    }

    /** The built-in standing with this delinquency type. */
    public static UserStanding of(DelinquencyType type) {
        return BUILT_IN.get(type.ordinal());
    }

    private static DelinquencyType builtInType(String name) {
        if (name == null) {
            return null;
        }
        switch (name) {
            case "OK": return DelinquencyType.OK;
            case "DELINQUENT": return DelinquencyType.DELINQUENT;
            case "BLOCKED": return DelinquencyType.BLOCKED;
            case "BARRED": return DelinquencyType.BARRED;
            default: return null;
        }
    }
}
