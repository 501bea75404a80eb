package org.circgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.circgate.policy.ClientInterface.ALL;
import static org.circgate.policy.ClientInterface.NCIP;
import static org.circgate.policy.ClientInterface.SIP2;
import static org.circgate.policy.ClientInterface.WEBCAT;
import static org.circgate.policy.ClientInterface.WORKFLOWS;
import static org.circgate.policy.Fixtures.line;
import static org.circgate.policy.MapAction.ALLOW;
import static org.circgate.policy.MapAction.ALLOW_OVERRIDE;
import static org.circgate.policy.MapAction.DENY;
import static org.circgate.policy.MapCommand.CHECKOUT_ITEM;
import static org.circgate.policy.MapCommand.PAY_BILLS;
import static org.circgate.policy.MapCommand.RENEW;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Seed 004 (004_112f9cf1318084f3.txt, User Standing Map Wizard), rule by rule. */
class UserStandingMapTest {

    private static final UserStanding STAFFHOLD =
            UserStanding.custom("STAFFHOLD", "Held by staff", DelinquencyType.BLOCKED, AutoReplace.NEVER);
    private static final UserStandings STANDINGS = UserStandings.withCustom(List.of(STAFFHOLD));

    private static UserStandingMap map(MapLine... lines) {
        return new UserStandingMap("TEST", "", List.of(lines), STANDINGS);
    }

    static Stream<Arguments> seedRules() {
        return Stream.of(
                Arguments.of("read bottom-up: the lowest matching line decides",
                        map(line(RENEW, List.of("BLOCKED"), List.of(ALL), DENY),
                                line(RENEW, List.of("BLOCKED"), List.of(ALL), ALLOW)),
                        RENEW, UserStanding.BLOCKED, WEBCAT, 2, ALLOW, ALLOW),
                Arguments.of("a lower line that does not match is skipped",
                        map(line(RENEW, List.of("BLOCKED"), List.of(ALL), ALLOW),
                                line(CHECKOUT_ITEM, List.of("BLOCKED"), List.of(ALL), DENY)),
                        RENEW, UserStanding.BLOCKED, WEBCAT, 1, ALLOW, ALLOW),
                Arguments.of("a blank action is Allow",
                        map(new MapLine(RENEW, Set.of("BLOCKED"), EnumSet.of(WEBCAT), null)),
                        RENEW, UserStanding.BLOCKED, WEBCAT, 1, ALLOW, ALLOW),
                Arguments.of("a blank command controls every command",
                        map(new MapLine(null, Set.of("OK"), EnumSet.of(SIP2), DENY)),
                        PAY_BILLS, UserStanding.OK, SIP2, 1, DENY, DENY),
                Arguments.of("command All controls every command",
                        map(line(MapCommand.ALL, List.of("OK"), List.of(SIP2), DENY)),
                        MapCommand.SUSPEND_HOLDS, UserStanding.OK, SIP2, 1, DENY, DENY),
                Arguments.of("an empty standing list controls every standing, custom ones too",
                        map(line(RENEW, List.of(), List.of(NCIP), ALLOW)),
                        RENEW, STAFFHOLD, NCIP, 1, ALLOW, ALLOW),
                Arguments.of("interface All controls every interface",
                        map(line(RENEW, List.of("DELINQUENT"), List.of(ALL), DENY)),
                        RENEW, UserStanding.DELINQUENT, ClientInterface.WEB_SERVICES_MOBILE, 1, DENY, DENY),
                Arguments.of("a line for another interface does not match",
                        map(line(RENEW, List.of("BLOCKED"), List.of(WEBCAT), ALLOW)),
                        RENEW, UserStanding.BLOCKED, WORKFLOWS, 0, ALLOW_OVERRIDE, ALLOW_OVERRIDE),
                Arguments.of("Allow Override on an interface that cannot take overrides is Deny",
                        map(line(RENEW, List.of("OK"), List.of(WEBCAT), ALLOW_OVERRIDE)),
                        RENEW, UserStanding.OK, WEBCAT, 1, ALLOW_OVERRIDE, DENY),
                Arguments.of("Allow Override on WorkFlows stays Allow Override",
                        map(line(RENEW, List.of("OK"), List.of(WORKFLOWS), ALLOW_OVERRIDE)),
                        RENEW, UserStanding.OK, WORKFLOWS, 1, ALLOW_OVERRIDE, ALLOW_OVERRIDE),
                Arguments.of("no line: OK allows",
                        map(), CHECKOUT_ITEM, UserStanding.OK, SIP2, 0, ALLOW, ALLOW),
                Arguments.of("no line: DELINQUENT allows (the warning is the engine's)",
                        map(), CHECKOUT_ITEM, UserStanding.DELINQUENT, SIP2, 0, ALLOW, ALLOW),
                Arguments.of("no line: BLOCKED needs an override, which SIP2 cannot take",
                        map(), CHECKOUT_ITEM, UserStanding.BLOCKED, SIP2, 0, ALLOW_OVERRIDE, DENY),
                Arguments.of("no line: BLOCKED needs an override on WorkFlows",
                        map(), CHECKOUT_ITEM, UserStanding.BLOCKED, WORKFLOWS, 0, ALLOW_OVERRIDE,
                        ALLOW_OVERRIDE),
                Arguments.of("no line: BARRED denies",
                        map(), CHECKOUT_ITEM, UserStanding.BARRED, WORKFLOWS, 0, DENY, DENY),
                Arguments.of("no line: a custom standing behaves as its delinquency type",
                        map(), CHECKOUT_ITEM, STAFFHOLD, NCIP, 0, ALLOW_OVERRIDE, DENY),
                Arguments.of("seed example: BLOCKED may renew without override in e-Library",
                        map(line(RENEW, List.of("BLOCKED"), List.of(WEBCAT), ALLOW)),
                        RENEW, UserStanding.BLOCKED, WEBCAT, 1, ALLOW, ALLOW),
                Arguments.of("seed example: ... while WorkFlows still needs the override",
                        map(line(RENEW, List.of("BLOCKED"), List.of(WEBCAT), ALLOW)),
                        RENEW, UserStanding.BLOCKED, WORKFLOWS, 0, ALLOW_OVERRIDE, ALLOW_OVERRIDE));
    }

