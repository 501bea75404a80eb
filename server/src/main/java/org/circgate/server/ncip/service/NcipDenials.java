package org.circgate.server.ncip.service;

import org.circgate.ncip.NcipProblem;
import org.circgate.ncip.NcipProblemType;
import org.circgate.ncip.NcipProblems;
import org.circgate.ncip.NcipService;
import org.circgate.policy.Decision;
import org.circgate.policy.Reason;

/**
 * A policy refusal in the standard's Problem Types (reference/ncip.md section 5, policy/README.md): the patron's
 * standing or privileges → User Blocked; limits → Maximum Check Outs / Renewals Exceeded; the item → Item Does Not
 * Circulate, Resource Cannot Be Provided, Renewal Not Allowed - Item Has Outstanding Requests, Item Not Checked Out;
 * a copy the patron cannot have → User Ineligible To ... This Item. ProblemDetail carries the policy's reason and
 * the map line (or "default") that decided, so a partner's staff can tell the library what to look at.
 */
final class NcipDenials {
    private NcipDenials() {
    }

    static NcipProblem of(NcipService service, Decision decision, String user, String item) {
        Reason reason = decision.primaryReason();
        String detail = detail(decision);
        if (reason == null) {
            return ineligible(service, user, item, detail);
        }
        return switch (reason) {
            case UNKNOWN_PROFILE, UNKNOWN_STANDING, BARRED, PRIVILEGE_EXPIRED, BLOCKED_BILLS, BLOCKED_OVERDUES,
                    BLOCKED_OVERDUE_RECALLS, BLOCKED, MAP_DENY, MAP_OVERRIDE, DELINQUENT, OVERRIDE_NOT_AVAILABLE ->
                    NcipProblems.userBlocked(NcipProblems.USER_ELEMENT, user, detail);
            case CHARGE_LIMIT, CHARGES_ALLOWED_USED ->
                    NcipProblems.maximumCheckOutsExceeded(NcipProblems.USER_ELEMENT, user, detail);
            case RENEWAL_LIMIT -> NcipProblems.maximumRenewalsExceeded(NcipProblems.ITEM_ELEMENT, item, detail);
            case ITEM_HAS_HOLDS ->
                    NcipProblems.renewalNotAllowedOutstandingRequests(NcipProblems.ITEM_ELEMENT, item, detail);
            case ITEM_ON_HOLD_FOR_OTHER -> service == NcipService.RENEW_ITEM
                    ? NcipProblems.renewalNotAllowedOutstandingRequests(NcipProblems.ITEM_ELEMENT, item, detail)
                    : NcipProblems.resourceCannotBeProvided(NcipProblems.ITEM_ELEMENT, item, detail);
            case ITEM_NOT_CIRCULATING -> NcipProblems.itemDoesNotCirculate(NcipProblems.ITEM_ELEMENT, item, detail);
            case ITEM_NOT_CHARGED_TO_PATRON -> NcipProblems.itemNotCheckedOut(NcipProblems.ITEM_ELEMENT, item, detail);
            case HOLD_LIMIT -> NcipProblems.userIneligibleToRequest(NcipProblems.USER_ELEMENT, user, detail);
            case INVALID_AMOUNT, OVERPAYMENT -> NcipProblem.of(NcipProblemType.INVALID_AMOUNT, null, null, detail);
            case ITEM_CHARGED_TO_PATRON, ITEM_ALREADY_CHARGED, TITLE_ALREADY_CHARGED, ITEM_RECIRCULATED,
                    OVERRIDE_APPLIED -> ineligible(service, user, item, detail);
        };
    }

    private static NcipProblem ineligible(NcipService service, String user, String item, String detail) {
        return switch (service) {
            case RENEW_ITEM -> NcipProblems.userIneligibleToRenew(NcipProblems.ITEM_ELEMENT, item, detail);
            case REQUEST_ITEM, CANCEL_REQUEST_ITEM ->
                    NcipProblems.userIneligibleToRequest(NcipProblems.USER_ELEMENT, user, detail);
            default -> NcipProblems.userIneligibleToCheckOut(NcipProblems.ITEM_ELEMENT, item, detail);
        };
    }

    /** "Patron is barred (standing BARRED; decided by default)". */
    static String detail(Decision decision) {
        String message = decision.message().isEmpty() ? "Not allowed" : decision.message();
        String standing = decision.standing() == null ? "unknown" : decision.standing().name();
        return message + " (standing " + standing + "; decided by " + decision.decidedBy() + ")";
    }
}
