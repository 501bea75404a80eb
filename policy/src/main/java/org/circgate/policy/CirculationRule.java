package org.circgate.policy;

import java.util.Objects;

/**
 * The circulation rule for a (user profile, item type) pair: whether the item type circulates, its loan period, how
 * often it may be renewed, and its overdue fine. {@value #ANY} stands for every profile or every item type; the most
 * specific rule wins (profile and item type, then profile, then item type, then the {@code * / *} rule every policy
 * must have).
 *
 * @param profile      a User Profile name or {@value #ANY}
 * @param itemType     an item type name or {@value #ANY}
 * @param circulates   false for reference-only item types
 * @param loanPeriod   loan length
 * @param renewalLimit renewals per charge; reaching it needs an override (UNLIMITED = no limit)
 * @param fine         overdue fine
 */
public record CirculationRule(String profile, String itemType, boolean circulates, LoanPeriod loanPeriod,
                              Limit renewalLimit, FineRule fine) {

    public static final String ANY = "*";

    public CirculationRule {
        requireNameOrAny(profile, "circulation rule profile");
        requireNameOrAny(itemType, "circulation rule item type");
        Objects.requireNonNull(loanPeriod, "loanPeriod");
        Objects.requireNonNull(renewalLimit, "renewalLimit");
        Objects.requireNonNull(fine, "fine");
    }

    public boolean isCatchAll() {
        return ANY.equals(profile) && ANY.equals(itemType);
    }

    private static void requireNameOrAny(String name, String what) {
        if (!ANY.equals(name)) {
            PolicyNames.requireName(name, what);
        }
    }
}
