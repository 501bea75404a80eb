package org.circgate.ncip;

/**
 * Factories for the Problems a circulation responder sends, named after the standard's Problem Types. Arguments are
 * (element, value, detail): the ProblemElement the denial concerns (see the {@code *_ELEMENT} constants), the
 * offending value as the initiator sent it, and the policy's reason in words.
 */
public final class NcipProblems {

    public static final String USER_ELEMENT = "UserIdentifierValue";
    public static final String ITEM_ELEMENT = "ItemIdentifierValue";
    public static final String REQUEST_ELEMENT = "RequestIdentifierValue";
    public static final String AGENCY_ELEMENT = "AgencyId";
    public static final String TO_AGENCY_ELEMENT = "ToAgencyId";
    public static final String AUTHENTICATION_ELEMENT = "AuthenticationInput";
    public static final String DATE_DUE_ELEMENT = "DesiredDateDue";

    private NcipProblems() {
    }

    public static NcipProblem unknownUser(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.UNKNOWN_USER, element, value, detail);
    }

    public static NcipProblem unknownItem(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.UNKNOWN_ITEM, element, value, detail);
    }

    public static NcipProblem unknownRequest(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.UNKNOWN_REQUEST, element, value, detail);
    }

    public static NcipProblem unknownAgency(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.UNKNOWN_AGENCY, element, value, detail);
    }

    /** No value parameter on purpose: the offending input is a PIN or password and must not be echoed. */
    public static NcipProblem userAuthenticationFailed(String element, String detail) {
        return NcipProblem.of(NcipProblemType.USER_AUTHENTICATION_FAILED, element, null, detail);
    }

    /** {@code detail} carries the standing or block reason, e.g. "BARRED". */
    public static NcipProblem userBlocked(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.USER_BLOCKED, element, value, detail);
    }

    public static NcipProblem userIneligibleToCheckOut(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.USER_INELIGIBLE_TO_CHECK_OUT_THIS_ITEM, element, value, detail);
    }

    public static NcipProblem userIneligibleToRenew(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.USER_INELIGIBLE_TO_RENEW_THIS_ITEM, element, value, detail);
    }

    public static NcipProblem userIneligibleToRequest(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.USER_INELIGIBLE_TO_REQUEST_THIS_ITEM, element, value, detail);
    }

    public static NcipProblem maximumCheckOutsExceeded(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.MAXIMUM_CHECK_OUTS_EXCEEDED, element, value, detail);
    }

    public static NcipProblem maximumRenewalsExceeded(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.MAXIMUM_RENEWALS_EXCEEDED, element, value, detail);
    }

    public static NcipProblem itemDoesNotCirculate(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.ITEM_DOES_NOT_CIRCULATE, element, value, detail);
    }

    public static NcipProblem itemNotCheckedOut(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.ITEM_NOT_CHECKED_OUT, element, value, detail);
    }

    public static NcipProblem itemNotRenewable(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.ITEM_NOT_RENEWABLE, element, value, detail);
    }

    public static NcipProblem renewalNotAllowedOutstandingRequests(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.RENEWAL_NOT_ALLOWED_ITEM_HAS_OUTSTANDING_REQUESTS, element, value,
                detail);
    }

    public static NcipProblem resourceCannotBeProvided(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.RESOURCE_CANNOT_BE_PROVIDED, element, value, detail);
    }

    public static NcipProblem duplicateRequest(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.DUPLICATE_REQUEST, element, value, detail);
    }

    public static NcipProblem requestAlreadyProcessed(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.REQUEST_ALREADY_PROCESSED, element, value, detail);
    }

    public static NcipProblem cannotAcceptItem(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.CANNOT_ACCEPT_ITEM, element, value, detail);
    }

    /** {@code element} names the missing element, e.g. {@code UserId}. */
    public static NcipProblem neededDataMissing(String element, String detail) {
        return NcipProblem.of(NcipProblemType.NEEDED_DATA_MISSING, element, null, detail);
    }

    public static NcipProblem invalidDate(String element, String value, String detail) {
        return NcipProblem.of(NcipProblemType.INVALID_DATE, element, value, detail);
    }

    public static NcipProblem unauthorizedServiceForAgency(String value, String detail) {
        return NcipProblem.of(NcipProblemType.UNAUTHORIZED_SERVICE_FOR_AGENCY, AGENCY_ELEMENT, value, detail);
    }

    public static NcipProblem agencyAuthenticationFailed(String detail) {
        return NcipProblem.of(NcipProblemType.AGENCY_AUTHENTICATION_FAILED, "FromAgencyAuthentication", null, detail);
    }

    /** For backend failures (timeouts, database down); the initiator may retry. */
    public static NcipProblem temporaryProcessingFailure(String detail) {
        return NcipProblem.of(NcipProblemType.TEMPORARY_PROCESSING_FAILURE, null, null, detail);
    }

    /** {@code serviceElement} is the local name of the service element, e.g. {@code UpdateUser}. */
    public static NcipProblem unsupportedService(String serviceElement, String detail) {
        return NcipProblem.of(NcipProblemType.UNSUPPORTED_SERVICE, serviceElement, null, detail);
    }

    public static NcipProblem invalidMessageSyntax(String detail) {
        return NcipProblem.of(NcipProblemType.INVALID_MESSAGE_SYNTAX_ERROR, null, null, detail);
    }
}
