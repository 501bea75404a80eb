package org.circgate.policy.document;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link PolicyReadResult#orThrow()} with every problem found. */
public final class PolicyDocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<PolicyError> errors;

    public PolicyDocumentException(List<PolicyError> errors) {
        super("invalid circulation policy: " + errors.size() + " problem(s)\n"
                + errors.stream().map(PolicyError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<PolicyError> errors() {
        return errors;
    }
}
