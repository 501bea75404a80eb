package org.circgate.policy.document;

import java.util.List;
import java.util.Optional;
import org.circgate.policy.CirculationPolicy;

/**
 * Either a valid policy or every problem found in the document (never both).
 *
 * @param policy the policy, or null when there are errors
 * @param errors the problems, in document order; empty when the policy is valid
 */
public record PolicyReadResult(CirculationPolicy policy, List<PolicyError> errors) {

    public PolicyReadResult {
        errors = List.copyOf(errors);
        if ((policy == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a read result has either a policy or errors");
        }
    }

    public boolean isValid() {
        return policy != null;
    }

    public Optional<CirculationPolicy> policyIfValid() {
        return Optional.ofNullable(policy);
    }

    /** The policy, or a {@link PolicyDocumentException} listing every error. */
    public CirculationPolicy orThrow() {
        if (policy == null) {
            throw new PolicyDocumentException(errors);
        }
        return policy;
    }
}
