package org.circgate.policy;

/**
 * A patron's standing as computed at decision time, with the figures behind it.
 *
 * <p>The computed type follows DESIGN §3.3 (seeds 001, 002): BLOCKED when bills plus accruing fines reach the bill
 * threshold, or overdue items reach the overdue threshold, or overdue recalls reach the overdue-recall threshold
 * (each 0 = unlimited); otherwise DELINQUENT with any unpaid bill or overdue item; otherwise OK. The effective
 * standing then applies the stored standing's rules: BARRED types stay (staff only), custom NEVER stays, custom
 * RAISE_ONLY stays unless the computed type is more restrictive, everything else becomes the computed built-in.
 */
public final class StandingAssessment {

    private final UserStanding stored;
    private final UserStanding effective;
    final int effectiveIndex;
    private final DelinquencyType computed;
    private final long blockCauses;
    private final long accruingFinesCents;
    private final long unpaidBillsCents;
    private final int overdueItems;
    private final int overdueRecalls;

    StandingAssessment(UserStanding stored, UserStanding effective, int effectiveIndex, DelinquencyType computed,
                       long blockCauses, long accruingFinesCents, long unpaidBillsCents, int overdueItems,
                       int overdueRecalls) {
        this.stored = stored;
        this.effective = effective;
        this.effectiveIndex = effectiveIndex;
        this.computed = computed;
        this.blockCauses = blockCauses;
        this.accruingFinesCents = accruingFinesCents;
        this.unpaidBillsCents = unpaidBillsCents;
        this.overdueItems = overdueItems;
        this.overdueRecalls = overdueRecalls;
    }

    /** The standing stored on the patron record. */
    public UserStanding stored() {
        return stored;
    }

    /** The standing that decides now. */
    public UserStanding effective() {
        return effective;
    }

    /** The built-in type the figures alone give, ignoring the stored standing. */
    public DelinquencyType computed() {
        return computed;
    }

    public boolean blockedByBills() {
        return (blockCauses & Reason.BLOCKED_BILLS.bit()) != 0;
    }

    public boolean blockedByOverdues() {
        return (blockCauses & Reason.BLOCKED_OVERDUES.bit()) != 0;
    }

    public boolean blockedByOverdueRecalls() {
        return (blockCauses & Reason.BLOCKED_OVERDUE_RECALLS.bit()) != 0;
    }

    /** Fines accruing on overdue items not yet billed (0 for non-billable profiles). */
    public long accruingFinesCents() {
        return accruingFinesCents;
    }

    /** Unpaid bills (fines and fees). */
    public long unpaidBillsCents() {
        return unpaidBillsCents;
    }

    /** Unpaid bills plus accruing fines: what the bill threshold is compared with. */
    public long owedCents() {
        return unpaidBillsCents + accruingFinesCents;
    }

    public int overdueItems() {
        return overdueItems;
    }

    public int overdueRecalls() {
        return overdueRecalls;
    }

    /**
     * The reasons that explain the effective standing: BARRED for barred types, the computed BLOCKED causes (or
     * BLOCKED when staff set a blocked standing), DELINQUENT, or none for OK.
     */
    long standingReasons() {
        switch (effective.delinquencyType()) {
            case BARRED: return Reason.BARRED.bit();
            case BLOCKED: return blockCauses != 0 ? blockCauses : Reason.BLOCKED.bit();
            case DELINQUENT: return Reason.DELINQUENT.bit();
            default: return 0;
        }
    }

    @Override
    public String toString() {
        return "StandingAssessment[stored=" + stored.name() + ", effective=" + effective.name() + ", computed="
                + computed + ", owed=" + Money.format(owedCents()) + ", overdue=" + overdueItems
                + ", overdueRecalls=" + overdueRecalls + "]";
    }
}
