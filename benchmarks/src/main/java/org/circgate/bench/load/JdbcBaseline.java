package org.circgate.bench.load;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's share of an 11+09 pair: {@link CirculationStatements} run straight over JDBC by N threads, one
 * connection each, against the same MariaDB the server uses, with the server's isolation (READ COMMITTED) and
 * transaction handling (connections kept out of auto-commit, reads grouped into one request and writes sent with the
 * COMMIT, as the server's Transactions does). The server's 11+09 rate divided by this one says how much the server
 * adds on top of its SQL.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.circgate.bench.load.JdbcBaseline \
 *     --jdbc-url jdbc:mariadb://127.0.0.1:PORT/circgate --credentials data/mariadb/credentials --threads 32
 * </pre>
 */
public final class JdbcBaseline {
    static final String USAGE = """
            Usage: java -cp benchmarks/target/benchmarks.jar org.circgate.bench.load.JdbcBaseline [options]

              --jdbc-url URL        the server's database (embedded: jdbc:mariadb://127.0.0.1:PORT/circgate, PORT
                                    from the server's "Embedded MariaDB started on" line)
              --user U              (circgate)
              --password P | --credentials FILE   password, or the embedded database's credentials file
                                    (data/mariadb/credentials, key app.password)
              --threads N           one connection each (32)
              --duration D --warmup D   (30s, 10s)
              --switch-autocommit   switch auto-commit off and on around each transaction, as the server did before
                                    its pool kept connections out of auto-commit (shows what the switching costs)
              --one-by-one          one request per statement and a separate COMMIT, as the server did before it
                                    grouped its reads and sent its writes with the COMMIT (shows what grouping saves)
              --shared N            N requests per transaction, half of them checkouts and half the checkins of
                                    the transaction before, as the server's shared transactions send them at
                                    saturation (rows read ahead with IN lists, writes merged); use --threads
                                    db.sharedTransactions (2)
              --login L --institution I --location C --patrons N --items N --patron-prefix X --item-prefix Y
                                    as for Sip2Load / LoadImport (load, LOAD, MAIN, 2000, 20000, LP, LI)
            """;

    private JdbcBaseline() {
    }

    record Options(String url, String user, String password, int threads, Duration duration, Duration warmup,
            boolean keepAutoCommitOff, boolean grouped, int shared, String login, LoadData data) {
    }

    public static void main(String[] arguments) throws Exception {
        Options options;
        try {
            Args args = new Args(arguments, Set.of("switch-autocommit", "one-by-one", "help"));
            if (args.flag("help")) {
                System.out.print(USAGE);
                return;
            }
            options = new Options(args.required("jdbc-url"), args.text("user", "circgate"), args.databasePassword("app"), args.integer("threads", 32, 1),
                    args.duration("duration", Duration.ofSeconds(30)), args.duration("warmup", Duration.ofSeconds(10)),
                    !args.flag("switch-autocommit"), !args.flag("one-by-one"), args.integer("shared", 1, 1),
                    args.text("login", "load"),
                    LoadData.from(args));
            args.rejectUnknown();
            if (options.shared() > 1 && !options.grouped()) {
                throw new IllegalArgumentException("--shared needs the grouped requests (no --one-by-one)");
            }
            if (options.threads() * options.shared() > options.data().patrons()) {
                throw new IllegalArgumentException("need at least --shared patrons per thread");
            }
            if (options.threads() > options.data().items()) {
                throw new IllegalArgumentException("need at least one item per thread");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("JdbcBaseline: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        run(options, System.out);
    }

    static void run(Options options, PrintStream out) throws Exception {
        String loadBefore = LoadReport.loadAverage();
        CirculationStatements statements;
        try (Connection connection = connect(options)) {
            statements = CirculationStatements.lookUp(connection, options.data().institution(), options.login(),
                    options.data().location(), options.grouped());
        }
        long start = System.nanoTime();
        long measureStart = start + options.warmup().toNanos();
        long measureEnd = measureStart + options.duration().toNanos();
        AtomicLong failures = new AtomicLong();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < options.threads(); i++) {
            Worker worker = new Worker(options, statements, i, measureStart, measureEnd, failures);
            workers.add(worker);
            worker.start();
        }
        LoadStats total = new LoadStats();
        for (Worker worker : workers) {
            worker.join();
            total.add(worker.stats);
        }
        String loadAfter = LoadReport.loadAverage();
        double seconds = options.duration().toNanos() / 1e9;
        out.printf("%nraw JDBC 11+09 on %s: %d threads, %s, %d s warm-up + %d s measured%n", options.url(),
                options.threads(), options.keepAutoCommitOff() ? "auto-commit kept off (as the server does)"
                        : "auto-commit switched per transaction (as the server did before)", options.warmup().toSeconds(),
                options.duration().toSeconds());
        out.printf("%s%n", options.shared() > 1 ? options.shared() + " requests per transaction, half checkouts, half"
                + " checkins (as the server's shared transactions)" : options.grouped()
                ? "reads grouped, writes sent with the COMMIT (as the server does alone)"
                : "one request per statement, COMMIT separate (as the server did before)");
        out.printf("load average before %s, after %s%n", loadBefore, loadAfter);
        out.printf("%-6s %12s %11s %9s %9s %9s %9s %9s%n", "op", "count", "rate/s", "p50 ms", "p99 ms", "p99.9 ms",
                "max ms", "errors");
        for (Step step : List.of(Step.CHECKOUT, Step.CHECKIN, Step.CHECKOUT_CHECKIN)) {
            LatencyHistogram h = total.latency[step.ordinal()];
            out.printf("%-6s %,12d %,11.1f %9.3f %9.3f %9.3f %9.3f %,9d%n", step.label(), h.count(),
                    h.count() / seconds, h.percentile(50) / 1e6, h.percentile(99) / 1e6, h.percentile(99.9) / 1e6,
                    h.max() / 1e6, total.errors[step.ordinal()]);
        }
        out.printf("failed transactions (whole run): %,d%n", failures.get());
    }

    private static Connection connect(Options options) throws SQLException {
        String url = options.url() + (options.url().contains("?") ? "&" : "?") + "allowMultiQueries=true";
        Connection connection = DriverManager.getConnection(url, options.user(), options.password());
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return connection;
    }

    /** One thread, one connection, its own slice of patrons and items, pairs back to back until the end. */
    private static final class Worker extends Thread {
        @FunctionalInterface
        private interface Work {
            void run(Connection connection) throws SQLException;
        }

        private final Options options;
        private final CirculationStatements statements;
        private final LoadData.Slice patrons;
        private final LoadData.Slice items;
        private final long measureStart;
        private final long measureEnd;
        private final AtomicLong failures;
        final LoadStats stats = new LoadStats();

        Worker(Options options, CirculationStatements statements, int index, long measureStart, long measureEnd,
                AtomicLong failures) {
            super("jdbc-" + index);
            this.options = options;
            this.statements = statements;
            this.patrons = LoadData.slice(options.data().patrons(), index, options.threads());
            this.items = LoadData.slice(options.data().items(), index, options.threads());
            this.measureStart = measureStart;
            this.measureEnd = measureEnd;
            this.failures = failures;
        }

        @Override
        public void run() {
            try (Connection connection = connect(options)) {
                if (options.keepAutoCommitOff()) {
                    connection.setAutoCommit(false);
                }
                long cursor = 0;
                // Each transaction checks out half a batch and checks in the half before, as a shared transaction
                // of the server mixes its kiosks' 11s and 09s; a pair is two consecutive transactions.
                List<String> out = List.of();
                long previous = 0;
                while (options.shared() > 1 && System.nanoTime() < measureEnd) {
                    List<String> patronBatch = new ArrayList<>();
                    List<String> itemBatch = new ArrayList<>();
                    for (int i = 0; i < options.shared() / 2; i++) {
                        cursor++;
                        patronBatch.add(options.data().patron(patrons.at(cursor)));
                        itemBatch.add(options.data().item(items.at(cursor)));
                    }
                    patronBatch.sort(null);
                    itemBatch.sort(null);
                    List<String> in = out;
                    long started = System.nanoTime();
                    boolean ok = transaction(connection, c -> statements.shared(c, patronBatch, itemBatch, in));
                    long done = System.nanoTime();
                    Outcome outcome = ok ? Outcome.OK : Outcome.ERROR;
                    for (int i = 0; i < itemBatch.size(); i++) {
                        record(Step.CHECKOUT, started, done, outcome);
                        if (!in.isEmpty()) {
                            record(Step.CHECKIN, started, done, outcome);
                            record(Step.CHECKOUT_CHECKIN, previous, done, outcome);
                        }
                    }
                    out = itemBatch;
                    previous = started;
                }
                if (!out.isEmpty()) {
                    List<String> last = out;
                    transaction(connection, c -> statements.shared(c, List.of(), List.of(), last));
                }
                while (options.shared() == 1 && System.nanoTime() < measureEnd) {
                    cursor++;
                    String patron = options.data().patron(patrons.at(cursor));
                    String item = options.data().item(items.at(cursor));
                    long started = System.nanoTime();
                    // No lookup before the checkout: the load account takes no PIN (CheckoutCommand skips it).
                    boolean ok = transaction(connection, c -> statements.checkout(c, patron, item));
                    long checkedOut = System.nanoTime();
                    ok &= transaction(connection, c -> statements.checkin(c, item));
                    long done = System.nanoTime();
                    Outcome outcome = ok ? Outcome.OK : Outcome.ERROR;
                    record(Step.CHECKOUT, started, checkedOut, outcome);
                    record(Step.CHECKIN, checkedOut, done, outcome);
                    record(Step.CHECKOUT_CHECKIN, started, done, outcome);
                }
            } catch (SQLException e) {
                failures.incrementAndGet();
                System.err.println(getName() + ": " + e.getMessage());
            }
        }

        private void record(Step step, long start, long end, Outcome outcome) {
            if (start >= measureStart && end <= measureEnd) {
                stats.record(step, end - start, outcome);
            }
        }

        /** As the server's Transactions.inTransaction, minus the deadlock retry (which never triggers here). */
        private boolean transaction(Connection connection, Work work) {
            try {
                if (!options.keepAutoCommitOff()) {
                    connection.setAutoCommit(false);
                }
                work.run(connection);
                connection.commit();
                return true;
            } catch (SQLException e) {
                if (failures.incrementAndGet() <= 5) {
                    System.err.println(getName() + ": " + e.getMessage());
                }
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // The next transaction reports a broken connection.
                }
                return false;
            } finally {
                if (!options.keepAutoCommitOff()) {
                    try {
                        connection.setAutoCommit(true);
                    } catch (SQLException ignored) {
                        // As in the server: a broken connection surfaces at the next use.
                    }
                }
            }
        }
    }
}
