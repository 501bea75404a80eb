package org.circgate.server.sip2;

import java.util.Optional;
import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.circulation.PatronAuthenticator;

/**
 * Finds the patron of a request and checks the PIN it carries (AD). A PIN verified earlier on the same connection
 * is recognised without the slow hash; an empty or missing AD never authenticates.
 */
public final class PatronIdentification {
    /** The patron (if known), the PIN verdict, and whether personal data may be shown. */
    public record Identified(Optional<PatronView> view, PatronAuthenticator.Result pin, boolean authenticated) {
        public boolean known() {
            return view.isPresent();
        }
    }

    private PatronIdentification() {
    }

    /**
     * True when the request's PIN verdict is already known without the database: the account takes no PIN and none
     * was given, or this connection has verified this very PIN. A change that reads the patron in its own
     * transaction anyway (checkout) then skips the separate lookup.
     */
    public static boolean authenticatedWithoutLookup(Sip2Session session, String barcode, String pin) {
        if (pin == null || pin.isEmpty()) {
            return !session.account().options().pinRequired();
        }
        return session.isPinVerified(barcode, pin);
    }

    public static Identified identify(Sip2Services services, Sip2Session session, String barcode, String pin) {
        Optional<PatronView> view = services.lookups().view(session.operator(), barcode);
        if (view.isEmpty()) {
            return new Identified(view, PatronAuthenticator.Result.WRONG, false);
        }
        PatronAuthenticator.Result result;
        if (pin == null || pin.isEmpty()) {
            result = PatronAuthenticator.Result.NO_PIN_GIVEN;
        } else if (session.isPinVerified(barcode, pin)) {
            result = PatronAuthenticator.Result.ACCEPTED;
        } else {
            result = services.authenticator().verify(view.get().patron(), pin, view.get().engine(),
                    session.institution().zone());
            if (result.accepted()) {
                session.pinVerified(barcode, pin);
            }
        }
        boolean authenticated = result.accepted()
                || (result == PatronAuthenticator.Result.NO_PIN_GIVEN && !session.account().options().pinRequired());
        return new Identified(view, result, authenticated);
    }
}
