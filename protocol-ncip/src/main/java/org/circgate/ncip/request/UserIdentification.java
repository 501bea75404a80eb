package org.circgate.ncip.request;

import java.util.List;
import java.util.Optional;

import org.circgate.ncip.NcipAuthInput;
import org.circgate.ncip.NcipUserId;

/**
 * How a request names the patron: a UserId, AuthenticationInputs (barcode + PIN, username + password), or both.
 * The schema makes them a choice, but real initiators send both (FOLIO's LookupUser with a PIN check), so both are
 * kept. toString prints no identifier and no secret.
 *
 * @param userId     the UserId element, or null
 * @param authInputs the AuthenticationInput elements in document order, possibly empty
 */
public record UserIdentification(NcipUserId userId, List<NcipAuthInput> authInputs) {

    public UserIdentification {
        authInputs = List.copyOf(authInputs);
    }

    public static UserIdentification none() {
        return new UserIdentification(null, List.of());
    }

    public boolean isEmpty() {
        return userId == null && authInputs.isEmpty();
    }

    public Optional<NcipUserId> userIdIfPresent() {
        return Optional.ofNullable(userId);
    }

    /** The first input of this kind. */
    public Optional<NcipAuthInput> input(NcipAuthInput.Kind kind) {
        return authInputs.stream().filter(input -> input.kind() == kind).findFirst();
    }

    /**
     * The value naming the patron: the UserIdentifierValue, else the {@code Barcode Id}, {@code User Id} or
     * {@code Username} input, in that order.
     */
    public Optional<String> patronIdentifier() {
        if (userId != null) {
            return Optional.of(userId.value());
        }
        return input(NcipAuthInput.Kind.BARCODE_ID)
                .or(() -> input(NcipAuthInput.Kind.USER_ID))
                .or(() -> input(NcipAuthInput.Kind.USERNAME))
                .map(NcipAuthInput::data);
    }

    /** The PIN or, failing that, the password to verify, if the initiator sent one. */
    public Optional<NcipAuthInput> secret() {
        return input(NcipAuthInput.Kind.PIN).or(() -> input(NcipAuthInput.Kind.PASSWORD));
    }

    @Override
    public String toString() {
        return "UserIdentification[userId=" + (userId == null ? "null" : "***") + ", authInputs="
                + authInputs.stream().map(input -> input.kind().name()).toList() + "]";
    }
}
