package org.circgate.policy.document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.circgate.policy.DefaultPinRules;
import org.circgate.policy.PinPolicy;
import org.circgate.policy.PinPolicyMapLine;
import org.circgate.policy.PinSettings;

/** Reads {@code pins}: the mode, the default rules, User PIN policies and the User PIN map. */
final class PinSection {

    private PinSection() {
    }

    static PinSettings read(ObjectNode pins) {
        if (pins == null) {
            return PinSettings.STANDARD;
        }
        int before = pins.problems().count();
        PinSettings.Mode mode = pins.enumValue("mode", PinSettings.Mode.class, PinSettings.Mode.DEFAULT);
        DefaultPinRules defaults = defaultRules(pins.object("default"));
        List<PinPolicy> policies = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ObjectNode node : pins.objects("policies")) {
            PinPolicy policy = policy(node);
            if (policy != null) {
                if (!names.add(policy.name())) {
                    pins.problems().add(node.pathOf("name"), "PIN policy " + policy.name() + " is defined twice");
                }
                policies.add(policy);
            }
        }
        List<PinPolicyMapLine> map = new ArrayList<>();
        for (ObjectNode node : pins.objects("map")) {
            int lineBefore = node.problems().count();
            String userAccess = node.nameOrAny("userAccess");
            String library = node.nameOrAny("library");
            String policy = node.requiredName("policy");
            if (policy != null && !names.contains(policy)) {
                node.error("policy", "PIN policy " + policy + " is not defined");
            }
            PinPolicyMapLine line = Sections.build(node, lineBefore,
                    () -> new PinPolicyMapLine(userAccess, library, policy));
            if (line != null) {
                map.add(line);
            }
        }
        DefaultPinRules defaultRules = defaults == null ? DefaultPinRules.STANDARD : defaults;
        return Sections.build(pins, before, () -> new PinSettings(mode, defaultRules, policies, map));
    }

    private static DefaultPinRules defaultRules(ObjectNode node) {
        if (node == null) {
            return DefaultPinRules.STANDARD;
        }
        int before = node.problems().count();
        int maxLength = node.integer("maxLength", 1, DefaultPinRules.MAX_LENGTH_LIMIT,
                DefaultPinRules.DEFAULT_MAX_LENGTH);
        int generatedLength = node.integer("generatedLength", 1, DefaultPinRules.MAX_GENERATED_LENGTH,
                DefaultPinRules.DEFAULT_GENERATED_LENGTH);
        int maxFailedAttempts = node.integer("maxFailedAttempts", 0, DefaultPinRules.MAX_FAILED_ATTEMPTS_LIMIT, 0);
        return Sections.build(node, before, () -> new DefaultPinRules(maxLength, generatedLength, maxFailedAttempts));
    }

    private static PinPolicy policy(ObjectNode node) {
        int before = node.problems().count();
        int max = PinPolicy.MAX_LENGTH_LIMIT;
        String name = node.requiredName("name");
        String description = node.description("description");
        int minLength = node.requiredInteger("minLength", 1, max);
        int maxLength = node.requiredInteger("maxLength", 1, max);
        int minUppercase = node.integer("minUppercase", 0, max, 0);
        int minLowercase = node.integer("minLowercase", 0, max, 0);
        int minDigits = node.integer("minDigits", 0, max, 0);
        int minSpecial = node.integer("minSpecial", 0, max, 0);
        int expiryDays = node.integer("expiryDays", 0, PinPolicy.MAX_EXPIRY_DAYS, 0);
        int warningDays = node.integer("warningDays", 0, PinPolicy.MAX_EXPIRY_DAYS, 0);
        int maxFailedAttempts = node.integer("maxFailedAttempts", 0, DefaultPinRules.MAX_FAILED_ATTEMPTS_LIMIT, 0);
        return Sections.build(node, before, () -> new PinPolicy(name, description, minLength, maxLength,
                minUppercase, minLowercase, minDigits, minSpecial, expiryDays, warningDays, maxFailedAttempts));
    }
}
