package org.circgate.policy.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.circgate.policy.AutoReplace;
import org.circgate.policy.CirculationPolicy;
import org.circgate.policy.ClientInterface;
import org.circgate.policy.DefaultPinRules;
import org.circgate.policy.DefaultPolicy;
import org.circgate.policy.DelinquencyType;
import org.circgate.policy.Limit;
import org.circgate.policy.MapAction;
import org.circgate.policy.MapCommand;
import org.circgate.policy.MapLine;
import org.circgate.policy.PeriodUnit;
import org.circgate.policy.PinPolicy;
import org.circgate.policy.PinSettings;
import org.circgate.policy.PrivilegeLimit;
import org.circgate.policy.TinyJson;
import org.circgate.policy.UserProfile;
import org.circgate.policy.UserStanding;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The policy file format (issue 4): reading, defaults, and errors that name the path and line. */
class PolicyDocumentTest {

    private static PolicyReadResult read(String json) {
        TinyJson.Parsed parsed = TinyJson.parse(json);
        return PolicyDocument.read(parsed.tree(), parsed::lineOf);
    }

    /** A minimal valid document with {@code extra} spliced into the root object. */
    private static String minimal(String extra) {
        return "{\n"
                + "  \"version\": 1,\n"
                + "  \"profiles\": [ { \"name\": \"ADULT\" } ],\n"
                + "  \"circulationRules\": [ { \"loanPeriod\": { \"amount\": 21 } } ],\n"
                + "  \"libraries\": [ { \"name\": \"MAIN\" } ]" + (extra.isEmpty() ? "" : ",\n" + extra) + "\n"
                + "}\n";
    }

    @Test
    @DisplayName("issue 4: the shipped default-policy.json equals DefaultPolicy.create()")
    void shippedDefaultMatchesJavaFactory() {
        TinyJson.Parsed parsed = TinyJson.parseResource(DefaultPolicy.RESOURCE);
        CirculationPolicy fromFile = PolicyDocument.read(parsed.tree(), parsed::lineOf).orThrow();
        assertThat(fromFile).isEqualTo(DefaultPolicy.create());
        assertThat(fromFile.standingMap().lines()).as("Symphony standard behaviour: built-in only").isEmpty();
    }

    @Test
    @DisplayName("issue 4: a minimal document takes the documented defaults")
    void minimalDefaults() {
        CirculationPolicy policy = read(minimal("")).orThrow();
        assertThat(policy.name()).isEqualTo("DEFAULT");
        assertThat(policy.profile("ADULT")).isEqualTo(UserProfile.builder("ADULT").build());
        assertThat(policy.standings().all()).hasSize(4);
        assertThat(policy.standingMap().lines()).isEmpty();
        assertThat(policy.rule("ADULT", "BOOK").renewalLimit()).isEqualTo(Limit.UNLIMITED);
        assertThat(policy.defaultLibrary()).isEqualTo("MAIN");
        assertThat(policy.pins()).isEqualTo(PinSettings.STANDARD);
    }

