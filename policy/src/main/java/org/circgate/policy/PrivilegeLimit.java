package org.circgate.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A User Profile's privilege limit (seed 001): no time limit, a number of days/weeks/months/years after the user is
 * added or the privilege is extended, or a specific date.
 */
public sealed interface PrivilegeLimit {

    /** Largest duration amount accepted. */
    int MAX_AMOUNT = 9_999;

    PrivilegeLimit NEVER = new Never();

    /**
     * The privilege expiry for a user added or extended on {@code start}: null when the privilege never expires.
     */
    LocalDate expiryFrom(LocalDate start);

    static PrivilegeLimit duration(int amount, PeriodUnit unit) {
        return new Duration(amount, unit);
    }

    static PrivilegeLimit until(LocalDate date) {
        return new UntilDate(date);
    }

    /** No time limit on the privilege. */
    record Never() implements PrivilegeLimit {
        @Override
        public LocalDate expiryFrom(LocalDate start) {
            return null;
        }

        @Override
        public String toString() {
            return "NEVER";
        }
    }

    /** Expires {@code amount} units after the start. */
    record Duration(int amount, PeriodUnit unit) implements PrivilegeLimit {
        public Duration {
            Objects.requireNonNull(unit, "unit");
            if (amount < 1 || amount > MAX_AMOUNT) {
                throw new IllegalArgumentException("privilege limit amount " + amount + " is outside 1-" + MAX_AMOUNT);
            }
        }

        @Override
        public LocalDate expiryFrom(LocalDate start) {
            return unit.addTo(start, amount);
        }

        @Override
        public String toString() {
            return amount + " " + unit;
        }
    }

    /** Expires on a fixed date, whenever the user was added (seed 001: visitors leaving on August 31). */
    record UntilDate(LocalDate date) implements PrivilegeLimit {
        public UntilDate {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public LocalDate expiryFrom(LocalDate start) {
            return date;
        }

        @Override
        public String toString() {
            return date.toString();
        }
    }
}
