package org.circgate.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Computes user standings (DESIGN §3.3; seeds 001, 002): at decision time for every request, and as the batch
 * recompute that keeps the stored status field current (Symphony's Update User Delinquency Status report), and for
 * "Reinstate User".
 */
public final class StandingCalculator {

    private final CirculationPolicy policy;

    public StandingCalculator(CirculationPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Assesses a patron on {@code today}.
     *
     * @throws IllegalArgumentException when the patron's profile or stored standing is not in the policy
     */
    public StandingAssessment assess(PatronFacts patron, LocalDate today) {
        UserProfile profile = policy.profile(patron.profile());
        if (profile == null) {
            throw new IllegalArgumentException("user profile " + patron.profile() + " is not in the policy");
        }
        int storedIndex = policy.standings().indexOf(patron.storedStanding());
        if (storedIndex < 0) {
            throw new IllegalArgumentException("user standing " + patron.storedStanding() + " is not in the policy");
        }
        return assess(profile, storedIndex, patron, today);
    }

    StandingAssessment assess(UserProfile profile, int storedIndex, PatronFacts patron, LocalDate today) {
        int overdue = 0;
        int overdueRecalls = 0;
        long accruing = 0;
        List<LoanFacts> loans = patron.loans();
        for (int i = 0, n = loans.size(); i < n; i++) {
            LoanFacts loan = loans.get(i);
            if (loan.isOverdueOn(today)) {
                overdue++;
                if (loan.recalled()) {
                    overdueRecalls++;
                }
                if (profile.billable()) {
                    accruing = saturatedAdd(accruing,
                            policy.rule(profile.name(), loan.itemType()).fine().accruedBy(loan.dueDate(), today));
                }
            }
        }
        long bills = patron.unpaidBillsCents();
        long owed = saturatedAdd(bills, accruing);

        long causes = 0;
        if (profile.billThresholdCents() != 0 && owed >= profile.billThresholdCents()) {
            causes |= Reason.BLOCKED_BILLS.bit();
        }
        if (profile.overdueThreshold() != 0 && overdue >= profile.overdueThreshold()) {
            causes |= Reason.BLOCKED_OVERDUES.bit();
        }
        if (profile.overdueRecallThreshold() != 0 && overdueRecalls >= profile.overdueRecallThreshold()) {
            causes |= Reason.BLOCKED_OVERDUE_RECALLS.bit();
        }
        DelinquencyType computed = causes != 0 ? DelinquencyType.BLOCKED
                : (bills > 0 || overdue > 0) ? DelinquencyType.DELINQUENT
                : DelinquencyType.OK;

        UserStanding stored = policy.standings().get(storedIndex);
        boolean keepStored = keepsStored(stored, computed);
        UserStanding effective = keepStored ? stored : UserStanding.of(computed);
        int effectiveIndex = keepStored ? storedIndex : computed.ordinal();
        return new StandingAssessment(stored, effective, effectiveIndex, computed, causes, accruing, bills, overdue,
                overdueRecalls);
    }

    /** Whether the stored standing survives a recompute that gives {@code computed} (seed 002). */
    static boolean keepsStored(UserStanding stored, DelinquencyType computed) {
        if (stored.isBarredType()) {
            return true; // BARRED and custom BARRED types are set and removed only by staff.
        }
        if (stored.isBuiltIn()) {
            return false; // OK, DELINQUENT and BLOCKED are maintained by the system.
        }
        switch (stored.autoReplace()) {
            case NEVER: return true;
            case RAISE_ONLY: return !computed.isMoreRestrictiveThan(stored.delinquencyType());
            default: return false;
        }
    }

    /**
     * The batch recompute: the standing to store for this patron now. Unchanged for BARRED types and for custom
     * standings their auto-replace setting keeps.
     */
    public StandingChange recompute(PatronFacts patron, LocalDate today) {
        StandingAssessment assessment = assess(patron, today);
        return new StandingChange(assessment.stored(), assessment.effective());
    }

    /**
     * "Reinstate User" (seed 002): a BARRED user (or one with a custom BARRED-type standing) gets the standing the
     * figures give, which may be BLOCKED or DELINQUENT rather than OK.
     *
     * @throws IllegalArgumentException when the stored standing is not of type BARRED (the wizard offers Reinstate
     *                                  only then)
     */
    public StandingChange reinstate(PatronFacts patron, LocalDate today) {
        StandingAssessment assessment = assess(patron, today);
        if (!assessment.stored().isBarredType()) {
            throw new IllegalArgumentException("only a BARRED-type standing can be reinstated, not "
                    + assessment.stored().name());
        }
        return new StandingChange(assessment.stored(), UserStanding.of(assessment.computed()));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
