package org.circgate.bench.load;

import java.time.LocalDateTime;
import org.circgate.sip2.CurrencyType;
import org.circgate.sip2.FeeType;
import org.circgate.sip2.HoldMode;
import org.circgate.sip2.Language;
import org.circgate.sip2.PaymentType;
import org.circgate.sip2.ScStatusCode;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Summary;
import org.circgate.sip2.message.CheckinRequest;
import org.circgate.sip2.message.CheckoutRequest;
import org.circgate.sip2.message.FeePaidRequest;
import org.circgate.sip2.message.HoldRequest;
import org.circgate.sip2.message.LoginRequest;
import org.circgate.sip2.message.PatronInformationRequest;
import org.circgate.sip2.message.PatronStatusRequest;
import org.circgate.sip2.message.RenewRequest;
import org.circgate.sip2.message.ScStatusRequest;
import org.circgate.sip2.message.Sip2Request;

/**
 * The requests a kiosk sends, filled in for one patron and item. Each carries the current time, and the
 * connection adds AY/AZ, so no two checkouts of the same item are byte-identical (an identical 11 or 09 would be
 * answered from the server's resend store instead of being run).
 */
final class Requests {
    private final LoadOptions options;

    Requests(LoadOptions options) {
        this.options = options;
    }

    LoginRequest login() {
        return LoginRequest.of(options.login(), options.password(), options.data().location());
    }

    Sip2Request build(Step step, String patron, String item) {
        Sip2DateTime now = Sip2DateTime.local(LocalDateTime.now());
        String institution = options.data().institution();
        String pin = options.patronPin();
        return switch (step) {
            case SC_STATUS -> ScStatusRequest.builder().statusCode(ScStatusCode.OK).maxPrintWidth(80)
                    .protocolVersion("2.00").build();
            case PATRON_STATUS -> PatronStatusRequest.builder().language(Language.ENGLISH).transactionDate(now)
                    .institutionId(institution).patronIdentifier(patron).terminalPassword(options.terminalPassword())
                    .patronPassword(pin == null ? "" : pin).build();
            case PATRON_INFORMATION -> PatronInformationRequest.builder().language(Language.ENGLISH)
                    .transactionDate(now).summary(Summary.NONE).institutionId(institution).patronIdentifier(patron)
                    .terminalPassword(options.terminalPassword()).patronPassword(pin).build();
            case CHECKOUT -> CheckoutRequest.builder().scRenewalPolicy(false).noBlock(false).transactionDate(now)
                    .institutionId(institution).patronIdentifier(patron).itemIdentifier(item)
                    .terminalPassword(options.terminalPassword()).patronPassword(pin).build();
            case CHECKIN -> CheckinRequest.builder().noBlock(false).transactionDate(now).returnDate(now)
                    .currentLocation(options.data().location()).institutionId(institution).itemIdentifier(item)
                    .terminalPassword(options.terminalPassword()).build();
            case RENEW -> RenewRequest.builder().thirdPartyAllowed(false).noBlock(false).transactionDate(now)
                    .institutionId(institution).patronIdentifier(patron).patronPassword(pin).itemIdentifier(item)
                    .terminalPassword(options.terminalPassword()).build();
            case HOLD_PLACE, HOLD_CANCEL -> HoldRequest.builder()
                    .holdMode(step == Step.HOLD_PLACE ? HoldMode.ADD : HoldMode.DELETE).transactionDate(now)
                    .pickupLocation(options.data().location()).institutionId(institution).patronIdentifier(patron)
                    .patronPassword(pin).itemIdentifier(item).terminalPassword(options.terminalPassword()).build();
            case FEE_PAID -> FeePaidRequest.builder().transactionDate(now).feeType(FeeType.of(1))
                    .paymentType(PaymentType.CASH).currencyType(CurrencyType.USD).feeAmount("0.01")
                    .institutionId(institution).patronIdentifier(patron).terminalPassword(options.terminalPassword())
                    .build();
            case CHECKOUT_CHECKIN, CHECKOUT_RENEW_CHECKIN, HOLD_PLACE_CANCEL ->
                    throw new IllegalArgumentException("not a single request: " + step);
        };
    }
}
