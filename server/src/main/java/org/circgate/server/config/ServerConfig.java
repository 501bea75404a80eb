package org.circgate.server.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** The whole typed configuration, built once at start and passed down through constructors. */
public record ServerConfig(
        Path dataDir,
        boolean loadDemoLibrary,
        DatabaseConfig database,
        Sip2Config sip2,
        NcipConfig ncip,
        HttpListenerConfig admin,
        Duration shutdownTimeout) {

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(sip2, "sip2");
        Objects.requireNonNull(ncip, "ncip");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    }

    /** Database settings; {@code url == null} means: run the embedded MariaDB under {@code dataDir/mariadb}. */
    public record DatabaseConfig(String url, String user, String password, int poolSize, Duration connectTimeout,
            Duration socketTimeout, int embeddedPort) {
        public DatabaseConfig {
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be positive");
            }
        }

        public boolean embedded() {
            return url == null;
        }

        @Override
        public String toString() {
            return "DatabaseConfig[url=" + (url == null ? "embedded" : url) + ", user=" + user
                    + ", password=***, poolSize=" + poolSize + "]";
        }
    }

    /** The SIP2 listener and its per-connection limits. */
    public record Sip2Config(InetSocketAddress address, int maxFrameLength, Duration idleTimeout,
            Duration loginTimeout, Duration messageTimeout, int maxConnections, int maxConnectionsPerAddress,
            Duration resendWindow) {
    }

    /**
     * The NCIP HTTP listener: request bodies up to {@code maxBodyBytes}, kept-alive connections closed after
     * {@code idleTimeout} of silence, a request that is not complete {@code requestTimeout} after its first byte
     * closed, at most {@code maxConnections} open.
     */
    public record NcipConfig(InetSocketAddress address, int maxBodyBytes, Duration idleTimeout,
            Duration requestTimeout, int maxConnections) {
        public NcipConfig {
            Objects.requireNonNull(address, "address");
            if (maxBodyBytes < 1 || maxConnections < 1) {
                throw new IllegalArgumentException("maxBodyBytes and maxConnections must be positive");
            }
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
        }
    }

    /** An HTTP listener (admin); {@code maxBodyBytes} bounds request bodies. */
    public record HttpListenerConfig(InetSocketAddress address, int maxBodyBytes) {
    }

    static ServerConfig from(ConfigValues v) {
        String bind = v.get(ConfigKeys.BIND_ADDRESS);
        Path dataDir = Path.of(v.get(ConfigKeys.DATA_DIR));
        DatabaseConfig database = new DatabaseConfig(
                v.get(ConfigKeys.DB_URL),
                v.get(ConfigKeys.DB_USER),
                databasePassword(v),
                v.get(ConfigKeys.DB_POOL_SIZE),
                Duration.ofMillis(v.get(ConfigKeys.DB_CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(v.get(ConfigKeys.DB_SOCKET_TIMEOUT_MS)),
                v.get(ConfigKeys.DB_EMBEDDED_PORT));
        if (database.url() != null && !database.url().startsWith("jdbc:mariadb:")) {
            throw new ConfigException("Configuration error: db.url (" + v.origin(ConfigKeys.DB_URL)
                    + ") must start with jdbc:mariadb:");
        }
        Sip2Config sip2 = new Sip2Config(
                address(v, ConfigKeys.SIP2_HOST, bind, ConfigKeys.SIP2_PORT),
                v.get(ConfigKeys.SIP2_MAX_FRAME_LENGTH),
                Duration.ofSeconds(v.get(ConfigKeys.SIP2_IDLE_TIMEOUT_SECONDS)),
                Duration.ofSeconds(v.get(ConfigKeys.SIP2_LOGIN_TIMEOUT_SECONDS)),
                Duration.ofSeconds(v.get(ConfigKeys.SIP2_MESSAGE_TIMEOUT_SECONDS)),
                v.get(ConfigKeys.SIP2_MAX_CONNECTIONS),
                v.get(ConfigKeys.SIP2_MAX_CONNECTIONS_PER_ADDRESS),
                Duration.ofSeconds(v.get(ConfigKeys.SIP2_RESEND_WINDOW_SECONDS)));
        NcipConfig ncip = new NcipConfig(
                address(v, ConfigKeys.NCIP_HOST, bind, ConfigKeys.NCIP_PORT), v.get(ConfigKeys.NCIP_MAX_BODY_BYTES),
                Duration.ofSeconds(v.get(ConfigKeys.NCIP_IDLE_TIMEOUT_SECONDS)),
                Duration.ofSeconds(v.get(ConfigKeys.NCIP_REQUEST_TIMEOUT_SECONDS)),
                v.get(ConfigKeys.NCIP_MAX_CONNECTIONS));
        HttpListenerConfig admin = new HttpListenerConfig(
                address(v, ConfigKeys.ADMIN_HOST, bind, ConfigKeys.ADMIN_PORT), 64 * 1024);
        return new ServerConfig(dataDir, v.get(ConfigKeys.DEMO_LIBRARY), database, sip2, ncip, admin,
                Duration.ofSeconds(v.get(ConfigKeys.SHUTDOWN_TIMEOUT_SECONDS)));
    }

    private static InetSocketAddress address(ConfigValues v, ConfigKey<String> hostKey, String bind,
            ConfigKey<Integer> portKey) {
        String host = v.isSet(hostKey) ? v.get(hostKey) : bind;
        InetSocketAddress address = new InetSocketAddress(host, v.get(portKey));
        if (address.isUnresolved()) {
            ConfigKey<String> named = v.isSet(hostKey) ? hostKey : ConfigKeys.BIND_ADDRESS;
            throw new ConfigException("Configuration error: " + named.name() + " (" + v.origin(named)
                    + ") is not an address of this machine: '" + host + "'");
        }
        return address;
    }

    private static String databasePassword(ConfigValues v) {
        if (v.isSet(ConfigKeys.DB_PASSWORD) || !v.isSet(ConfigKeys.DB_PASSWORD_FILE)) {
            return v.get(ConfigKeys.DB_PASSWORD);
        }
        Path file = Path.of(v.get(ConfigKeys.DB_PASSWORD_FILE));
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigException("Configuration error: db.passwordFile (" + v.origin(ConfigKeys.DB_PASSWORD_FILE)
                    + ") cannot be read: " + file);
        }
    }
}
