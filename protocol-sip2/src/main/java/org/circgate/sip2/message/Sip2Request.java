package org.circgate.sip2.message;

/** A message the SC sends and the ACS (server) decodes. */
public sealed interface Sip2Request extends Sip2Message permits LoginRequest, ScStatusRequest,
        PatronStatusRequest, PatronInformationRequest, CheckoutRequest, CheckinRequest, BlockPatronRequest,
        ItemInformationRequest, ItemStatusUpdateRequest, PatronEnableRequest, HoldRequest, RenewRequest,
        RenewAllRequest, FeePaidRequest, EndPatronSessionRequest, RequestAcsResend {
}
