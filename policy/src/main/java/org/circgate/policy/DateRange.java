package org.circgate.policy;

import java.time.LocalDate;
import java.util.Objects;

/** An inclusive range of dates, e.g. one school track (seed 001, Track Dates). */
public record DateRange(LocalDate start, LocalDate end) {

    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("date range ends " + end + " before it starts " + start);
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
