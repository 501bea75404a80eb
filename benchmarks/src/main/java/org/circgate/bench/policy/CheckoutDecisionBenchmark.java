package org.circgate.bench.policy;

import java.util.concurrent.TimeUnit;
import org.circgate.policy.CirculationEngine;
import org.circgate.policy.ClientInterface;
import org.circgate.policy.DefaultPolicy;
import org.circgate.policy.Decision;
import org.circgate.policy.ItemFacts;
import org.circgate.policy.PatronFacts;
import org.circgate.policy.RequestContext;
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

/**
 * A full Checkout Item decision on SIP2, as the server makes it for every 11 Checkout: standing computed from five
 * loans (one overdue, fines accruing) and bills, the User Standing Map, charge limit, charges allowed, privilege
 * expiry, rule lookup, hold queue, two-copies check and due date. Target: at least 1,000,000 decisions/s per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CheckoutDecisionBenchmark {

    private CirculationEngine defaultEngine;
    private CirculationEngine fiftyLineEngine;
    private RequestContext sip2;
    private PatronFacts patron;
    private ItemFacts item;

    @Setup
    public void setUp() {
        defaultEngine = new CirculationEngine(DefaultPolicy.create());
        UserStandings standings = PolicyFixtures.standings();
        fiftyLineEngine = new CirculationEngine(
                PolicyFixtures.policyWith(standings, PolicyFixtures.fiftyLineMap(standings)));
        sip2 = RequestContext.of(ClientInterface.SIP2, PolicyFixtures.TODAY);
        patron = PolicyFixtures.delinquentPatron();
        item = PolicyFixtures.heldItem(patron);
        Decision check = fiftyLineEngine.checkout(sip2, patron, item);
        if (!check.isAllowed() || check.mapLineNumber() != 2) {
            throw new IllegalStateException("benchmark fixture should be allowed by map line 2: " + check);
        }
    }

    /** The shipped default policy (no map lines: the standing's built-in behaviour decides). */
    @Benchmark
    public Decision checkoutDefaultPolicy() {
        return defaultEngine.checkout(sip2, patron, item);
    }

    /** The same checkout decided by line 2 of a 50-line map (48 lines scanned first). */
    @Benchmark
    public Decision checkoutFiftyLineMap() {
        return fiftyLineEngine.checkout(sip2, patron, item);
    }
}
