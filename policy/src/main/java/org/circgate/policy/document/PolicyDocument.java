package org.circgate.policy.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.circgate.policy.AutoReplace;
import org.circgate.policy.CirculationPolicy;
import org.circgate.policy.CirculationRule;
import org.circgate.policy.ClientInterface;
import org.circgate.policy.DelinquencyType;
import org.circgate.policy.FineRule;
import org.circgate.policy.LibraryPolicy;
import org.circgate.policy.Limit;
import org.circgate.policy.LoanPeriod;
import org.circgate.policy.MapAction;
import org.circgate.policy.MapCommand;
import org.circgate.policy.MapLine;
import org.circgate.policy.PatronStatusLimits;
import org.circgate.policy.PeriodUnit;
import org.circgate.policy.PinSettings;
import org.circgate.policy.PolicyNames;
import org.circgate.policy.UserProfile;
import org.circgate.policy.UserStanding;
import org.circgate.policy.UserStandingMap;
import org.circgate.policy.UserStandings;

/**
 * Turns a policy document into a validated {@link CirculationPolicy}. The document is a generic tree — maps, lists,
 * strings, numbers, booleans, nulls — as any JSON or YAML parser produces, so this module needs no parser; the
 * server parses the file and hands the tree over. Every problem is reported with its path
 * ({@code profiles[2].chargeLimit}) and, when the caller supplies a {@link LineLocator}, its line. The format is
 * documented in {@code policy/README.md}.
 */
public final class PolicyDocument {

    /** The format version this reader understands. */
    public static final int VERSION = 1;

    private PolicyDocument() {
    }

    public static PolicyReadResult read(Object tree) {
        return read(tree, LineLocator.NONE);
    }

    public static PolicyReadResult read(Object tree, LineLocator locator) {
        Problems problems = new Problems(locator == null ? LineLocator.NONE : locator);
        ObjectNode root = ObjectNode.of(tree, "", problems);
        if (root == null) {
            return new PolicyReadResult(null, problems.all());
        }
        root.requiredInteger("version", VERSION, VERSION);
        String name = root.string("name", "DEFAULT");
        PolicyNames.problemWithName(name).ifPresent(p -> root.error("name", p));

        UserStandings standings = standings(root);
        List<UserProfile> profiles = profiles(root);
        Set<String> profileNames = new HashSet<>();
        profiles.forEach(p -> profileNames.add(p.name()));
        UserStandingMap map = standingMap(root, standings);
        List<CirculationRule> rules = rules(root, profileNames);
        List<LibraryPolicy> libraries = libraries(root);
        String defaultLibrary = root.string("defaultLibrary", libraries.isEmpty() ? null : libraries.get(0).name());
        if (defaultLibrary != null && libraries.stream().noneMatch(l -> l.name().equals(defaultLibrary))) {
            root.error("defaultLibrary", "library " + defaultLibrary + " is not defined");
        }
        PatronStatusLimits statusLimits = statusLimits(root.object("patronStatusLimits"));
        PinSettings pins = PinSection.read(root.object("pins"));
        root.finish();

        if (problems.count() > 0) {
            return new PolicyReadResult(null, problems.all());
        }
        try {
            return new PolicyReadResult(new CirculationPolicy(name, profiles, standings, map, rules, libraries,
                    defaultLibrary, statusLimits, pins), List.of());
        } catch (IllegalArgumentException e) {
            problems.add("", e.getMessage());
            return new PolicyReadResult(null, problems.all());
        }
    }

