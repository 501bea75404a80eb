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
        int maxConcurrentHashes,
        Duration hashWait,
        Duration shutdownTimeout) {

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(sip2, "sip2");
        Objects.requireNonNull(ncip, "ncip");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(hashWait, "hashWait");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("maxConcurrentHashes must be positive");
        }
    }

    /** Database settings; {@code url == null} means: run the embedded MariaDB under {@code dataDir/mariadb}. */
    public record DatabaseConfig(String url, String user, String password, int poolSize, Duration connectTimeout,
            Duration socketTimeout, Duration migrationTimeout, int readBatches, int readBatchSize,
            int sharedTransactions, int sharedTransactionSize, int embeddedPort) {
        public DatabaseConfig {
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be positive");
            }
            if (readBatches < 1 || readBatchSize < 1) {
                throw new IllegalArgumentException("readBatches and readBatchSize must be positive");
            }
            if (sharedTransactions < 1 || sharedTransactionSize < 1) {
                throw new IllegalArgumentException("sharedTransactions and sharedTransactionSize must be positive");
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

    /**
     * The SIP2 listeners and their per-connection limits.
     *
     * @param resendPurgeInterval how often resend records past {@code resendWindow} are deleted
     * @param plainEnabled        whether the plain-TCP listener on {@code address} opens
     * @param tls                 the TLS listener, or null when none is configured
     */
    public record Sip2Config(InetSocketAddress address, int maxFrameLength, Duration idleTimeout,
            Duration loginTimeout, Duration messageTimeout, int maxConnections, int maxConnectionsPerAddress,
            Duration resendWindow, Duration resendPurgeInterval, boolean plainEnabled, Sip2TlsConfig tls) {
        public Sip2Config {
            if (!plainEnabled && tls == null) {
                throw new IllegalArgumentException("no SIP2 listener: the plain one is off and TLS is not configured");
            }
        }
    }

    /**
     * The SIP2 TLS listener: PEM certificate chain and private key (PKCS#8), TLS 1.2 and 1.3 only.
     *
     * @param keyPassword password of an encrypted key, or null
     */
    public record Sip2TlsConfig(InetSocketAddress address, Path certificate, Path privateKey, String keyPassword,
            Duration handshakeTimeout) {
        public Sip2TlsConfig {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        }

        @Override
        public String toString() {
            return "Sip2TlsConfig[address=" + address + ", certificate=" + certificate + ", privateKey=" + privateKey
                    + ", keyPassword=***]";
        }
    }

    /**
     * The NCIP HTTP listener: request bodies up to {@code maxBodyBytes}, kept-alive connections closed after
     * {@code idleTimeout} of silence, a request that is not complete {@code requestTimeout} after its first byte
     * closed, at most {@code maxConnections} open.
     */
    public record NcipConfig(InetSocketAddress address, int maxBodyBytes, Duration idleTimeout,
            Duration requestTimeout, int maxConnections, boolean plainEnabled, TlsListenerConfig tls) {
        public NcipConfig {
            Objects.requireNonNull(address, "address");
            if (!plainEnabled && tls == null) {
                throw new IllegalArgumentException("no NCIP listener: the plain one is off and HTTPS is not configured");
            }
            if (maxBodyBytes < 1 || maxConnections < 1) {
                throw new IllegalArgumentException("maxBodyBytes and maxConnections must be positive");
            }
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
        }
    }

    /**
     * A TLS listener (NCIP HTTPS): PEM certificate chain and private key (PKCS#8), TLS 1.2 and 1.3 only.
     *
     * @param handshakeTimeout a client must complete the handshake within this time
     */
    public record TlsListenerConfig(InetSocketAddress address, Path certificate, Path privateKey, String keyPassword,
            Duration handshakeTimeout) {
        public TlsListenerConfig {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        }

        @Override
        public String toString() {
            return "TlsListenerConfig[address=" + address + ", certificate=" + certificate + ", privateKey="
                    + privateKey + ", keyPassword=" + (keyPassword == null ? "none" : "***") + "]";
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
                Duration.ofSeconds(v.get(ConfigKeys.DB_MIGRATION_TIMEOUT_SECONDS)),
                v.get(ConfigKeys.DB_READ_BATCHES),
                v.get(ConfigKeys.DB_READ_BATCH_SIZE),
                v.get(ConfigKeys.DB_SHARED_TRANSACTIONS),
                v.get(ConfigKeys.DB_SHARED_TRANSACTION_SIZE),
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
                Duration.ofSeconds(v.get(ConfigKeys.SIP2_RESEND_WINDOW_SECONDS)),
                Duration.ofSeconds(v.get(ConfigKeys.SIP2_RESEND_PURGE_INTERVAL_SECONDS)),
                v.get(ConfigKeys.SIP2_PLAIN_ENABLED),
                sip2Tls(v, bind));
        NcipConfig ncip = new NcipConfig(
                address(v, ConfigKeys.NCIP_HOST, bind, ConfigKeys.NCIP_PORT), v.get(ConfigKeys.NCIP_MAX_BODY_BYTES),
                Duration.ofSeconds(v.get(ConfigKeys.NCIP_IDLE_TIMEOUT_SECONDS)),
                Duration.ofSeconds(v.get(ConfigKeys.NCIP_REQUEST_TIMEOUT_SECONDS)),
                v.get(ConfigKeys.NCIP_MAX_CONNECTIONS), v.get(ConfigKeys.NCIP_PLAIN_ENABLED), ncipTls(v, bind));
        HttpListenerConfig admin = new HttpListenerConfig(
                address(v, ConfigKeys.ADMIN_HOST, bind, ConfigKeys.ADMIN_PORT), 64 * 1024);
        int hashes = v.get(ConfigKeys.SECURITY_MAX_CONCURRENT_HASHES);
        return new ServerConfig(dataDir, v.get(ConfigKeys.DEMO_LIBRARY), database, sip2, ncip, admin,
                hashes == 0 ? Runtime.getRuntime().availableProcessors() : hashes,
                Duration.ofSeconds(v.get(ConfigKeys.SECURITY_HASH_WAIT_SECONDS)),
                Duration.ofSeconds(v.get(ConfigKeys.SHUTDOWN_TIMEOUT_SECONDS)));
    }

    /** The TLS listener when both PEM files are configured; exactly one of them is a mistake worth stopping for. */
    private static Sip2TlsConfig sip2Tls(ConfigValues v, String bind) {
        boolean certificate = v.isSet(ConfigKeys.SIP2_TLS_CERTIFICATE);
        boolean key = v.isSet(ConfigKeys.SIP2_TLS_PRIVATE_KEY);
        if (!certificate && !key) {
            if (!v.get(ConfigKeys.SIP2_PLAIN_ENABLED)) {
                throw new ConfigException("Configuration error: sip2.plain.enabled (" + v.origin(
                        ConfigKeys.SIP2_PLAIN_ENABLED) + ") is false, but no TLS listener is configured "
                        + "(sip2.tls.certificate and sip2.tls.privateKey): SIP2 would have no port");
            }
            return null;
        }
        if (certificate != key) {
            ConfigKey<String> missing = certificate ? ConfigKeys.SIP2_TLS_PRIVATE_KEY : ConfigKeys.SIP2_TLS_CERTIFICATE;
            ConfigKey<String> given = certificate ? ConfigKeys.SIP2_TLS_CERTIFICATE : ConfigKeys.SIP2_TLS_PRIVATE_KEY;
            throw new ConfigException("Configuration error: " + given.name() + " (" + v.origin(given)
                    + ") is set but " + missing.name() + " is not; the TLS listener needs both PEM files");
        }
        Path certificateFile = readable(v, ConfigKeys.SIP2_TLS_CERTIFICATE);
        Path keyFile = readable(v, ConfigKeys.SIP2_TLS_PRIVATE_KEY);
        return new Sip2TlsConfig(address(v, ConfigKeys.SIP2_HOST, bind, ConfigKeys.SIP2_TLS_PORT), certificateFile,
                keyFile, v.get(ConfigKeys.SIP2_TLS_PRIVATE_KEY_PASSWORD),
                Duration.ofSeconds(v.get(ConfigKeys.SIP2_TLS_HANDSHAKE_TIMEOUT_SECONDS)));
    }

    /** The NCIP HTTPS listener when both PEM files are configured (the same rules as SIP2 TLS). */
    private static TlsListenerConfig ncipTls(ConfigValues v, String bind) {
        boolean certificate = v.isSet(ConfigKeys.NCIP_TLS_CERTIFICATE);
        boolean key = v.isSet(ConfigKeys.NCIP_TLS_PRIVATE_KEY);
        if (!certificate && !key) {
            if (!v.get(ConfigKeys.NCIP_PLAIN_ENABLED)) {
                throw new ConfigException("Configuration error: ncip.plain.enabled (" + v.origin(
                        ConfigKeys.NCIP_PLAIN_ENABLED) + ") is false, but no HTTPS listener is configured "
                        + "(ncip.tls.certificate and ncip.tls.privateKey): NCIP would have no port");
            }
            return null;
        }
        if (certificate != key) {
            ConfigKey<String> missing = certificate ? ConfigKeys.NCIP_TLS_PRIVATE_KEY : ConfigKeys.NCIP_TLS_CERTIFICATE;
            ConfigKey<String> given = certificate ? ConfigKeys.NCIP_TLS_CERTIFICATE : ConfigKeys.NCIP_TLS_PRIVATE_KEY;
            throw new ConfigException("Configuration error: " + given.name() + " (" + v.origin(given)
                    + ") is set but " + missing.name() + " is not; the HTTPS listener needs both PEM files");
        }
        return new TlsListenerConfig(address(v, ConfigKeys.NCIP_HOST, bind, ConfigKeys.NCIP_TLS_PORT),
                readable(v, ConfigKeys.NCIP_TLS_CERTIFICATE), readable(v, ConfigKeys.NCIP_TLS_PRIVATE_KEY),
                v.get(ConfigKeys.NCIP_TLS_PRIVATE_KEY_PASSWORD),
                Duration.ofSeconds(v.get(ConfigKeys.NCIP_TLS_HANDSHAKE_TIMEOUT_SECONDS)));
    }

    private static Path readable(ConfigValues v, ConfigKey<String> key) {
        Path file = Path.of(v.get(key));
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new ConfigException("Configuration error: " + key.name() + " (" + v.origin(key)
                    + ") is not a readable file: " + file);
        }
        return file;
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
