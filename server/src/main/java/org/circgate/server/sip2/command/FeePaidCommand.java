package org.circgate.server.sip2.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.circgate.server.account.SipAccountOptions;
import org.circgate.server.circulation.FeePaymentService;
import org.circgate.server.circulation.PaymentResult;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.sip2.PatronIdentification;
import org.circgate.server.sip2.PatronIdentification.Identified;
import org.circgate.server.sip2.PatronRendering;
import org.circgate.server.sip2.Sip2CommandHandler;
import org.circgate.server.sip2.Sip2Resends;
import org.circgate.server.sip2.Sip2Services;
import org.circgate.server.sip2.Sip2Session;
import org.circgate.server.sip2.Sip2Times;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.FeePaidRequest;
import org.circgate.sip2.message.FeePaidResponse;
import org.circgate.sip2.message.Sip2Response;

/**
 * 37 Fee Paid → 38, decided by map command Pay Bills on interface SIP2 (Symphony's default map makes a BLOCKED
 * patron's payment Allow Override, which is Deny here). The amount goes to the bill named by CG, else to the oldest
 * bills (of the fee type, unless it is 01); a partial payment leaves the rest owed; the currency must be the bills',
 * the payment type one the account takes; more than owed is refused unless the account allows overpayments. BK is
 * stored with the payment and echoed (circgate's payment number when the kiosk sent none); a payment resent under the
 * same BK is recognised, not taken twice. A PIN is not needed to pay, but a wrong one is refused.
 */
public final class FeePaidCommand implements Sip2CommandHandler {
    private final Sip2Services services;
    private final FeePaymentService payments;

    public FeePaidCommand(Sip2Services services) {
        this.services = services;
        this.payments = new FeePaymentService(services.circulation());
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.FEE_PAID;
    }

    @Override
    public boolean changesState() {
        return true;
    }

    @Override
    public Answer handle(DecodedMessage message, Sip2Session session) {
        FeePaidRequest request = (FeePaidRequest) message.request();
        if (request.patronPassword() != null && !request.patronPassword().isEmpty()) {
            Identified patron = PatronIdentification.identify(services, session, request.patronIdentifier(),
                    request.patronPassword());
            if (patron.known() && !patron.pin().accepted()) {
                return Answer.denied(refused(session, request, PatronRendering.pinMessage(patron.pin())));
            }
        }
        SipAccountOptions options = session.account().options();
        FeePaymentService.Payment payment = new FeePaymentService.Payment(request.patronIdentifier(),
                cents(request.feeAmount()), request.currencyType().code(), request.feeType().code(),
                request.paymentType().code(), request.feeIdentifier(), request.transactionId());
        FeePaymentService.PaymentRules rules = new FeePaymentService.PaymentRules(options.overpaymentAllowed(),
                options.paymentTypes());
        return Sip2Resends.inTransaction(services, session, message, connection ->
                answer(session, request, payments.pay(connection, session.operator(), payment, rules)));
    }

    private Answer answer(Sip2Session session, FeePaidRequest request, PaymentResult result) {
        List<String> messages = new ArrayList<>();
        String owed = PatronRendering.amount(result.owedCents());
        switch (result.status()) {
            case PAID -> {
                messages.add("Payment of " + PatronRendering.amount(result.amountCents()) + " accepted");
                if (result.creditCents() > 0) {
                    messages.add(PatronRendering.amount(result.creditCents()) + " more than owed kept as credit");
                }
                messages.add(result.owedCents() > 0 ? owed + " still owed" : "Nothing more owed");
            }
            case ALREADY_RECORDED -> messages.add("This payment was already recorded");
            case DENIED -> messages.add(result.decision().message());
            case OVERPAYMENT -> messages.add("Payment is more than the fee owes");
            case UNKNOWN_BILL -> messages.add("Fee not found");
            case CURRENCY_MISMATCH -> messages.add("Wrong currency");
            case FEE_TYPE_MISMATCH -> messages.add("No unpaid fee of this type");
            case PAYMENT_TYPE_REFUSED -> messages.add("This payment type is not accepted here");
            case NOTHING_OWED -> messages.add("Nothing is owed");
            case TRANSACTION_ID_REUSED -> messages.add("Transaction id already used for another payment");
            case UNKNOWN_PATRON -> messages.add("Patron not found");
        }
        if (!result.status().accepted() && result.status() != PaymentResult.Status.UNKNOWN_PATRON
                && result.owedCents() > 0) {
            messages.add("Amount owed: " + owed);
        }
        FeePaidResponse.Builder response = base(session, request)
                .paymentAccepted(result.status().accepted())
                .screenMessages(messages);
        if (result.transactionId() != null) {
            response.transactionId(result.transactionId());
        }
        return new Answer(response.build(), result.status().accepted() ? ServerMetrics.Outcome.OK
                : ServerMetrics.Outcome.DENIED, ServerMetrics.MapAction.of(result.decision()));
    }

    /** BV as cents; anything that is not an amount with at most two decimals reads as 0 (refused as invalid). */
    static long cents(String amount) {
        if (amount == null) {
            return 0;
        }
        try {
            BigDecimal value = new BigDecimal(amount.trim());
            if (value.scale() > 2 || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100_000_000)) > 0) {
                return 0;
            }
            return value.movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return 0;
        }
    }

    private FeePaidResponse.Builder base(Sip2Session session, FeePaidRequest request) {
        FeePaidResponse.Builder response = FeePaidResponse.builder()
                .paymentAccepted(false)
                .transactionDate(Sip2Times.now(services.clock(), session))
                .institutionId(session.institution() == null ? "" : session.institution().code())
                .patronIdentifier(request.patronIdentifier());
        if (request.transactionId() != null) {
            response.transactionId(request.transactionId());
        }
        return response;
    }

    private Sip2Response refused(Sip2Session session, FeePaidRequest request, String screenMessage) {
        return base(session, request).screenMessages(screenMessage).build();
    }

    @Override
    public Sip2Response refusal(DecodedMessage message, Sip2Session session, String screenMessage) {
        return refused(session, (FeePaidRequest) message.request(), screenMessage);
    }
}
