package org.circgate.sip2.message;

/** A message the ACS (server) sends and the SC decodes. */
public sealed interface Sip2Response extends Sip2Message permits LoginResponse, AcsStatusResponse,
        PatronStatusResponse, PatronInformationResponse, CheckoutResponse, CheckinResponse, ItemInformationResponse,
        ItemStatusUpdateResponse, PatronEnableResponse, HoldResponse, RenewResponse, RenewAllResponse,
        FeePaidResponse, EndSessionResponse, RequestScResend {
}
