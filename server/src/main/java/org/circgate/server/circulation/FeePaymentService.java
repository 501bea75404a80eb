package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.circgate.policy.Decision;
import org.circgate.server.circulation.PaymentRepository.StoredPayment;
import org.circgate.server.circulation.PaymentResult.Allocation;
import org.circgate.server.circulation.PaymentResult.Status;
import org.circgate.server.db.Sql;

/**
 * Fee payments, whatever protocol asks (SIP2 37): map command Pay Bills decides (so a BLOCKED patron cannot pay at a
 * kiosk under Symphony's default map, where Allow Override counts as Deny), then the money goes to the bill the payer
 * named or to the oldest bills first; partial payments leave the rest owed. The payer's transaction id is stored with
 * the payment, so a payment sent again under a new sequence number is recognised rather than taken twice.
 */
public final class FeePaymentService {
    /** SIP2 fee type 01 (other/unknown): pay any bill. */
    public static final String ANY_FEE_TYPE = "01";

    private final CirculationService circulation;
    private final CirculationFacts facts;
    private final PaymentRepository payments = new PaymentRepository();

    public FeePaymentService(CirculationService circulation) {
        this.circulation = circulation;
        this.facts = circulation.facts();
    }

    /**
     * A payment.
     *
     * @param amountCents   the amount offered (0 or less is refused by the policy as an invalid amount)
     * @param currency      ISO 4217; must be the bills' currency; null = not stated
     * @param feeType       SIP2 fee type: a type other than {@value #ANY_FEE_TYPE} pays only bills of that type;
     *                      null = any
     * @param paymentType   SIP2 payment type ({@code 00} cash, {@code 01} VISA, {@code 02} credit card, or a vendor
     *                      code the operator takes)
     * @param billId        the bill to pay (its import id or circgate's number), null = oldest first
     * @param transactionId the payer's reference, null = none
     */
    public record Payment(String patronBarcode, long amountCents, String currency, String feeType,
            String paymentType, String billId, String transactionId) {
    }

    /**
     * What the operator may take.
     *
     * @param overpaymentAllowed a payment larger than what is owed is accepted, the excess recorded as credit
     * @param paymentTypes       payment type codes accepted
     */
    public record PaymentRules(boolean overpaymentAllowed, Set<String> paymentTypes) {
        /** No overpayments; cash, VISA and credit card (the SIP2 2.00 codes). */
        public static final PaymentRules STANDARD = new PaymentRules(false, Set.of("00", "01", "02"));

        public PaymentRules {
            paymentTypes = Set.copyOf(paymentTypes);
        }
    }

