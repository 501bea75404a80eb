package org.circgate.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How PINs work for the whole library (seed 002): either every user follows the default behaviour, or the Policy
 * PINs feature is on and each user's PIN policy comes from the User PIN map by their User Access and Library.
 *
 * @param mode         {@link Mode#DEFAULT} or {@link Mode#POLICY}
 * @param defaultRules the rules in DEFAULT mode
 * @param policies     the User PIN policies (POLICY mode)
 * @param map          the User PIN map (POLICY mode); must contain a {@code * / *} line so every user gets a policy
 */
public record PinSettings(Mode mode, DefaultPinRules defaultRules, List<PinPolicy> policies,
                          List<PinPolicyMapLine> map) {

    /** Whether the Policy PINs feature is enabled. */
    public enum Mode { DEFAULT, POLICY }

    public static final PinSettings STANDARD =
            new PinSettings(Mode.DEFAULT, DefaultPinRules.STANDARD, List.of(), List.of());

    public PinSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(defaultRules, "defaultRules");
        policies = List.copyOf(policies);
        map = List.copyOf(map);
        Map<String, PinPolicy> byName = new HashMap<>();
        for (PinPolicy policy : policies) {
            if (byName.put(policy.name(), policy) != null) {
                throw new IllegalArgumentException("PIN policy " + policy.name() + " is defined twice");
            }
        }
        for (PinPolicyMapLine line : map) {
            if (!byName.containsKey(line.pinPolicy())) {
                throw new IllegalArgumentException("PIN map names PIN policy " + line.pinPolicy()
                        + ", which is not defined");
            }
        }
        if (mode == Mode.POLICY && map.stream().noneMatch(PinPolicyMapLine::isCatchAll)) {
            throw new IllegalArgumentException("with Policy PINs the PIN map needs a line for user access * and"
                    + " library * so that every user has a PIN policy");
        }
    }

    /** The PIN rules for a user with this User Access and Library (either may be null). */
    public PinRules rulesFor(String userAccess, String library) {
        if (mode == Mode.DEFAULT) {
            return defaultRules;
        }
        for (int i = map.size() - 1; i >= 0; i--) {
            PinPolicyMapLine line = map.get(i);
            if (line.matches(userAccess, library)) {
                return policy(line.pinPolicy());
            }
        }
        throw new IllegalStateException("PIN map has a catch-all line; unreachable");
    }

    private PinPolicy policy(String name) {
        for (PinPolicy policy : policies) {
            if (policy.name().equals(name)) {
                return policy;
            }
        }
        throw new IllegalStateException("PIN policy " + name + " vanished");
    }
}