    @ParameterizedTest(name = "seed 004: {0}")
    @MethodSource("seedRules")
    void seed004Rule(String rule, UserStandingMap map, MapCommand command, UserStanding standing,
                     ClientInterface clientInterface, int expectedLine, MapAction configured, MapAction effective) {
        MapOutcome outcome = map.evaluate(command, standing, clientInterface);
        assertThat(outcome.lineNumber()).as("deciding line").isEqualTo(expectedLine);
        assertThat(outcome.isDefault()).isEqualTo(expectedLine == 0);
        assertThat(outcome.configured()).isEqualTo(configured);
        assertThat(outcome.effective()).isEqualTo(effective);
    }

    @ParameterizedTest(name = "seed 004: {0} can take an override only if it is a staff client")
    @EnumSource(ClientInterface.class)
    void seed004OverrideCapability(ClientInterface clientInterface) {
        boolean staffClient = EnumSet.of(WORKFLOWS, ClientInterface.STAFF_WEB, ClientInterface.POCKET_CIRC)
                .contains(clientInterface);
        assertThat(clientInterface.canTakeOverride()).isEqualTo(staffClient);
    }

    @Test
    @DisplayName("seed 004: the interface list is the wizard's eleven values")
    void seed004InterfaceList() {
        assertThat(ClientInterface.values()).extracting(ClientInterface::displayName).containsExactly(
                "All", "NCIP", "Pocket Circ", "SIP2", "Staff Web", "UNKNOWN", "Webcat", "Web Services",
                "Web Services DS", "Web Services Mobile", "WorkFlows");
        assertThat(MapCommand.values()).extracting(MapCommand::displayName).containsExactly(
                "All", "Blanket Hold", "Checkout Item", "Pay Bills", "Place Hold", "Remove Hold", "Renew",
                "Suspend Holds");
    }

    @Test
    @DisplayName("seed 004: a map line naming an undefined user standing is refused")
    void undefinedStandingRefused() {
        assertThatThrownBy(() -> map(line(RENEW, List.of("NOSUCH"), List.of(ALL), DENY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOSUCH");
    }

    @Test
    @DisplayName("seed 004: a map line needs an interface; ALL and concrete interfaces are accepted")
    void lineNeedsInterface() {
        assertThatThrownBy(() -> new MapLine(RENEW, Set.of(), Set.of(), DENY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("seed 004: map name ≤ 10 characters of letters, digits, - _ $; description ≤ 60 without |")
    void mapNameRules() {
        assertThatThrownBy(() -> new UserStandingMap("ELEVENCHARS", "", List.of(), STANDINGS))
                .hasMessageContaining("longer than 10");
        assertThatThrownBy(() -> new UserStandingMap("A B", "", List.of(), STANDINGS))
                .hasMessageContaining("' '");
        assertThatThrownBy(() -> new UserStandingMap("MAP", "a|b", List.of(), STANDINGS))
                .hasMessageContaining("pipe");
        assertThat(new UserStandingMap("Map-1_$", "x".repeat(60), List.of(), STANDINGS).name()).isEqualTo("Map-1_$");
    }

    @Test
    @DisplayName("a request needs a concrete command and interface")
    void requestNeedsConcreteValues() {
        UserStandingMap map = map();
        assertThatThrownBy(() -> map.evaluate(MapCommand.ALL, UserStanding.OK, SIP2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map.evaluate(RENEW, UserStanding.OK, ALL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the outcome names the deciding line so an operator can ask why")
    void outcomeDescribesLine() {
        UserStandingMap map = map(line(RENEW, List.of("BLOCKED"), List.of(WEBCAT), ALLOW));
        assertThat(map.evaluate(RENEW, UserStanding.BLOCKED, WEBCAT).describe())
                .isEqualTo("line 1: RENEW | BLOCKED | WEBCAT | ALLOW");
        assertThat(map.evaluate(RENEW, UserStanding.OK, WEBCAT).describe()).isEqualTo("default");
    }
}
