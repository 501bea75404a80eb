package org.circgate.server.sip2;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.circgate.policy.Decision;
import org.circgate.policy.MapCommand;
import org.circgate.policy.Outcome;
import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.circulation.PatronAuthenticator;
import org.circgate.sip2.CurrencyType;
import org.circgate.sip2.Language;
import org.circgate.sip2.PatronStatus;

/** How the policy's view of a patron reads on the SIP2 wire (DESIGN.md §4, the 14-position table). */
public final class PatronRendering {
    private PatronRendering() {
    }

    public static PatronStatus status(PatronView view) {
        boolean[] positions = view.status().sip2Positions();
        int bits = 0;
        for (int i = 0; i < positions.length; i++) {
            if (positions[i]) {
                bits |= 1 << i;
            }
        }
        return new PatronStatus(bits);
    }

    public static Language language(PatronView view) {
        String code = view.patron().language();
        if (code == null) {
            return Language.UNKNOWN;
        }
        try {
            return Language.of(Integer.parseInt(code));
        } catch (RuntimeException e) {
            return Language.UNKNOWN;
        }
    }

    /** Money as SIP2 kiosks show it: {@code 12.50}. */
    public static String amount(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    public static CurrencyType currency(PatronView view) {
        return view.snapshot().bills().isEmpty() ? CurrencyType.USD
                : CurrencyType.of(view.snapshot().bills().get(0).currency());
    }

    /** What the patron owes now: unpaid bills plus fines accruing on overdue loans. */
    public static long owed(PatronView view) {
        return view.status().assessment().owedCents();
    }

    /** Screen messages that say why: the PIN problem, then why checkout is refused or warned about. */
    public static List<String> messages(PatronView view, PatronAuthenticator.Result pin) {
        List<String> messages = new ArrayList<>();
        String pinMessage = pinMessage(pin);
        if (pinMessage != null) {
            messages.add(pinMessage);
        }
        Decision checkout = view.status().privilege(MapCommand.CHECKOUT_ITEM);
        if (checkout != null && checkout.outcome() != Outcome.ALLOWED && !checkout.message().isEmpty()) {
            messages.add(checkout.message());
        }
        return messages;
    }

    public static String pinMessage(PatronAuthenticator.Result pin) {
        if (pin == null) {
            return null;
        }
        return switch (pin) {
            case ACCEPTED, NO_PIN_GIVEN -> null;
            case WRONG, NO_PIN_ON_RECORD -> "Invalid PIN";
            case LOCKED -> "PIN locked; please see library staff";
            case THROTTLED -> "Too many PIN attempts; please try again later";
            case EXPIRED -> "PIN expired; please see library staff";
        };
    }

}
