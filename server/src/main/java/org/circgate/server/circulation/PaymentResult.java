package org.circgate.server.circulation;

import java.util.List;
import org.circgate.policy.Decision;

/**
 * What a payment did.
 *
 * @param status        what happened
 * @param decision      the policy's Pay Bills decision, null when none was made
 * @param patron        the patron, when known
 * @param amountCents   the amount offered
 * @param appliedCents  what went to bills
 * @param creditCents   what was more than the bills (only when the operator may take overpayments)
 * @param owedCents     what the patron still owes on bills afterwards
 * @param allocations   which bills got how much, oldest first
 * @param transactionId the payer's reference (SIP2 BK), or circgate's payment number when the payer gave none
 */
public record PaymentResult(Status status, Decision decision, PatronRecord patron, long amountCents,
        long appliedCents, long creditCents, long owedCents, List<Allocation> allocations, String transactionId) {

    public PaymentResult {
        allocations = List.copyOf(allocations);
    }

    /** One bill's share of a payment. */
    public record Allocation(long billId, String externalId, String feeType, long cents, long stillOwedCents) {
    }

    /** The ways a payment ends. */
    public enum Status {
        PAID,
        /** The same transaction id, patron and amount were recorded before: nothing taken twice. */
        ALREADY_RECORDED,
        /** The policy said no (map, for example a BLOCKED patron on SIP2; amount not above zero; more than owed). */
        DENIED,
        /** More than the bill (or the bills of the fee type) owe, and the operator may not take overpayments. */
        OVERPAYMENT,
        /** The bill named does not exist or is paid. */
        UNKNOWN_BILL,
        /** Not the currency of the bills. */
        CURRENCY_MISMATCH,
        /** The fee type names no unpaid bill (or not the named bill's type). */
        FEE_TYPE_MISMATCH,
        /** A payment type the operator does not take. */
        PAYMENT_TYPE_REFUSED,
        /** Nothing is owed. */
        NOTHING_OWED,
        /** The transaction id was used before for a different patron or amount. */
        TRANSACTION_ID_REUSED,
        UNKNOWN_PATRON;

        public boolean accepted() {
            return this == PAID || this == ALREADY_RECORDED;
        }
    }

    static PaymentResult refused(Status status, Decision decision, PatronRecord patron, long amountCents,
            long owedCents, String transactionId) {
        return new PaymentResult(status, decision, patron, amountCents, 0, 0, owedCents, List.of(), transactionId);
    }
}
