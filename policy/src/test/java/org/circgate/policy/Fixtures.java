package org.circgate.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builders for test policies and patrons. */
final class Fixtures {

    static final LocalDate TODAY = LocalDate.of(2024, 3, 14);
    static final String PATRON = "P1";

    private Fixtures() {
    }

    /** A profile like DefaultPolicy's PUBLIC: $5.00 bill threshold, 10 overdues, 1 overdue recall, 50 charges. */
    static UserProfile.Builder publicProfile() {
        return DefaultPolicy.create().profile("PUBLIC").toBuilder();
    }

    static PolicyBuilder policy() {
        return new PolicyBuilder();
    }

    static PatronBuilder patron() {
        return new PatronBuilder();
    }

    static RequestContext at(ClientInterface clientInterface) {
        return RequestContext.of(clientInterface, TODAY);
    }

    static LoanFacts loan(String itemId, LocalDate due) {
        return new LoanFacts(itemId, "BOOK", "T-" + itemId, null, false, due, false, 0);
    }

    static LoanFacts overdueLoan(String itemId, int daysLate) {
        return loan(itemId, TODAY.minusDays(daysLate));
    }

    static LoanFacts overdueRecall(String itemId, int daysLate) {
        return new LoanFacts(itemId, "BOOK", "T-" + itemId, null, false, TODAY.minusDays(daysLate), true, 0);
    }

    static LoanFacts currentLoan(String itemId) {
        return loan(itemId, TODAY.plusDays(7));
    }

    static MapLine line(MapCommand command, List<String> standings, List<ClientInterface> interfaces,
                        MapAction action) {
        return MapLine.of(command, standings, interfaces, action);
    }

    static final class PolicyBuilder {
        private final List<UserProfile> profiles = new ArrayList<>();
        private final List<UserStanding> custom = new ArrayList<>();
        private final List<MapLine> lines = new ArrayList<>();
        private final List<CirculationRule> rules = new ArrayList<>();
        private final List<LibraryPolicy> libraries = new ArrayList<>();
        private PatronStatusLimits limits = PatronStatusLimits.NONE;

        PolicyBuilder profile(UserProfile profile) {
            profiles.add(profile);
            return this;
        }

        PolicyBuilder standing(UserStanding standing) {
            custom.add(standing);
            return this;
        }

        PolicyBuilder lines(MapLine... mapLines) {
            lines.addAll(Arrays.asList(mapLines));
            return this;
        }

        PolicyBuilder rule(CirculationRule rule) {
            rules.add(rule);
            return this;
        }

        PolicyBuilder library(LibraryPolicy library) {
            libraries.add(library);
            return this;
        }

        PolicyBuilder statusLimits(PatronStatusLimits statusLimits) {
            limits = statusLimits;
            return this;
        }

        CirculationPolicy build() {
            List<UserProfile> allProfiles = new ArrayList<>(profiles);
            if (allProfiles.isEmpty()) {
                allProfiles.add(publicProfile().build());
            }
            if (allProfiles.stream().noneMatch(p -> p.name().equals("LIBRARYUSE"))) {
                allProfiles.add(DefaultPolicy.create().profile("LIBRARYUSE"));
            }
            UserStandings standings = UserStandings.withCustom(custom);
            List<CirculationRule> allRules = new ArrayList<>(rules);
            if (allRules.stream().noneMatch(CirculationRule::isCatchAll)) {
                allRules.add(DefaultPolicy.create().rules().get(0));
            }
            List<LibraryPolicy> allLibraries = libraries.isEmpty()
                    ? List.of(LibraryPolicy.open("MAIN", "Main")) : libraries;
            return new CirculationPolicy("TEST", allProfiles, standings,
                    new UserStandingMap("TEST", "test map", lines, standings), allRules, allLibraries,
                    allLibraries.get(0).name(), limits, PinSettings.STANDARD);
        }

        CirculationEngine engine() {
            return new CirculationEngine(build());
        }
    }

    static final class PatronBuilder {
        private String id = PATRON;
        private String profile = "PUBLIC";
        private String standing = "OK";
        private LocalDate privilegeExpires;
        private int charges;
        private long fines;
        private long fees;
        private final List<LoanFacts> loans = new ArrayList<>();
        private int holds;
        private int claims;
        private int lost;
        private int billed;
        private boolean cardLost;

        PatronBuilder id(String v) { id = v; return this; }
        PatronBuilder profile(String v) { profile = v; return this; }
        PatronBuilder standing(String v) { standing = v; return this; }
        PatronBuilder privilegeExpires(LocalDate v) { privilegeExpires = v; return this; }
        PatronBuilder chargesThisPeriod(int v) { charges = v; return this; }
        PatronBuilder finesCents(long v) { fines = v; return this; }
        PatronBuilder feesCents(long v) { fees = v; return this; }
        PatronBuilder loan(LoanFacts v) { loans.add(v); return this; }
        PatronBuilder holds(int v) { holds = v; return this; }
        PatronBuilder claimsReturned(int v) { claims = v; return this; }
        PatronBuilder lostItems(int v) { lost = v; return this; }
        PatronBuilder billedItems(int v) { billed = v; return this; }
        PatronBuilder cardLost(boolean v) { cardLost = v; return this; }

        PatronBuilder currentLoans(int n) {
            for (int i = 0; i < n; i++) {
                loans.add(currentLoan("C" + i));
            }
            return this;
        }

        PatronFacts build() {
            return new PatronFacts(id, profile, standing, privilegeExpires, charges, fines, fees, loans, holds,
                    claims, lost, billed, cardLost);
        }
    }
}