    @Test
    @DisplayName("seeds 001-004: every section of a full document is read")
    void fullDocument() {
        String json = "{\n"
                + "  \"version\": 1, \"name\": \"CITY\",\n"
                + "  \"standings\": [ { \"name\": \"STAFFHOLD\", \"description\": \"Held\",\n"
                + "      \"delinquencyType\": \"BLOCKED\", \"autoReplace\": \"Raise Only\" } ],\n"
                + "  \"profiles\": [ { \"name\": \"STUDENT\", \"description\": \"Students\", \"billable\": true,\n"
                + "      \"protected\": true, \"locationBased\": false,\n"
                + "      \"privilegeLimit\": { \"date\": \"2024-08-27\" }, \"privilegeFee\": \"5.00\",\n"
                + "      \"onlinePrivilegeRenewal\": true, \"chargeLimit\": 25000, \"chargesAllowed\": 6,\n"
                + "      \"holdLimit\": \"UNLIMITED\", \"holdRank\": 150, \"overdueThreshold\": 5,\n"
                + "      \"billThreshold\": 10.5, \"overdueRecallThreshold\": 1,\n"
                + "      \"maxSuspension\": { \"amount\": 60, \"unit\": \"DAYS\" },\n"
                + "      \"trackDates\": [ { \"start\": \"2024-01-08\", \"end\": \"2024-03-29\" } ],\n"
                + "      \"libraryPrecedence\": true, \"incrementItemChargeCounter\": true,\n"
                + "      \"recirculateItem\": false, \"preventTwoCopiesOfTitle\": true,\n"
                + "      \"allowTwoCopiesOverride\": true, \"bookingLimit\": 3, \"deliveryShipping\": \"COURIER\",\n"
                + "      \"returnShipping\": \"POST\", \"consecutiveBookingAllowed\": true,\n"
                + "      \"userAccess\": \"PATRON\",\n"
                + "      \"environment\": \"PUBLIC\", \"reserveChargeLimit\": 2, \"reservationLimit\": 4,\n"
                + "      \"eligibleForReservation\": true, \"consecutiveReservationAllowed\": true,\n"
                + "      \"routingRank\": 150, \"requestLimit\": 10, \"lastActivityDateRule\": \"DEFAULT\" },\n"
                + "    { \"name\": \"FACULTY\", \"holdRank\": 125,\n"
                + "      \"privilegeLimit\": { \"amount\": 3, \"unit\": \"years\" } } ],\n"
                + "  \"standingMap\": { \"name\": \"CITY\", \"description\": \"City map\", \"lines\": [\n"
                + "      { \"command\": \"\", \"standings\": [], \"interfaces\": [\"All\"], \"action\": null },\n"
                + "      { \"command\": \"Renew\", \"standings\": [\"BLOCKED\", \"STAFFHOLD\"],\n"
                + "        \"interfaces\": [\"Webcat\", \"Web Services DS\"], \"action\": \"Allow Override\" } ] },\n"
                + "  \"circulationRules\": [\n"
                + "    { \"profile\": \"*\", \"itemType\": \"*\",\n"
                + "      \"loanPeriod\": { \"amount\": 3, \"unit\": \"WEEKS\" },\n"
                + "      \"renewalLimit\": 2,\n"
                + "      \"fine\": { \"amount\": \"0.25\", \"per\": \"DAYS\", \"maximum\": \"10\" } },\n"
                + "    { \"profile\": \"FACULTY\", \"itemType\": \"DVD\", \"circulates\": false,\n"
                + "      \"loanPeriod\": { \"amount\": 1 } } ],\n"
                + "  \"libraries\": [ { \"name\": \"MAIN\", \"precedenceDueDate\": \"2024-12-15\",\n"
                + "      \"closedDates\": [\"2024-12-25\", \"2024-01-01\"] }, { \"name\": \"BRANCH\" } ],\n"
                + "  \"defaultLibrary\": \"BRANCH\",\n"
                + "  \"patronStatusLimits\": { \"claimsReturned\": 3, \"lostItems\": 2, \"billedItems\": 1 },\n"
                + "  \"pins\": { \"mode\": \"POLICY\", \"default\": { \"maxLength\": 12 },\n"
                + "    \"policies\": [ { \"name\": \"STRONG\", \"minLength\": 8, \"maxLength\": 20, \"minDigits\": 1,\n"
                + "        \"expiryDays\": 180, \"warningDays\": 14, \"maxFailedAttempts\": 5 } ],\n"
                + "    \"map\": [ { \"policy\": \"STRONG\" } ] }\n"
                + "}\n";
        CirculationPolicy policy = read(json).orThrow();
        assertThat(policy.name()).isEqualTo("CITY");
        assertThat(policy.standings().find("STAFFHOLD")).isEqualTo(UserStanding.custom("STAFFHOLD", "Held",
                DelinquencyType.BLOCKED, AutoReplace.RAISE_ONLY));

        UserProfile student = policy.profile("STUDENT");
        assertThat(student.privilegeLimit()).isEqualTo(PrivilegeLimit.until(LocalDate.of(2024, 8, 27)));
        assertThat(student.privilegeFeeCents()).isEqualTo(500);
        assertThat(student.chargeLimit()).as("25,000 is UNLIMITED").isEqualTo(Limit.UNLIMITED);
        assertThat(student.chargesAllowed()).isEqualTo(Limit.of(6));
        assertThat(student.billThresholdCents()).as("a YAML/JSON number as money").isEqualTo(1050);
        assertThat(student.trackDates()).hasSize(1);
        assertThat(student.deliveryShipping()).isEqualTo("COURIER");
        assertThat(student.reservationLimit()).isEqualTo(Limit.of(4));
        assertThat(student.lastActivityDateRule()).isEqualTo("DEFAULT");
        assertThat(policy.profile("FACULTY").privilegeLimit()).isEqualTo(PrivilegeLimit.duration(3, PeriodUnit.YEARS));

        List<MapLine> lines = policy.standingMap().lines();
        assertThat(lines.get(0)).as("blank command = ALL, empty standings = all, blank action = ALLOW")
                .isEqualTo(MapLine.of(MapCommand.ALL, List.of(), List.of(ClientInterface.ALL), MapAction.ALLOW));
        assertThat(lines.get(1).interfaces()).containsExactlyInAnyOrder(ClientInterface.WEBCAT,
                ClientInterface.WEB_SERVICES_DS);
        assertThat(lines.get(1).action()).isEqualTo(MapAction.ALLOW_OVERRIDE);

        assertThat(policy.rule("FACULTY", "DVD").circulates()).isFalse();
        assertThat(policy.rule("STUDENT", "DVD").fine().maximumCents()).isEqualTo(1000);
        assertThat(policy.library("MAIN").closedDates()).hasSize(2);
        assertThat(policy.library(null).name()).isEqualTo("BRANCH");
        assertThat(policy.statusLimits().claimsReturned()).isEqualTo(3);
        assertThat(policy.pins().mode()).isEqualTo(PinSettings.Mode.POLICY);
        assertThat(policy.pins().defaultRules()).isEqualTo(new DefaultPinRules(12, 4, 0));
        assertThat(policy.pins().rulesFor("PATRON", "MAIN")).isInstanceOf(PinPolicy.class);
    }

