package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.circgate.server.circulation.CirculationFacts;
import org.circgate.server.circulation.CirculationPrefetch;
import org.circgate.server.db.Transactions;
import org.circgate.server.metrics.ServerMetrics;
import org.junit.jupiter.api.Test;

/** Issue 5: {@code db.sharedTransactionSize} 1 turns sharing off; every request then runs alone, as before. */
class SharedTransactionsTest {
    private final DataSource database = mock(DataSource.class);
    private final Transactions transactions = new Transactions(database);
    private final ServerMetrics metrics = new ServerMetrics(new SimpleMeterRegistry(), "test", "test");

    @Test
    void sizeOneSendsEveryRequestBackToRunAloneWithoutTouchingTheDatabase() {
        SharedTransactions off = new SharedTransactions(transactions, new CirculationFacts(), metrics, 2, 1);
        SharedTransactions.Unit unit = new SharedTransactions.Unit(1, CirculationPrefetch.Request.checkin("I1"),
                connection -> {
                    throw new AssertionError("the work runs alone, not here");
                });

        assertThat(off.shares()).as("no fast path is installed for it").isFalse();
        assertThat(off.run(unit)).isEmpty();
        List<Object> async = new ArrayList<>();
        off.runAsync(unit, (answer, failure) -> {
            async.add(answer);
            async.add(failure == null ? "no failure" : failure);
        });
        assertThat(async).as("answered at once, on the caller's thread").containsExactly(Optional.empty(),
                "no failure");
        verifyNoInteractions(database);
        off.close();
    }

    @Test
    void limitsAreChecked() {
        assertThatThrownBy(() -> new SharedTransactions(transactions, new CirculationFacts(), metrics, 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SharedTransactions(transactions, new CirculationFacts(), metrics, 0, 16))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
