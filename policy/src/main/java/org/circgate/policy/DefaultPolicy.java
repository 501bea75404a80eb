package org.circgate.policy;

import java.util.List;

/**
 * The policy circgate ships (also as the resource {@value #RESOURCE}, which a test proves equal to this). It
 * reproduces Symphony's standard behaviour: the User Standing Map has no lines, so OK is allowed, DELINQUENT is
 * allowed with a warning, BLOCKED needs an override (a denial on SIP2 and NCIP) and BARRED is denied.
 *
 * <p>Profiles: PUBLIC (the seed's $5.00 bill threshold), STAFF (not billable, unlimited thresholds, seed 001's
 * example) and the eight default protected profiles, of which DISCARD, LOST and MISSING are location-based (seed 003)
 * and LIBRARYUSE recirculates items without counting charges (seed 001).
 */
public final class DefaultPolicy {

    /** Class-path location of the JSON form. */
    public static final String RESOURCE = "org/circgate/policy/default-policy.json";

    private DefaultPolicy() {
    }

    public static CirculationPolicy create() {
        UserStandings standings = UserStandings.builtInOnly();
        UserStandingMap map = new UserStandingMap("DEFAULT", "Symphony standard behaviour", List.of(), standings);
        List<UserProfile> profiles = List.of(
                UserProfile.builder("PUBLIC").description("Public library users")
                        .privilegeLimit(PrivilegeLimit.duration(3, PeriodUnit.YEARS))
                        .chargeLimit(Limit.of(50)).holdLimit(Limit.of(25)).holdRank(150)
                        .overdueThreshold(10).billThresholdCents(500).overdueRecallThreshold(1)
                        .build(),
                UserProfile.builder("STAFF").description("Library staff, exempt from fines")
                        .billable(false).chargeLimit(Limit.of(100)).holdLimit(Limit.of(50)).holdRank(150)
                        .build(),
                protectedProfile("SIRSI", "System administration user", false),
                protectedProfile("ADMIN", "Administrative users", false),
                protectedProfile("MISSING", "Items reported missing", true),
                protectedProfile("LOST", "Items declared lost", true),
                protectedProfile("DISCARD", "Discarded items", true),
                protectedProfile("RESERVES", "Academic reserves", false),
                protectedProfile("INTRANSIT", "Items in transit", false),
                UserProfile.builder("LIBRARYUSE").description("In-house use and library departments")
                        .billable(false).incrementItemChargeCounter(false).recirculateItem(true)
                        .build());
        CirculationRule standard = new CirculationRule(CirculationRule.ANY, CirculationRule.ANY, true,
                LoanPeriod.days(21), Limit.of(2), new FineRule(25, PeriodUnit.DAYS, 1000));
        return new CirculationPolicy("DEFAULT", profiles, standings, map, List.of(standard),
                List.of(LibraryPolicy.open("MAIN", "Main library")), "MAIN", PatronStatusLimits.NONE,
                PinSettings.STANDARD);
    }

    private static UserProfile protectedProfile(String name, String description, boolean locationBased) {
        return UserProfile.builder(name).description(description).billable(false).locationBased(locationBased)
                .incrementItemChargeCounter(!locationBased).build();
    }
}