    @Test
    @DisplayName("issue 4: validation errors name the path and the line, and every error is reported")
    void errorsNamePathAndLine() {
        String json = "{\n"                                                         // 1
                + "  \"version\": 1,\n"                                             // 2
                + "  \"profiles\": [\n"                                             // 3
                + "    { \"name\": \"TOOLONGNAME1\" },\n"                           // 4
                + "    { \"name\": \"ADULT\",\n"                                    // 5
                + "      \"chargeLimit\": 30000,\n"                                 // 6
                + "      \"holdRank\": 99,\n"                                       // 7
                + "      \"billThreshold\": \"5.001\",\n"                           // 8
                + "      \"description\": \"a|b\",\n"                               // 9
                + "      \"chargLimit\": 5 }\n"                                     // 10
                + "  ],\n"                                                          // 11
                + "  \"standingMap\": { \"name\": \"M\", \"lines\": [\n"            // 12
                + "    { \"command\": \"RENEW\", \"standings\": [\"GONE\"],\n"      // 13
                + "      \"action\": \"MAYBE\" } ] },\n"                            // 14
                + "  \"circulationRules\": [ { \"profile\": \"GHOST\",\n"           // 15
                + "      \"loanPeriod\": { \"amount\": 0 } } ],\n"                  // 16
                + "  \"libraries\": [ { \"name\": \"MAIN\" } ],\n"                  // 17
                + "  \"defaultLibrary\": \"ELSEWHERE\"\n"                           // 18
                + "}\n";
        PolicyReadResult result = read(json);
        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).extracting(PolicyError::path, PolicyError::line).contains(
                org.assertj.core.groups.Tuple.tuple("profiles[0].name", 4),
                org.assertj.core.groups.Tuple.tuple("profiles[1].chargeLimit", 6),
                org.assertj.core.groups.Tuple.tuple("profiles[1].holdRank", 7),
                org.assertj.core.groups.Tuple.tuple("profiles[1].billThreshold", 8),
                org.assertj.core.groups.Tuple.tuple("profiles[1].description", 9),
                org.assertj.core.groups.Tuple.tuple("profiles[1].chargLimit", 10),
                org.assertj.core.groups.Tuple.tuple("standingMap.lines[0].standings[0]", 13),
                org.assertj.core.groups.Tuple.tuple("standingMap.lines[0].action", 14),
                org.assertj.core.groups.Tuple.tuple("circulationRules[0].profile", 15),
                org.assertj.core.groups.Tuple.tuple("circulationRules[0].loanPeriod.amount", 16),
                org.assertj.core.groups.Tuple.tuple("defaultLibrary", 18));
        assertThat(result.errors()).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("standingMap.lines[0].interfaces");
            assertThat(e.message()).contains("required");
        });
        assertThat(result.errors()).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("circulationRules");
            assertThat(e.message()).contains("catch-all");
        });
        assertThat(message(result, "profiles[1].chargeLimit")).contains("0-25000");
        assertThat(message(result, "profiles[1].holdRank")).contains("100-199");
        assertThat(message(result, "profiles[1].billThreshold")).contains("two decimals");
        assertThat(message(result, "profiles[1].chargLimit")).isEqualTo("unknown field");
        assertThat(message(result, "standingMap.lines[0].action")).contains("ALLOW_OVERRIDE");
        assertThat(result.errors().get(0).toString()).isEqualTo("line 4: profiles[0].name: name 'TOOLONGNAME1' is"
                + " longer than 10 characters");
        assertThatThrownBy(result::orThrow).isInstanceOf(PolicyDocumentException.class)
                .hasMessageContaining("profiles[1].holdRank");
    }

    private static String message(PolicyReadResult result, String path) {
        return result.errors().stream().filter(e -> e.path().equals(path)).findFirst()
                .map(PolicyError::message).orElseThrow(() -> new AssertionError("no error at " + path));
    }

    @Test
    @DisplayName("issue 4: without a line locator errors still name the path")
    void withoutLocator() {
        Map<String, Object> tree = Map.of("version", 2);
        PolicyReadResult result = PolicyDocument.read(tree);
        assertThat(result.errors()).extracting(PolicyError::path)
                .contains("version", "profiles", "circulationRules", "libraries");
        assertThat(result.errors()).allMatch(e -> e.line() == 0);
        assertThat(PolicyDocument.read("not an object").errors()).singleElement()
                .extracting(PolicyError::path).isEqualTo("");
    }

    @Test
    @DisplayName("seed 002: built-in standings are always present and cannot be listed; duplicates are refused")
    void standingErrors() {
        PolicyReadResult result = read(minimal("\"standings\": [\n"
                + "  { \"name\": \"BARRED\", \"delinquencyType\": \"BARRED\", \"autoReplace\": \"NEVER\" },\n"
                + "  { \"name\": \"X\", \"delinquencyType\": \"OK\", \"autoReplace\": \"NEVER\" },\n"
                + "  { \"name\": \"X\", \"delinquencyType\": \"OK\", \"autoReplace\": \"NEVER\" },\n"
                + "  { \"name\": \"Y\", \"delinquencyType\": \"SORT_OF\" } ]"));
        assertThat(result.errors()).extracting(PolicyError::path).containsExactlyInAnyOrder("standings[0].name",
                "standings[2].name", "standings[3].delinquencyType", "standings[3].autoReplace");
    }

    @Test
    @DisplayName("issue 4: wrong value types are reported, not thrown")
    void wrongTypes() {
        PolicyReadResult result = read("{ \"version\": \"one\", \"profiles\": {}, \"circulationRules\": [ 5 ],"
                + " \"libraries\": [ { \"name\": \"MAIN\", \"closedDates\": [\"someday\"] } ],"
                + " \"pins\": { \"mode\": \"POLICY\", \"map\": [ { \"policy\": \"NONE\" } ] } }");
        assertThat(result.errors()).extracting(PolicyError::path).contains("version", "profiles",
                "circulationRules[0]", "libraries[0].closedDates[0]", "pins.map[0].policy");
    }
}
