package org.circgate.ncip.request;

import java.util.Optional;

import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipService;

/**
 * A typed, immutable view of one request for a service circgate answers. Components that the initiator left out
 * are null (or empty lists / {@link ElementTypes#none()}): the reader never rejects a request for missing data,
 * because the standard answer to that is the Problem {@code Needed Data Missing}, which the server sends.
 */
public sealed interface NcipRequest permits LookupUserRequest, LookupItemRequest, CheckOutItemRequest,
        CheckInItemRequest, RenewItemRequest, RequestItemRequest, CancelRequestItemRequest, AcceptItemRequest,
        DeleteItemRequest, LookupAgencyRequest {

    NcipService service();

    /** The InitiationHeader, or null when the request had none. */
    NcipHeader header();

    default Optional<NcipHeader> headerIfPresent() {
        return Optional.ofNullable(header());
    }
}
