package org.circgate.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.circgate.server.CircgateServer;
import org.circgate.server.config.ConfigLoader;
import org.circgate.server.config.ServerConfig;
import org.circgate.server.importer.DataImporter;

/**
 * A real circgate on 127.0.0.1 port 0 (SIP2, NCIP, admin) against a test class's own database on the shared embedded
 * MariaDB, with the demo library imported.
 */
public final class ServerFixture implements AutoCloseable {
    private final CircgateServer server;
    private final FaultInjectingDataSource faults;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServerFixture(CircgateServer server, FaultInjectingDataSource faults) {
        this.server = server;
        this.faults = faults;
    }

    public static ServerFixture start(TestDatabase database) {
        return start(database, Map.of());
    }

    /** {@code overrides}: extra CIRCGATE_* environment variables. */
    public static ServerFixture start(TestDatabase database, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("CIRCGATE_DB_URL", database.settings().url());
        env.put("CIRCGATE_DB_USER", database.settings().user());
        env.put("CIRCGATE_DB_PASSWORD", database.settings().password());
        env.put("CIRCGATE_DB_POOL_SIZE", "8");
        env.put("CIRCGATE_BIND_ADDRESS", "127.0.0.1");
        env.put("CIRCGATE_SIP2_PORT", "0");
        env.put("CIRCGATE_NCIP_PORT", "0");
        env.put("CIRCGATE_ADMIN_PORT", "0");
        env.put("CIRCGATE_SHUTDOWN_TIMEOUT_SECONDS", "10");
        env.put("CIRCGATE_DATA_DIR", Path.of("target", "it-data").toString());
        env.putAll(overrides);
        ServerConfig config = new ConfigLoader(env).load(null);
        FaultInjectingDataSource[] faults = new FaultInjectingDataSource[1];
        CircgateServer server = CircgateServer.start(config, real -> {
            faults[0] = FaultInjectingDataSource.disarmed(real);
            return faults[0];
        });
        try (InputStream demo = CircgateServer.class.getResourceAsStream(CircgateServer.DEMO_LIBRARY)) {
            new DataImporter(server.database().transactions(), server.database().hasher()).importFrom(demo, "demo");
        } catch (IOException | RuntimeException e) {
            server.close();
            throw new IllegalStateException("demo import failed", e);
        }
        return new ServerFixture(server, faults[0]);
    }

    /** Makes the database "drop" at the N-th statement from now (until {@link FaultInjectingDataSource#disarm}). */
    public FaultInjectingDataSource faults() {
        return faults;
    }

    /** A JDBC connection to the server's database, for assertions on rows. */
    public java.sql.Connection jdbc() throws java.sql.SQLException {
        // The pool's connections are not in auto-commit mode (every server unit is a transaction); a test's own
        // setup writes should land at once, as they did from a plain client.
        java.sql.Connection connection = server.database().database().dataSource().getConnection();
        connection.setAutoCommit(true);
        return connection;
    }

    public CircgateServer server() {
        return server;
    }

    public InetSocketAddress sip2() {
        return server.sip2Address();
    }

    public InetSocketAddress ncip() {
        return server.ncipAddress();
    }

    public Sip2TestClient sip2Client() throws IOException {
        return new Sip2TestClient(sip2());
    }

    /**
     * Opens {@code count} new connections one after another and logs each in as the demo kiosk; returns how long each
     * login's answer took (ms). New channels take the workers in turn, so one more than there are workers puts a
     * login on every worker.
     */
    public java.util.List<Long> demoLoginMillisOnNewConnections(int count) throws IOException {
        java.util.List<Long> millis = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            try (Sip2TestClient kiosk = sip2Client()) {
                long started = System.nanoTime();
                String answer = kiosk.exchange(Sip2Lines.login("kiosk", "kiosk", "MAIN"));
                if (!"941".equals(answer)) {
                    throw new IllegalStateException("demo login refused: " + answer);
                }
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
        }
        return millis;
    }

    /** The first column of the first row of a query on the server's database (a count). */
    public long count(String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = jdbc(); java.sql.PreparedStatement s = c.prepareStatement(sql);
                java.sql.ResultSet row = s.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The audit events of an item, oldest first, as {@code command:outcome}. */
    public java.util.List<String> auditOutcomes(String itemBarcode) throws java.sql.SQLException {
        java.util.List<String> outcomes = new java.util.ArrayList<>();
        try (java.sql.Connection c = jdbc(); java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT command, outcome FROM audit_event WHERE item_barcode = ? ORDER BY id")) {
            s.setString(1, itemBarcode);
            try (java.sql.ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    outcomes.add(rows.getString(1) + ":" + rows.getString(2));
                }
            }
        }
        return outcomes;
    }

    /** GET on the admin port; returns status and body. */
    public HttpResponse<String> admin(String path) throws IOException, InterruptedException {
        InetSocketAddress admin = server.adminAddress();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
    }
}