    public PaymentResult pay(Connection connection, Operator operator, Payment payment, PaymentRules rules)
            throws SQLException {
        Objects.requireNonNull(rules, "rules");
        Institution institution = operator.institution();
        Optional<PatronRecord> found = facts.patrons().findForUpdate(connection, institution.id(),
                payment.patronBarcode());
        if (found.isEmpty()) {
            return refuse(connection, operator, payment, Status.UNKNOWN_PATRON, null, null, 0);
        }
        PatronRecord patron = found.get();
        if (present(payment.transactionId())) {
            Optional<StoredPayment> earlier = payments.byTransaction(connection, operator.name(),
                    payment.transactionId());
            if (earlier.isPresent()) {
                return repeated(connection, operator, payment, patron, earlier.get());
            }
        }
        List<BillRecord> bills = payments.unpaidForUpdate(connection, patron.id());
        long owed = bills.stream().mapToLong(BillRecord::owedCents).sum();
        if (payment.paymentType() == null || !rules.paymentTypes().contains(payment.paymentType())) {
            return refuse(connection, operator, payment, Status.PAYMENT_TYPE_REFUSED, null, patron, owed);
        }
        if (bills.isEmpty()) {
            return refuse(connection, operator, payment, Status.NOTHING_OWED, null, patron, 0);
        }
        List<BillRecord> candidates;
        boolean anyType = !present(payment.feeType()) || ANY_FEE_TYPE.equals(payment.feeType());
        if (present(payment.billId())) {
            Optional<BillRecord> named = bills.stream().filter(b -> payment.billId().equals(b.externalId())
                    || payment.billId().equals(Long.toString(b.id()))).findFirst();
            if (named.isEmpty()) {
                return refuse(connection, operator, payment, Status.UNKNOWN_BILL, null, patron, owed);
            }
            if (!anyType && !payment.feeType().equals(named.get().feeType())) {
                return refuse(connection, operator, payment, Status.FEE_TYPE_MISMATCH, null, patron, owed);
            }
            candidates = List.of(named.get());
        } else {
            candidates = anyType ? bills : bills.stream().filter(b -> payment.feeType().equals(b.feeType())).toList();
            if (candidates.isEmpty()) {
                return refuse(connection, operator, payment, Status.FEE_TYPE_MISMATCH, null, patron, owed);
            }
        }
        if (present(payment.currency())
                && candidates.stream().anyMatch(b -> !payment.currency().equals(b.currency()))) {
            return refuse(connection, operator, payment, Status.CURRENCY_MISMATCH, null, patron, owed);
        }
        long payable = candidates.stream().mapToLong(BillRecord::owedCents).sum();
        boolean over = payment.amountCents() > payable;
        // The policy checks the map and that the amount is above zero and within all bills; with overpayments
        // allowed it judges the part that pays bills.
        long judged = over && rules.overpaymentAllowed() ? payable : payment.amountCents();
        PatronSnapshot snapshot = facts.snapshot(connection, patron, institution.zone());
        Decision decision = circulation.engine(connection, operator)
                .payBills(circulation.context(operator), snapshot.facts(), judged);
        if (!decision.isAllowed()) {
            return refuse(connection, operator, payment, Status.DENIED, decision, patron, owed);
        }
        if (over && !rules.overpaymentAllowed()) {
            return refuse(connection, operator, payment, Status.OVERPAYMENT, decision, patron, owed);
        }
        long applied = Math.min(payment.amountCents(), payable);
        long credit = payment.amountCents() - applied;
        String currency = present(payment.currency()) ? payment.currency() : candidates.get(0).currency();
        long id;
        try {
            id = payments.insert(connection, institution.id(), patron.id(), payment.amountCents(), applied, credit,
                    currency, present(payment.feeType()) ? payment.feeType() : null, payment.paymentType(),
                    present(payment.transactionId()) ? payment.transactionId() : null, operator,
                    circulation.clock().instant());
        } catch (SQLException e) {
            if (Sql.isDuplicateKey(e)) { // the same transaction id, committed by another connection meanwhile
                return refuse(connection, operator, payment, Status.TRANSACTION_ID_REUSED, decision, patron, owed);
            }
            throw e;
        }
        List<Allocation> allocations = new ArrayList<>();
        long left = applied;
        for (BillRecord bill : candidates) {
            if (left == 0) {
                break;
            }
            long share = Math.min(left, bill.owedCents());
            payments.allocate(connection, id, bill.id(), share);
            allocations.add(new Allocation(bill.id(), bill.externalId(), bill.feeType(), share,
                    bill.owedCents() - share));
            left -= share;
        }
        String transactionId = present(payment.transactionId()) ? payment.transactionId() : "P" + id;
        circulation.record(connection, operator, "fee_paid", patron.barcode(), null, "ok",
                CirculationService.reasons(decision), detail(payment, applied, credit, allocations, transactionId));
        return new PaymentResult(Status.PAID, decision, patron, payment.amountCents(), applied, credit,
                owed - applied, allocations, transactionId);
    }

    private PaymentResult repeated(Connection connection, Operator operator, Payment payment, PatronRecord patron,
            StoredPayment earlier) throws SQLException {
        long owed = payments.unpaidForUpdate(connection, patron.id()).stream().mapToLong(BillRecord::owedCents)
                .sum();
        if (earlier.patronId() != patron.id() || earlier.amountCents() != payment.amountCents()) {
            return refuse(connection, operator, payment, Status.TRANSACTION_ID_REUSED, null, patron, owed);
        }
        circulation.record(connection, operator, "fee_paid", patron.barcode(), null, "repeated", null,
                "transaction " + payment.transactionId() + " already recorded as payment " + earlier.id());
        return new PaymentResult(Status.ALREADY_RECORDED, null, patron, earlier.amountCents(),
                earlier.appliedCents(), earlier.creditCents(), owed, List.of(), earlier.transactionId());
    }

    private PaymentResult refuse(Connection connection, Operator operator, Payment payment, Status status,
            Decision decision, PatronRecord patron, long owed) throws SQLException {
        String policyReasons = decision == null ? null : CirculationService.reasons(decision);
        String reasons = status == Status.DENIED ? policyReasons
                : policyReasons == null ? status.name() : status.name() + "," + policyReasons;
        circulation.record(connection, operator, "fee_paid", payment.patronBarcode(), null, "denied", reasons,
                decision == null ? amountDetail(payment) : decision.decidedBy());
        return PaymentResult.refused(status, decision, patron, payment.amountCents(), owed,
                payment.transactionId());
    }

    private static String detail(Payment payment, long applied, long credit, List<Allocation> allocations,
            String transactionId) {
        StringBuilder text = new StringBuilder(amountDetail(payment));
        text.append(", applied ").append(applied);
        if (credit > 0) {
            text.append(", credit ").append(credit);
        }
        text.append(", bills");
        for (Allocation allocation : allocations) {
            text.append(' ').append(allocation.billId()).append(':').append(allocation.cents());
        }
        return text.append(", transaction ").append(transactionId).toString();
    }

    private static String amountDetail(Payment payment) {
        return "amount " + payment.amountCents() + " " + payment.currency() + ", fee type " + payment.feeType()
                + ", payment type " + payment.paymentType();
    }

    private static boolean present(String text) {
        return text != null && !text.isEmpty();
    }
}
