package org.circgate.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * One hold in an item's (or its title's) hold queue.
 *
 * @param patronId  who placed it (compared with {@link PatronFacts#patronId()}; never printed)
 * @param rank      the hold rank recorded with the hold, from the placing user's profile (100–199, lower is first)
 * @param placedAt  when it was placed
 * @param suspended whether it is currently suspended (skipped in the queue)
 */
public record HoldFacts(String patronId, int rank, Instant placedAt, boolean suspended) {

    public HoldFacts {
        Objects.requireNonNull(patronId, "patronId");
        Objects.requireNonNull(placedAt, "placedAt");
    }

    @Override
    public String toString() {
        return "HoldFacts[patron=***, rank=" + rank + ", placedAt=" + placedAt + ", suspended=" + suspended + "]";
    }
}
