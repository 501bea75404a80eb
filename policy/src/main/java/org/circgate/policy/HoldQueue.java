package org.circgate.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hold queue order (seed 001, Hold Rank): the hold rank recorded with the hold (a lower number is further ahead: a
 * FACULTY rank of 125 goes before STUDENT holds at 150), then the earliest time placed. The patron id breaks exact
 * ties so the order is total. Suspended holds wait and are not filled. (Symphony's Hold Map priority, which would
 * come first, is not part of circgate's policy.)
 */
public final class HoldQueue {

    /** Queue order: rank, then time placed, then patron id. */
    public static final Comparator<HoldFacts> ORDER = HoldQueue::compare;

    private HoldQueue() {
    }

    private static int compare(HoldFacts a, HoldFacts b) {
        int byRank = Integer.compare(a.rank(), b.rank());
        if (byRank != 0) {
            return byRank;
        }
        int byTime = a.placedAt().compareTo(b.placedAt());
        return byTime != 0 ? byTime : a.patronId().compareTo(b.patronId());
    }

    /** The hold an item would fill next, or null when no hold is active. Allocation-free. */
    public static HoldFacts next(List<HoldFacts> holds) {
        HoldFacts first = null;
        for (int i = 0, n = holds.size(); i < n; i++) {
            HoldFacts hold = holds.get(i);
            if (!hold.suspended() && (first == null || compare(hold, first) < 0)) {
                first = hold;
            }
        }
        return first;
    }

    /** Active holds in queue order. */
    public static List<HoldFacts> ordered(List<HoldFacts> holds) {
        List<HoldFacts> active = new ArrayList<>(holds.size());
        for (HoldFacts hold : holds) {
            if (!hold.suspended()) {
                active.add(hold);
            }
        }
        active.sort(ORDER);
        return active;
    }

    /** Whether any active hold belongs to someone other than {@code patronId}. */
    public static boolean hasActiveHoldByOther(List<HoldFacts> holds, String patronId) {
        for (int i = 0, n = holds.size(); i < n; i++) {
            HoldFacts hold = holds.get(i);
            if (!hold.suspended() && !hold.patronId().equals(patronId)) {
                return true;
            }
        }
        return false;
    }
}
