package org.circgate.bench.load;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this machine's MariaDB can do with durable commits at all, apart from circgate's SQL: checkout/checkin pairs
 * of the smallest transactions that still change an item, a loan and an audit record (one request each, commit
 * included), optionally with N locking reads by primary key before each; or, with {@code --latency-rate}, the latency
 * of single durable INSERT+COMMIT requests at a fixed rate from one connection. Runs in a scratch database
 * ({@code circgate_floor}, dropped afterwards), so it needs an account that may create one (the embedded database's
 * root). Set beside {@link JdbcBaseline}, it says whether a rate is bounded by durable commits or by the statements.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.circgate.bench.load.DurableFloor \
 *     --jdbc-url jdbc:mariadb://127.0.0.1:PORT/ --credentials data/mariadb/credentials --reads 1
 * </pre>
 */
public final class DurableFloor {
    static final String USAGE = """
            Usage: java -cp benchmarks/target/benchmarks.jar org.circgate.bench.load.DurableFloor [options]

              --jdbc-url URL        the database server (embedded: jdbc:mariadb://127.0.0.1:PORT/)
              --user U              (root; it creates and drops the scratch database circgate_floor)
              --password P | --credentials FILE   password, or the embedded database's credentials file
              --threads N           one connection each, 100 items each (32)
              --reads N             locking reads by primary key before each transaction (0)
              --duration D --warmup D   (20s, 3s)
              --latency-rate R      instead: one connection, one durable INSERT+COMMIT request R times a second,
                                    and their latency
            """;
    private static final String DATABASE = "circgate_floor";
    private static final int ITEMS_PER_THREAD = 100;
    private static final String READ = "SELECT id, status FROM item WHERE id = ? FOR UPDATE";
    private static final String CHECKOUT = """
            INSERT INTO loan (item_id, patron_id, due_at) VALUES (?, ?, NOW());
            UPDATE item SET status = 'CHARGED' WHERE id = ?;
            INSERT INTO audit (at, what) VALUES (NOW(3), 'checkout 0123456789abcdef0123456789abcdef');
            COMMIT""";
    private static final String CHECKIN = """
            DELETE FROM loan WHERE item_id = ?;
            UPDATE item SET status = 'AVAILABLE' WHERE id = ?;
            INSERT INTO audit (at, what) VALUES (NOW(3), 'checkin 0123456789abcdef0123456789abcdef');
            COMMIT""";
    private static final String SINGLE = """
            INSERT INTO audit (at, what) VALUES (NOW(3), 'latency 0123456789abcdef0123456789abcdef');
            COMMIT""";

    record Options(String url, String user, String password, int threads, int reads, Duration duration,
            Duration warmup, double latencyRate) {
    }

    private DurableFloor() {
    }

