package org.circgate.server.ncip.service;

import java.util.Optional;
import org.circgate.ncip.NcipAuthInput;
import org.circgate.ncip.NcipProblem;
import org.circgate.ncip.NcipProblems;
import org.circgate.ncip.request.UserIdentification;
import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.circulation.PatronAuthenticator;
import org.circgate.server.ncip.NcipServices;
import org.circgate.server.ncip.agency.NcipAgency;

/**
 * How a request names its patron, and the check of the PIN or password it carries: the same PatronAuthenticator as
 * SIP2, so the PIN rules and the failure counters in the database (lockout, throttling) hold across both protocols.
 */
final class NcipPatrons {
    private NcipPatrons() {
    }

    /** The patron identifier (UserId value, else Barcode Id, User Id or Username input), or null. */
    static String identifier(UserIdentification user) {
        return user.patronIdentifier().map(String::strip).filter(id -> !id.isEmpty()).orElse(null);
    }

    static NcipProblem missingUser(String service) {
        return NcipProblems.neededDataMissing("UserId",
                service + " needs a UserId or an AuthenticationInput naming the patron");
    }

    static NcipProblem unknownUser(String barcode) {
        return NcipProblems.unknownUser(NcipProblems.USER_ELEMENT, barcode, "No patron with this identifier");
    }

    /** Whether the request carries a PIN or password to check. */
    static boolean hasSecret(UserIdentification user) {
        return user.secret().isPresent();
    }

    /**
     * Checks the request's PIN or password, if it carries one (a slow hash: worker thread only, outside any
     * transaction). Empty when accepted or when there is nothing to check; else the Problem to answer with, which
     * never echoes the secret.
     */
    static Optional<NcipProblem> verifySecret(NcipServices services, NcipAgency agency, UserIdentification user,
            PatronView view) {
        Optional<NcipAuthInput> secret = user.secret();
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        PatronAuthenticator.Result result = services.authenticator().verify(view.patron(), secret.get().data(),
                view.engine(), agency.institution().zone());
        if (result.accepted()) {
            return Optional.empty();
        }
        String detail = switch (result) {
            case LOCKED -> "PIN locked; the patron must see library staff";
            case THROTTLED -> "Too many failed attempts; try again later";
            case EXPIRED -> "PIN expired; the patron must see library staff";
            default -> "PIN or password not accepted";
        };
        return Optional.of(NcipProblems.userAuthenticationFailed(NcipProblems.AUTHENTICATION_ELEMENT, detail));
    }
}
