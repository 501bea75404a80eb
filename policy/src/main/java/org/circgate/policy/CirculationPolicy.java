package org.circgate.policy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A library's complete circulation policy: User Profiles, User Standings, the User Standing Map, circulation rules,
 * Library policies, patron-status limits and PIN settings. Immutable and validated as a whole (every name a map line,
 * rule or PIN map refers to exists). Decisions are made by a {@link CirculationEngine} built on it.
 */
public final class CirculationPolicy {

    private final String name;
    private final List<UserProfile> profiles;
    private final UserStandings standings;
    private final UserStandingMap standingMap;
    private final List<CirculationRule> rules;
    private final List<LibraryPolicy> libraries;
    private final String defaultLibrary;
    private final PatronStatusLimits statusLimits;
    private final PinSettings pins;

    private final Map<String, UserProfile> profileByName;
    private final Map<String, LibraryPolicy> libraryByName;
    private final Map<String, RuleTable> rulesByProfile;
    private final RuleTable anyProfileRules;

    /**
     * @throws IllegalArgumentException naming the first inconsistency
     */
    public CirculationPolicy(String name, List<UserProfile> profiles, UserStandings standings,
                             UserStandingMap standingMap, List<CirculationRule> rules, List<LibraryPolicy> libraries,
                             String defaultLibrary, PatronStatusLimits statusLimits, PinSettings pins) {
        this.name = PolicyNames.requireName(name, "policy name");
        this.profiles = List.copyOf(profiles);
        this.standings = Objects.requireNonNull(standings, "standings");
        this.standingMap = Objects.requireNonNull(standingMap, "standingMap");
        this.rules = List.copyOf(rules);
        this.libraries = List.copyOf(libraries);
        this.defaultLibrary = defaultLibrary;
        this.statusLimits = Objects.requireNonNull(statusLimits, "statusLimits");
        this.pins = Objects.requireNonNull(pins, "pins");

        if (this.profiles.isEmpty()) {
            throw new IllegalArgumentException("a policy needs at least one user profile");
        }
        profileByName = new LinkedHashMap<>();
        for (UserProfile profile : this.profiles) {
            if (profileByName.put(profile.name(), profile) != null) {
                throw new IllegalArgumentException("user profile " + profile.name() + " is defined twice");
            }
        }
        if (!standingMap.standings().equals(standings)) {
            throw new IllegalArgumentException("the user standing map was built for other user standings");
        }
        libraryByName = new HashMap<>();
        for (LibraryPolicy library : this.libraries) {
            if (libraryByName.put(library.name(), library) != null) {
                throw new IllegalArgumentException("library " + library.name() + " is defined twice");
            }
        }
        if (!libraryByName.containsKey(defaultLibrary)) {
            throw new IllegalArgumentException("default library " + defaultLibrary + " is not defined");
        }
        rulesByProfile = new HashMap<>();
        anyProfileRules = buildRuleTables(this.rules);
    }

    private RuleTable buildRuleTables(List<CirculationRule> ruleList) {
        Map<String, Map<String, CirculationRule>> exact = new HashMap<>();
        Set<String> itemTypes = new HashSet<>();
        for (CirculationRule rule : ruleList) {
            if (!CirculationRule.ANY.equals(rule.profile()) && !profileByName.containsKey(rule.profile())) {
                throw new IllegalArgumentException("circulation rule names user profile " + rule.profile()
                        + ", which is not defined");
            }
            if (exact.computeIfAbsent(rule.profile(), p -> new HashMap<>()).put(rule.itemType(), rule) != null) {
                throw new IllegalArgumentException("two circulation rules for profile " + rule.profile()
                        + " and item type " + rule.itemType());
            }
            if (!CirculationRule.ANY.equals(rule.itemType())) {
                itemTypes.add(rule.itemType());
            }
        }
        Map<String, CirculationRule> anyProfile = exact.getOrDefault(CirculationRule.ANY, Map.of());
        CirculationRule catchAll = anyProfile.get(CirculationRule.ANY);
        if (catchAll == null) {
            throw new IllegalArgumentException("the circulation rules need a rule for profile * and item type *");
        }
        for (String profile : profileByName.keySet()) {
            Map<String, CirculationRule> own = exact.getOrDefault(profile, Map.of());
            CirculationRule fallback = own.getOrDefault(CirculationRule.ANY, catchAll);
            Map<String, CirculationRule> byType = new HashMap<>();
            for (String itemType : itemTypes) {
                CirculationRule rule = own.get(itemType);
                if (rule == null) {
                    rule = own.containsKey(CirculationRule.ANY) ? fallback
                            : anyProfile.getOrDefault(itemType, catchAll);
                }
                byType.put(itemType, rule);
            }
            rulesByProfile.put(profile, new RuleTable(byType, fallback));
        }
        Map<String, CirculationRule> byType = new HashMap<>(anyProfile);
        byType.remove(CirculationRule.ANY);
        return new RuleTable(byType, catchAll);
    }

    public String name() {
        return name;
    }

    public List<UserProfile> profiles() {
        return profiles;
    }

    /** The profile with this name, or null. */
    public UserProfile profile(String profileName) {
        return profileByName.get(profileName);
    }

    public UserStandings standings() {
        return standings;
    }

    public UserStandingMap standingMap() {
        return standingMap;
    }

    public List<CirculationRule> rules() {
        return rules;
    }

    /**
     * The rule for this profile and item type: exact, then the profile's {@code *} rule, then the item type's
     * {@code *}-profile rule, then the {@code * / *} rule. An unknown profile gets the {@code *}-profile rules.
     */
    public CirculationRule rule(String profileName, String itemType) {
        RuleTable table = rulesByProfile.get(profileName);
        if (table == null) {
            table = anyProfileRules;
        }
        CirculationRule rule = table.byItemType.get(itemType);
        return rule == null ? table.fallback : rule;
    }

    public List<LibraryPolicy> libraries() {
        return libraries;
    }

    /** The library with this name; the default library for null or an unknown name. */
    public LibraryPolicy library(String libraryName) {
        LibraryPolicy library = libraryName == null ? null : libraryByName.get(libraryName);
        return library == null ? libraryByName.get(defaultLibrary) : library;
    }

    public String defaultLibrary() {
        return defaultLibrary;
    }

    public PatronStatusLimits statusLimits() {
        return statusLimits;
    }

    public PinSettings pins() {
        return pins;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CirculationPolicy)) {
            return false;
        }
        CirculationPolicy p = (CirculationPolicy) o;
        return name.equals(p.name) && profiles.equals(p.profiles) && standings.equals(p.standings)
                && standingMap.equals(p.standingMap) && rules.equals(p.rules) && libraries.equals(p.libraries)
                && defaultLibrary.equals(p.defaultLibrary) && statusLimits.equals(p.statusLimits)
                && pins.equals(p.pins);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, profiles, standings, standingMap, rules, libraries, defaultLibrary);
    }

    @Override
    public String toString() {
        return "CirculationPolicy[" + name + ": " + profiles.size() + " profiles, " + standings.size()
                + " standings, map " + standingMap.name() + " (" + standingMap.lines().size() + " lines), "
                + rules.size() + " rules, " + libraries.size() + " libraries, PINs " + pins.mode() + "]";
    }

    private static final class RuleTable {
        final Map<String, CirculationRule> byItemType;
        final CirculationRule fallback;

        RuleTable(Map<String, CirculationRule> byItemType, CirculationRule fallback) {
            this.byItemType = byItemType;
            this.fallback = fallback;
        }
    }
}
