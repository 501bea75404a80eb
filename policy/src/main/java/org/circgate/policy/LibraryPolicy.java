package org.circgate.policy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parts of a Library policy that due dates need.
 *
 * @param name              ≤ 10 letters, digits, {@code - _ $}
 * @param description       ≤ 60 characters, no {@code |}
 * @param precedenceDueDate the library's fixed due date (Library policy Loan Period), or null; it replaces the
 *                          normal due date for profiles with Library Precedence (seed 001)
 * @param closedDates       days the library is closed; a due date on one moves to the next open day
 */
public record LibraryPolicy(String name, String description, LocalDate precedenceDueDate,
                            Set<LocalDate> closedDates) {

    public LibraryPolicy {
        PolicyNames.requireName(name, "library name");
        PolicyNames.requireDescription(description, "library " + name + " description");
        Objects.requireNonNull(closedDates, "closedDates");
        closedDates = Collections.unmodifiableNavigableSet(new TreeSet<>(closedDates));
    }

    public static LibraryPolicy open(String name, String description) {
        return new LibraryPolicy(name, description, null, Set.of());
    }

    /** {@code date}, or the first day after it on which the library is open. */
    public LocalDate nextOpenDay(LocalDate date) {
        LocalDate day = date;
        while (closedDates.contains(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The closed dates in order. */
    public NavigableSet<LocalDate> closedDatesInOrder() {
        return (NavigableSet<LocalDate>) closedDates;
    }
}
