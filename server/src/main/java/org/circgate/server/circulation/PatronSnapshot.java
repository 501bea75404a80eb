package org.circgate.server.circulation;

import java.util.List;
import org.circgate.policy.PatronFacts;

/**
 * Everything loaded about one patron in one transaction: the row, loans, active holds, unpaid bills, and the
 * policy facts derived from them.
 */
public record PatronSnapshot(PatronRecord patron, List<LoanRecord> loans, List<HoldRecord> holds,
        List<BillRecord> bills, PatronFacts facts) {
    public PatronSnapshot {
        loans = List.copyOf(loans);
        holds = List.copyOf(holds);
        bills = List.copyOf(bills);
    }
}
