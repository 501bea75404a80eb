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

    /**
     * True when the PIN verdict needs no hash once the patron is read: no PIN was given, or this connection has
     * verified this very PIN. Such a request can be answered straight from a batched lookup, without a worker.
     */
    public static boolean verdictWithoutHash(Sip2Session session, String barcode, String pin) {
        return pin == null || pin.isEmpty() || session.isPinVerified(barcode, pin);
    }

    public static Identified identify(Sip2Services services, Sip2Session session, String barcode, String pin) {
        return identified(services, session, barcode, pin, services.lookups().view(session.operator(), barcode));
    }

    /** The verdict for a patron already read; hashes the PIN (blocking) unless {@link #verdictWithoutHash}. */
    public static Identified identified(Sip2Services services, Sip2Session session, String barcode, String pin,
            Optional<PatronView> view) {
        if (view.isEmpty() || verdictWithoutHash(session, barcode, pin)) {
            return identifiedWithoutHash(session, barcode, pin, view);
        }
        PatronAuthenticator.Result result = services.authenticator().verify(view.get().patron(), pin,
                view.get().engine(), session.institution().zone());
        if (result.accepted()) {
            session.pinVerified(barcode, pin);
        }
        return identified(session, view, result);
    }

    /** The verdict for a patron already read, when {@link #verdictWithoutHash} holds; never blocks. */
    public static Identified identifiedWithoutHash(Sip2Session session, String barcode, String pin,
            Optional<PatronView> view) {
        if (view.isEmpty()) {
            return new Identified(view, PatronAuthenticator.Result.WRONG, false);
        }
        PatronAuthenticator.Result result;
        if (pin == null || pin.isEmpty()) {
            result = PatronAuthenticator.Result.NO_PIN_GIVEN;
        } else if (session.isPinVerified(barcode, pin)) {
            result = PatronAuthenticator.Result.ACCEPTED;
        } else {
            throw new IllegalStateException("the PIN must be hashed to decide; use identified");
        }
        return identified(session, view, result);
    }

    private static Identified identified(Sip2Session session, Optional<PatronView> view,
            PatronAuthenticator.Result result) {
        boolean authenticated = result.accepted()
                || (result == PatronAuthenticator.Result.NO_PIN_GIVEN && !session.account().options().pinRequired());
        return new Identified(view, result, authenticated);
    }
}