    public static void main(String[] arguments) throws Exception {
        Options options;
        try {
            Args args = new Args(arguments, Set.of("help"));
            if (args.flag("help")) {
                System.out.print(USAGE);
                return;
            }
            String user = args.text("user", "root");
            options = new Options(args.required("jdbc-url"), user, args.databasePassword(user.equals("root") ? "root" : "app"), args.integer("threads", 32, 1), args.integer("reads", 0, 0),
                    args.duration("duration", Duration.ofSeconds(20)), args.duration("warmup", Duration.ofSeconds(3)),
                    args.decimal("latency-rate", 0));
            args.rejectUnknown();
        } catch (IllegalArgumentException e) {
            System.err.println("DurableFloor: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        run(options, System.out);
    }

    static void run(Options options, PrintStream out) throws Exception {
        try (Connection admin = DriverManager.getConnection(options.url(), options.user(), options.password());
                Statement statement = admin.createStatement()) {
            statement.execute("SELECT @@innodb_flush_log_at_trx_commit");
            try (ResultSet flush = statement.getResultSet()) {
                flush.next();
                out.printf("innodb_flush_log_at_trx_commit = %s%n", flush.getString(1));
            }
            try {
                createScratch(statement, options.threads() * ITEMS_PER_THREAD);
                if (options.latencyRate() > 0) {
                    commitLatency(options, out);
                } else {
                    pairs(options, out);
                }
            } finally {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            }
        }
    }

    private static void createScratch(Statement statement, int items) throws SQLException {
        statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
        statement.execute("CREATE DATABASE " + DATABASE);
        statement.execute("CREATE TABLE " + DATABASE + ".item (id BIGINT PRIMARY KEY, status VARCHAR(16) NOT NULL)"
                + " ENGINE=InnoDB");
        statement.execute("CREATE TABLE " + DATABASE + ".loan (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                + " item_id BIGINT NOT NULL UNIQUE, patron_id BIGINT NOT NULL, due_at DATETIME NOT NULL) ENGINE=InnoDB");
        statement.execute("CREATE TABLE " + DATABASE + ".audit (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                + " at DATETIME(3) NOT NULL, what VARCHAR(200) NOT NULL) ENGINE=InnoDB");
        statement.execute("INSERT INTO " + DATABASE + ".item SELECT seq, 'AVAILABLE' FROM " + DATABASE + ".seq_1_to_" + items);
    }

    private static Connection connect(Options options) throws SQLException {
        Connection connection = DriverManager.getConnection(options.url() + DATABASE + "?allowMultiQueries=true",
                options.user(), options.password());
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        connection.setAutoCommit(false);
        return connection;
    }

    private static void pairs(Options options, PrintStream out) throws Exception {
        long measureStart = System.nanoTime() + options.warmup().toNanos();
        long measureEnd = measureStart + options.duration().toNanos();
        AtomicLong pairs = new AtomicLong();
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            long firstItem = (long) t * ITEMS_PER_THREAD + 1;
            long patron = t + 1;
            Thread thread = new Thread(() -> {
                try (Connection connection = connect(options);
                        PreparedStatement read = connection.prepareStatement(READ);
                        PreparedStatement checkout = connection.prepareStatement(CHECKOUT);
                        PreparedStatement checkin = connection.prepareStatement(CHECKIN)) {
                    for (long n = 0; System.nanoTime() < measureEnd; n++) {
                        long item = firstItem + n % ITEMS_PER_THREAD;
                        lockedReads(read, item, options.reads());
                        checkout.setLong(1, item);
                        checkout.setLong(2, patron);
                        checkout.setLong(3, item);
                        checkout.execute();
                        lockedReads(read, item, options.reads());
                        checkin.setLong(1, item);
                        checkin.setLong(2, item);
                        checkin.execute();
                        long now = System.nanoTime();
                        if (now >= measureStart && now < measureEnd) {
                            pairs.incrementAndGet();
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "floor-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " threads failed", failures.get(0));
        }
        double seconds = options.duration().toNanos() / 1e9;
        out.printf("%d threads, %d locking reads before each of the 2 durable transactions (%d statements, %d requests"
                + " a pair): %,.0f pairs/s%n", options.threads(), options.reads(), 2 * (options.reads() + 4),
                2 * (options.reads() + 1), pairs.get() / seconds);
    }

    private static void lockedReads(PreparedStatement read, long item, int reads) throws SQLException {
        for (int r = 0; r < reads; r++) {
            read.setLong(1, item);
            try (ResultSet row = read.executeQuery()) {
                row.next();
            }
        }
    }

    private static void commitLatency(Options options, PrintStream out) throws Exception {
        long gap = (long) (1e9 / options.latencyRate());
        LatencyHistogram latency = new LatencyHistogram();
        try (Connection connection = connect(options);
                PreparedStatement single = connection.prepareStatement(SINGLE)) {
            long measureStart = System.nanoTime() + options.warmup().toNanos();
            long end = measureStart + options.duration().toNanos();
            for (long next = System.nanoTime(); next < end; next += gap) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long start = System.nanoTime();
                single.execute();
                if (start >= measureStart) {
                    latency.record(System.nanoTime() - start);
                }
            }
        }
        out.printf("one connection, durable INSERT+COMMIT at %.0f/s: %,d requests, p50 %.2f ms, p90 %.2f ms,"
                + " p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n", options.latencyRate(), latency.count(),
                latency.percentile(50) / 1e6, latency.percentile(90) / 1e6, latency.percentile(99) / 1e6,
                latency.percentile(99.9) / 1e6, latency.max() / 1e6);
    }
}