    private static UserStandings standings(ObjectNode root) {
        List<UserStanding> custom = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ObjectNode node : root.objects("standings")) {
            int before = node.problems().count();
            String name = node.requiredName("name");
            if (name != null && UserStanding.isBuiltInName(name)) {
                node.error("name", name + " is a built-in standing and always present; list only custom standings");
            } else if (name != null && !names.add(name)) {
                node.error("name", "user standing " + name + " is defined twice");
            }
            String description = node.description("description");
            DelinquencyType type = node.requiredEnum("delinquencyType", DelinquencyType.class);
            AutoReplace autoReplace = node.requiredEnum("autoReplace", AutoReplace.class);
            UserStanding standing = Sections.build(node, before,
                    () -> UserStanding.custom(name, description, type, autoReplace));
            if (standing != null) {
                custom.add(standing);
            }
        }
        return UserStandings.withCustom(custom);
    }

    private static List<UserProfile> profiles(ObjectNode root) {
        if (!root.has("profiles")) {
            root.error("profiles", "is required: a policy needs at least one user profile");
        }
        List<UserProfile> profiles = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<ObjectNode> nodes = root.objects("profiles");
        if (root.has("profiles") && nodes.isEmpty()) {
            root.error("profiles", "needs at least one user profile");
        }
        for (ObjectNode node : nodes) {
            UserProfile profile = ProfileSection.read(node);
            if (profile != null) {
                if (!names.add(profile.name())) {
                    node.problems().add(node.pathOf("name"), "user profile " + profile.name() + " is defined twice");
                }
                profiles.add(profile);
            }
        }
        return profiles;
    }

    private static UserStandingMap standingMap(ObjectNode root, UserStandings standings) {
        ObjectNode node = root.object("standingMap");
        if (node == null) {
            return UserStandingMap.builtInOnly("DEFAULT", standings);
        }
        int before = node.problems().count();
        String name = node.requiredName("name");
        String description = node.description("description");
        List<MapLine> lines = new ArrayList<>();
        for (ObjectNode lineNode : node.objects("lines")) {
            MapLine line = mapLine(lineNode, standings);
            if (line != null) {
                lines.add(line);
            }
        }
        return Sections.build(node, before, () -> new UserStandingMap(name, description, lines, standings));
    }

    /** {@code {"command": "RENEW", "standings": ["BLOCKED"], "interfaces": ["WEBCAT"], "action": "ALLOW"}}. */
    private static MapLine mapLine(ObjectNode node, UserStandings standings) {
        int before = node.problems().count();
        MapCommand command = node.enumValue("command", MapCommand.class, MapCommand.ALL);
        Set<String> standingNames = new LinkedHashSet<>();
        List<?> listed = node.list("standings");
        if (listed != null) {
            for (int i = 0; i < listed.size(); i++) {
                String at = node.pathOf("standings") + "[" + i + "]";
                Object value = listed.get(i);
                if (!(value instanceof String)) {
                    node.problems().add(at, "expected a user standing name, found " + ObjectNode.describe(value));
                } else if (!standings.contains((String) value)) {
                    node.problems().add(at, "user standing " + value + " is not defined");
                } else {
                    standingNames.add((String) value);
                }
            }
        }
        Set<ClientInterface> interfaces = new LinkedHashSet<>();
        if (!node.has("interfaces")) {
            node.error("interfaces", "is required (use [\"ALL\"] for every interface)");
        }
        List<?> named = node.list("interfaces");
        if (named != null) {
            for (int i = 0; i < named.size(); i++) {
                ClientInterface value = node.toEnum(named.get(i), node.pathOf("interfaces") + "[" + i + "]",
                        ClientInterface.class, null);
                if (value != null) {
                    interfaces.add(value);
                }
            }
            if (named.isEmpty()) {
                node.error("interfaces", "needs at least one interface (ALL for every interface)");
            }
        }
        MapAction action = node.enumValue("action", MapAction.class, MapAction.ALLOW);
        return Sections.build(node, before, () -> new MapLine(command, standingNames, interfaces, action));
    }

    private static List<CirculationRule> rules(ObjectNode root, Set<String> profileNames) {
        if (!root.has("circulationRules")) {
            root.error("circulationRules", "is required, with at least a rule for profile * and item type *");
        }
        List<CirculationRule> rules = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        boolean catchAll = false;
        for (ObjectNode node : root.objects("circulationRules")) {
            int before = node.problems().count();
            String profile = node.nameOrAny("profile");
            if (!CirculationRule.ANY.equals(profile) && !profileNames.contains(profile)) {
                node.error("profile", "user profile " + profile + " is not defined");
            }
            String itemType = node.nameOrAny("itemType");
            if (!keys.add(profile + "/" + itemType)) {
                node.error("itemType", "a rule for profile " + profile + " and item type " + itemType
                        + " is already defined");
            }
            catchAll |= CirculationRule.ANY.equals(profile) && CirculationRule.ANY.equals(itemType);
            boolean circulates = node.bool("circulates", true);
            LoanPeriod loanPeriod = loanPeriod(node);
            Limit renewalLimit = node.limit("renewalLimit", Limit.UNLIMITED);
            FineRule fine = fine(node);
            CirculationRule rule = Sections.build(node, before,
                    () -> new CirculationRule(profile, itemType, circulates, loanPeriod, renewalLimit, fine));
            if (rule != null) {
                rules.add(rule);
            }
        }
        if (root.has("circulationRules") && !catchAll) {
            root.error("circulationRules", "needs a rule for profile * and item type * (the catch-all)");
        }
        return rules;
    }

    private static LoanPeriod loanPeriod(ObjectNode rule) {
        ObjectNode node = rule.object("loanPeriod");
        if (node == null) {
            if (!rule.has("loanPeriod")) {
                rule.error("loanPeriod", "is required, e.g. {\"amount\": 21, \"unit\": \"DAYS\"}");
            }
            return null;
        }
        int before = node.problems().count();
        int amount = node.requiredInteger("amount", 1, LoanPeriod.MAX_AMOUNT);
        PeriodUnit unit = node.enumValue("unit", PeriodUnit.class, PeriodUnit.DAYS);
        return Sections.build(node, before, () -> new LoanPeriod(amount, unit));
    }

    private static FineRule fine(ObjectNode rule) {
        ObjectNode node = rule.object("fine");
        if (node == null) {
            return FineRule.NONE;
        }
        int before = node.problems().count();
        long amount = node.money("amount", FineRule.MAX_CENTS, 0);
        PeriodUnit per = node.enumValue("per", PeriodUnit.class, PeriodUnit.DAYS);
        long maximum = node.money("maximum", FineRule.MAX_CENTS, 0);
        return Sections.build(node, before, () -> new FineRule(amount, per, maximum));
    }

    private static List<LibraryPolicy> libraries(ObjectNode root) {
        if (!root.has("libraries")) {
            root.error("libraries", "is required: a policy needs at least one library");
        }
        List<LibraryPolicy> libraries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<ObjectNode> nodes = root.objects("libraries");
        if (root.has("libraries") && nodes.isEmpty()) {
            root.error("libraries", "needs at least one library");
        }
        for (ObjectNode node : nodes) {
            int before = node.problems().count();
            String name = node.requiredName("name");
            if (name != null && !names.add(name)) {
                node.error("name", "library " + name + " is defined twice");
            }
            String description = node.description("description");
            LocalDate precedence = node.date("precedenceDueDate");
            Set<LocalDate> closed = new HashSet<>();
            List<?> dates = node.list("closedDates");
            if (dates != null) {
                for (int i = 0; i < dates.size(); i++) {
                    LocalDate date = node.toDate(dates.get(i), node.pathOf("closedDates") + "[" + i + "]");
                    if (date != null) {
                        closed.add(date);
                    }
                }
            }
            LibraryPolicy library = Sections.build(node, before,
                    () -> new LibraryPolicy(name, description, precedence, closed));
            if (library != null) {
                libraries.add(library);
            }
        }
        return libraries;
    }

    private static PatronStatusLimits statusLimits(ObjectNode node) {
        if (node == null) {
            return PatronStatusLimits.NONE;
        }
        int before = node.problems().count();
        int claims = node.integer("claimsReturned", 0, PatronStatusLimits.MAX, 0);
        int lost = node.integer("lostItems", 0, PatronStatusLimits.MAX, 0);
        int billed = node.integer("billedItems", 0, PatronStatusLimits.MAX, 0);
        PatronStatusLimits limits = Sections.build(node, before, () -> new PatronStatusLimits(claims, lost, billed));
        return limits == null ? PatronStatusLimits.NONE : limits;
    }
}
