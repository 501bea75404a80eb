package org.circgate.server.ncip;

import io.netty.util.concurrent.EventExecutorGroup;
import java.time.Clock;
import java.util.Objects;
import org.circgate.server.circulation.CirculationService;
import org.circgate.server.circulation.HoldService;
import org.circgate.server.circulation.PatronAuthenticator;
import org.circgate.server.circulation.RenewalService;
import org.circgate.server.circulation.TemporaryItemService;
import org.circgate.server.db.Transactions;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.ncip.agency.NcipAgencies;

/** What the NCIP listener and its services need from the rest of the server, passed in once. */
public record NcipServices(Transactions transactions, ServerMetrics metrics, Clock clock, EventExecutorGroup workers,
        NcipAgencies agencies, CirculationService circulation, PatronAuthenticator authenticator,
        RenewalService renewals, HoldService holds, TemporaryItemService temporaryItems, NcipLookups lookups) {
    public NcipServices {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(agencies, "agencies");
        Objects.requireNonNull(circulation, "circulation");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(renewals, "renewals");
        Objects.requireNonNull(holds, "holds");
        Objects.requireNonNull(temporaryItems, "temporaryItems");
        Objects.requireNonNull(lookups, "lookups");
    }
}
