package org.circgate.bench.policy;

import java.util.concurrent.TimeUnit;
import org.circgate.policy.ClientInterface;
import org.circgate.policy.MapCommand;
import org.circgate.policy.MapOutcome;
import org.circgate.policy.UserStanding;
import org.circgate.policy.UserStandingMap;
import org.circgate.policy.UserStandings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** User Standing Map evaluation with a 50-line map, bottom-up. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StandingMapBenchmark {

    private UserStandingMap map;
    private UserStanding delinquent;
    private UserStanding custom;
    private MapCommand checkout;
    private ClientInterface sip2;

    @Setup
    public void setUp() {
        UserStandings standings = PolicyFixtures.standings();
        map = PolicyFixtures.fiftyLineMap(standings);
        delinquent = UserStanding.DELINQUENT;
        custom = standings.find("CUSTOM1");
        checkout = MapCommand.CHECKOUT_ITEM;
        sip2 = ClientInterface.SIP2;
        if (map.evaluate(checkout, delinquent, sip2).lineNumber() != 2
                || map.evaluate(MapCommand.CHECKOUT_ITEM, standings.find("CUSTOM1"), ClientInterface.WEBCAT)
                        .lineNumber() != 1) {
            throw new IllegalStateException("benchmark map does not decide where expected");
        }
    }

    /** Decided by line 2 of 50: 49 lines examined. */
    @Benchmark
    public MapOutcome nearTopLine() {
        return map.evaluate(checkout, delinquent, sip2);
    }

    /** Decided by line 1 of 50 (the catch-all): every line examined. */
    @Benchmark
    public MapOutcome fullScan() {
        return map.evaluate(checkout, custom, ClientInterface.WEBCAT);
    }
}
