package org.circgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped default policy over every concrete command × built-in standing × concrete interface (7 × 4 × 10):
 * Symphony's standard behaviour (seed 002 002_a9956b3d30e14fae.txt, seed 004 004_112f9cf1318084f3.txt;
 * DESIGN §3.2) — OK allowed, DELINQUENT allowed with a warning,
 * BLOCKED needs an override (denied where no override can be entered), BARRED denied.
 */
class DefaultMapExhaustiveTest {

    private static final CirculationEngine ENGINE = new CirculationEngine(DefaultPolicy.create());

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (MapCommand command : MapCommand.values()) {
            for (DelinquencyType standing : DelinquencyType.values()) {
                for (ClientInterface clientInterface : ClientInterface.values()) {
                    if (command.isConcrete() && clientInterface.isConcrete()) {
                        all.add(Arguments.of(command, standing, clientInterface));
                    }
                }
            }
        }
        return all.stream();
    }

    /** A PUBLIC patron (bill threshold $5.00) whose facts compute to {@code standing}, nothing else limiting. */
    private static PatronFacts patronWith(DelinquencyType standing) {
        Fixtures.PatronBuilder patron = Fixtures.patron().profile("PUBLIC");
        switch (standing) {
            case DELINQUENT: return patron.finesCents(100).build();
            case BLOCKED: return patron.finesCents(500).build();
            case BARRED: return patron.standing("BARRED").build();
            default: return patron.build();
        }
    }

    @ParameterizedTest(name = "default map: {0} for {1} via {2}")
    @MethodSource("everyCombination")
    void defaultBehaviour(MapCommand command, DelinquencyType standing, ClientInterface clientInterface) {
        PatronFacts patron = patronWith(standing);
        RequestContext context = RequestContext.of(clientInterface, Fixtures.TODAY);
        Decision decision = ENGINE.privilege(command, context, patron);

        assertThat(decision.standing().delinquencyType()).isEqualTo(standing);
        assertThat(decision.decidedBy()).isEqualTo("default");
        switch (standing) {
            case OK:
                assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
                assertThat(decision.reasons()).isEmpty();
                break;
            case DELINQUENT:
                assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED_WITH_WARNING);
                assertThat(decision.primaryReason()).isEqualTo(Reason.DELINQUENT);
                break;
            case BLOCKED:
                if (clientInterface.canTakeOverride()) {
                    assertThat(decision.outcome()).isEqualTo(Outcome.OVERRIDE_REQUIRED);
                    assertThat(decision.mapAction()).isEqualTo(MapAction.ALLOW_OVERRIDE);
                    assertThat(decision.reasons()).containsExactly(Reason.BLOCKED_BILLS);
                } else {
                    assertThat(decision.outcome()).isEqualTo(Outcome.DENIED);
                    assertThat(decision.mapAction()).isEqualTo(MapAction.DENY);
                    assertThat(decision.reasons())
                            .containsExactlyInAnyOrder(Reason.BLOCKED_BILLS, Reason.OVERRIDE_NOT_AVAILABLE);
                }
                break;
            case BARRED:
                assertThat(decision.outcome()).isEqualTo(Outcome.DENIED);
                assertThat(decision.primaryReason()).isEqualTo(Reason.BARRED);
                assertThat(decision.mapAction()).isEqualTo(MapAction.DENY);
                break;
            default:
                throw new AssertionError(standing);
        }
    }
}
