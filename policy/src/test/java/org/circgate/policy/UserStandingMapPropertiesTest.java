package org.circgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of User Standing Map evaluation (seed 004), over random maps of up to 60 lines. */
class UserStandingMapPropertiesTest {

    private static final UserStandings STANDINGS = UserStandings.withCustom(List.of(
            UserStanding.custom("STAFFHOLD", "", DelinquencyType.BLOCKED, AutoReplace.NEVER),
            UserStanding.custom("WARNED", "", DelinquencyType.DELINQUENT, AutoReplace.RAISE_ONLY),
            UserStanding.custom("LOSTCARD", "", DelinquencyType.BARRED, AutoReplace.ALWAYS)));

    @Provide
    Arbitrary<MapLine> lines() {
        Arbitrary<MapCommand> command = Arbitraries.of(MapCommand.class);
        Arbitrary<Set<String>> standings = Arbitraries.of(
                STANDINGS.all().stream().map(UserStanding::name).toArray(String[]::new))
                .set().ofMaxSize(3).map(LinkedHashSet::new);
        Arbitrary<Set<ClientInterface>> interfaces = Arbitraries.of(ClientInterface.class).set().ofMinSize(1)
                .ofMaxSize(3).map(EnumSet::copyOf);
        Arbitrary<MapAction> action = Arbitraries.of(MapAction.class).injectNull(0.1);
        return Combinators.combine(command, standings, interfaces, action).as(MapLine::new);
    }

    @Provide
    Arbitrary<List<MapLine>> maps() {
        return lines().list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<MapCommand> commands() {
        return Arbitraries.of(MapCommand.class).filter(MapCommand::isConcrete);
    }

    @Provide
    Arbitrary<ClientInterface> interfaces() {
        return Arbitraries.of(ClientInterface.class).filter(ClientInterface::isConcrete);
    }

    @Provide
    Arbitrary<UserStanding> standings() {
        return Arbitraries.of(STANDINGS.all());
    }

    private static UserStandingMap map(List<MapLine> lines) {
        return new UserStandingMap("P", "", lines, STANDINGS);
    }

    @Property
    @Label("seed 004: the deciding line is the bottom-most line that matches; none matching means the default")
    void bottomUpFirstMatch(@ForAll("maps") List<MapLine> lines, @ForAll("commands") MapCommand command,
                            @ForAll("standings") UserStanding standing,
                            @ForAll("interfaces") ClientInterface clientInterface) {
        int expected = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(command, standing.name(), clientInterface)) {
                expected = i + 1;
            }
        }
        MapOutcome outcome = map(lines).evaluate(command, standing, clientInterface);
        assertThat(outcome.lineNumber()).isEqualTo(expected);
        MapAction configured = expected == 0 ? standing.delinquencyType().builtInAction()
                : lines.get(expected - 1).action();
        assertThat(outcome.configured()).isEqualTo(configured);
    }

    @Property
    @Label("seed 004: the result never depends on the lines above the deciding one")
    void linesAboveDoNotMatter(@ForAll("maps") List<MapLine> lines, @ForAll("maps") List<MapLine> replacement,
                               @ForAll("commands") MapCommand command, @ForAll("standings") UserStanding standing,
                               @ForAll("interfaces") ClientInterface clientInterface) {
        MapOutcome original = map(lines).evaluate(command, standing, clientInterface);
        if (original.isDefault()) {
            return; // no deciding line: nothing is "above" it
        }
        int deciding = original.lineNumber() - 1;
        List<MapLine> changed = new ArrayList<>(replacement);
        changed.addAll(lines.subList(deciding, lines.size()));
        MapOutcome after = map(changed).evaluate(command, standing, clientInterface);
        assertThat(after.line()).isEqualTo(original.line());
        assertThat(after.configured()).isEqualTo(original.configured());
        assertThat(after.effective()).isEqualTo(original.effective());
        assertThat(after.lineNumber()).isEqualTo(replacement.size() + 1);
    }

    @Property
    @Label("seed 004: Allow Override becomes Deny exactly on interfaces that cannot take overrides")
    void allowOverrideIsDenyExactlyWithoutOverride(@ForAll("maps") List<MapLine> lines,
                                                   @ForAll("commands") MapCommand command,
                                                   @ForAll("standings") UserStanding standing,
                                                   @ForAll("interfaces") ClientInterface clientInterface) {
        MapOutcome outcome = map(lines).evaluate(command, standing, clientInterface);
        if (outcome.configured() == MapAction.ALLOW_OVERRIDE) {
            assertThat(outcome.effective()).isEqualTo(
                    clientInterface.canTakeOverride() ? MapAction.ALLOW_OVERRIDE : MapAction.DENY);
        } else {
            assertThat(outcome.effective()).isEqualTo(outcome.configured());
        }
    }

    @Property
    @Label("seed 004: adding a line below that does not match changes nothing")
    void nonMatchingLineBelowChangesNothing(@ForAll("maps") List<MapLine> lines, @ForAll("lines") MapLine extra,
                                            @ForAll("commands") MapCommand command,
                                            @ForAll("standings") UserStanding standing,
                                            @ForAll("interfaces") ClientInterface clientInterface) {
        if (extra.matches(command, standing.name(), clientInterface)) {
            return;
        }
        List<MapLine> extended = new ArrayList<>(lines);
        extended.add(extra);
        MapOutcome before = map(lines).evaluate(command, standing, clientInterface);
        MapOutcome after = map(extended).evaluate(command, standing, clientInterface);
        assertThat(after).isEqualTo(before);
    }

    @Property
    @Label("engine: a decision through a non-override interface is never OVERRIDE_REQUIRED")
    void noOverrideRequiredWithoutOverride(@ForAll("maps") List<MapLine> lines,
                                           @ForAll("commands") MapCommand command,
                                           @ForAll("interfaces") ClientInterface clientInterface) {
        CirculationPolicy base = Fixtures.policy().build();
        UserStandingMap map = new UserStandingMap("P", "", lines, STANDINGS);
        CirculationPolicy policy = new CirculationPolicy("P", base.profiles(), STANDINGS, map, base.rules(),
                base.libraries(), base.defaultLibrary(), base.statusLimits(), base.pins());
        PatronFacts blocked = Fixtures.patron().finesCents(600).build();
        Decision decision = new CirculationEngine(policy).privilege(command,
                RequestContext.of(clientInterface, Fixtures.TODAY), blocked);
        if (!clientInterface.canTakeOverride()) {
            assertThat(decision.outcome()).isNotEqualTo(Outcome.OVERRIDE_REQUIRED);
        }
        assertThat(decision.mapAction()).isEqualTo(
                map.evaluate(command, UserStanding.BLOCKED, clientInterface).effective());
    }
}
