package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import org.circgate.policy.CirculationEngine;
import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.db.BatchRunners;
import org.circgate.server.db.ReadBatcher;
import org.circgate.server.db.Transactions;

/**
 * Patron views for requests that only read (SIP2 23 and 63, and the identification step before a change). Lookups
 * that arrive together share one statement per institution ({@link ReadBatcher}): the patron rows with their loans,
 * holds and bills ({@link PatronSnapshotQuery}). The statement runs after each request arrived, so it sees every
 * change committed before the request, exactly as a lookup of its own would.
 *
 * <p>{@link #viewAsync} serves callers that must not block: its batches run on this class's own threads, at most
 * {@code maxConcurrentBatches}, which {@link #close()} stops.
 */
public final class PatronLookups implements AutoCloseable {
    private record Key(Institution institution, String barcode) {
    }

    private record Found(PatronSnapshot snapshot, CirculationEngine engine) {
    }

    private final Transactions transactions;
    private final CirculationService circulation;
    private final ExecutorService runners;
    private final ReadBatcher<Key, Found> batcher;

    public PatronLookups(Transactions transactions, CirculationService circulation, int maxConcurrentBatches,
            int maxBatchSize) {
        this.transactions = transactions;
        this.circulation = circulation;
        this.runners = BatchRunners.create("circgate-lookup", maxConcurrentBatches);
        this.batcher = new ReadBatcher<>(this::load, runners, maxConcurrentBatches, maxBatchSize);
    }

    /** The patron with this barcode at the operator's institution, and the policy's view of them. */
    public Optional<PatronView> view(Operator operator, String barcode) {
        return viewOf(operator, batcher.get(new Key(operator.institution(), barcode)));
    }

    private Optional<PatronView> viewOf(Operator operator, Found found) {
        if (found == null) {
            return Optional.empty();
        }
        return Optional.of(new PatronView(found.snapshot(),
                found.engine().patronStatus(circulation.context(operator), found.snapshot().facts()), found.engine()));
    }

    /**
     * Like {@link #view} without blocking: {@code then} gets the view (or the failure, usually a
     * {@link org.circgate.server.db.PersistenceException}) on a lookup thread, so it must not block either.
     */
    public void viewAsync(Operator operator, String barcode,
            BiConsumer<Optional<PatronView>, RuntimeException> then) {
        batcher.getAsync(new Key(operator.institution(), barcode), (found, failure) -> {
            if (failure != null) {
                then.accept(Optional.empty(), failure);
                return;
            }
            Optional<PatronView> view;
            try {
                view = viewOf(operator, found);
            } catch (RuntimeException e) {
                then.accept(Optional.empty(), e);
                return;
            }
            then.accept(view, null);
        });
    }

    /** Stops the lookup threads once their batches are done; later asynchronous lookups fail at once. */
    @Override
    public void close() {
        close(Duration.ZERO);
    }

    /** As {@link #close()}, waiting up to {@code wait} for a running batch (before the pool closes under it). */
    public void close(Duration wait) {
        BatchRunners.close(runners, wait);
    }

    private Map<Key, Found> load(List<Key> keys) {
        Map<Institution, Set<String>> byInstitution = new LinkedHashMap<>();
        for (Key key : keys) {
            byInstitution.computeIfAbsent(key.institution(), i -> new LinkedHashSet<>()).add(key.barcode());
        }
        return transactions.inTransaction(connection -> {
            Map<Key, Found> found = new HashMap<>();
            for (Map.Entry<Institution, Set<String>> group : byInstitution.entrySet()) {
                load(connection, group.getKey(), group.getValue(), found);
            }
            return found;
        });
    }

    private void load(Connection connection, Institution institution, Set<String> barcodes, Map<Key, Found> found)
            throws SQLException {
        CirculationEngine engine = circulation.engine(connection, institution.id());
        CirculationFacts facts = circulation.facts();
        List<PatronRecord> tooLong = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                PatronSnapshotQuery.forBarcodes(barcodes.size()))) {
            int index = 1;
            statement.setLong(index++, institution.id());
            for (String barcode : barcodes) {
                statement.setString(index++, barcode);
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    PatronRecord patron = PatronRepository.map(row);
                    Optional<PatronSnapshotQuery.Lists> lists = PatronSnapshotQuery.lists(row);
                    if (lists.isEmpty()) {
                        tooLong.add(patron);
                    } else if (barcodes.contains(patron.barcode())) {
                        found.put(new Key(institution, patron.barcode()),
                                new Found(CirculationFacts.snapshot(patron, lists.get(), institution.zone()), engine));
                    }
                }
            }
        }
        for (PatronRecord patron : tooLong) {
            if (barcodes.contains(patron.barcode())) {
                found.put(new Key(institution, patron.barcode()),
                        new Found(facts.snapshot(connection, patron, institution.zone()), engine));
            }
        }
        // The database compares barcodes under its collation (case, trailing spaces); a barcode written differently
        // from the stored one is looked up alone, exactly as a lookup of its own would find it.
        for (String barcode : barcodes) {
            Key key = new Key(institution, barcode);
            if (!found.containsKey(key)) {
                Optional<PatronRecord> patron = facts.patrons().find(connection, institution.id(), barcode);
                if (patron.isPresent()) {
                    found.put(key, new Found(facts.snapshot(connection, patron.get(), institution.zone()), engine));
                }
            }
        }
    }
}
