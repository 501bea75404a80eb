package org.circgate.server.config;

import java.util.List;

/**
 * Every configuration key circgate reads, with its default. The README's configuration reference lists the same keys;
 * {@code ConfigKeysTest} keeps the two in step.
 */
public final class ConfigKeys {
    private ConfigKeys() {
    }

    public static final ConfigKey<String> DATA_DIR = ConfigKey.string("data.dir", "./data",
            "Directory for the embedded database and other local state.");
    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.string("bind.address", "127.0.0.1",
            "Address all listeners bind to unless a listener sets its own host (0.0.0.0 = every interface).");
    public static final ConfigKey<Boolean> DEMO_LIBRARY = ConfigKey.bool("demo.library", true,
            "Load the demo library on first start with an empty embedded database.");

    public static final ConfigKey<String> DB_URL = ConfigKey.string("db.url", null,
            "JDBC URL of an external MariaDB (jdbc:mariadb://host:3306/circgate). Unset: start an embedded MariaDB.");
    public static final ConfigKey<String> DB_USER = ConfigKey.string("db.user", "circgate",
            "Database user for db.url.");
    public static final ConfigKey<String> DB_PASSWORD = ConfigKey.secret("db.password",
            "Database password for db.url (never logged).");
    public static final ConfigKey<String> DB_PASSWORD_FILE = ConfigKey.string("db.passwordFile", null,
            "File holding the database password (for container secrets); used when db.password is unset.");
    public static final ConfigKey<Integer> DB_POOL_SIZE = ConfigKey.integer("db.poolSize", 16, 1, 500,
            "Maximum database connections; also sizes the SIP2 worker pool.");
    public static final ConfigKey<Integer> DB_CONNECT_TIMEOUT_MS = ConfigKey.integer("db.connectTimeoutMs", 5_000,
            250, 120_000, "Time to wait for a pooled connection or a new TCP connection to the database.");
    public static final ConfigKey<Integer> DB_SOCKET_TIMEOUT_MS = ConfigKey.integer("db.socketTimeoutMs", 15_000,
            1_000, 600_000, "Longest wait for one database answer before the statement fails.");
    public static final ConfigKey<Integer> DB_MIGRATION_TIMEOUT_SECONDS = ConfigKey.integer(
            "db.migrationTimeoutSeconds", 3_600, 60, 86_400,
            "Longest wait for one statement of a schema migration at start (a new version may rewrite large tables).");
    public static final ConfigKey<Integer> DB_READ_BATCHES = ConfigKey.integer("db.readBatches", 2, 1, 500,
            "Patron lookups (23, 63, PIN checks) arriving together share one statement; at most this many such "
                    + "statements run at once.");
    public static final ConfigKey<Integer> DB_READ_BATCH_SIZE = ConfigKey.integer("db.readBatchSize", 64, 1, 1_000,
            "Most patron lookups answered by one shared statement.");
    public static final ConfigKey<Integer> DB_SHARED_TRANSACTIONS = ConfigKey.integer("db.sharedTransactions", 2, 1,
            500, "SIP2 checkouts and checkins arriving together share a transaction; at most this many such "
                    + "transactions run at once.");
    public static final ConfigKey<Integer> DB_SHARED_TRANSACTION_SIZE = ConfigKey.integer(
            "db.sharedTransactionSize", 16, 1, 1_000,
            "Most SIP2 checkouts and checkins in one shared transaction (1: each in a transaction of its own).");
    public static final ConfigKey<Integer> DB_EMBEDDED_PORT = ConfigKey.port("db.embeddedPort", 0,
            "TCP port of the embedded MariaDB on 127.0.0.1 (0 = any free port).");

    public static final ConfigKey<String> SIP2_HOST = ConfigKey.string("sip2.host", null,
            "Address of the SIP2 listener (default: bind.address).");
    public static final ConfigKey<Integer> SIP2_PORT = ConfigKey.port("sip2.port", 6001, "SIP2 TCP port.");
    public static final ConfigKey<Integer> SIP2_MAX_FRAME_LENGTH = ConfigKey.integer("sip2.maxFrameLength", 4_096,
            64, 1_048_576, "Longest SIP2 message in bytes; a longer one closes the connection.");
    public static final ConfigKey<Integer> SIP2_IDLE_TIMEOUT_SECONDS = ConfigKey.integer("sip2.idleTimeoutSeconds",
            900, 10, 86_400, "Close a SIP2 connection that sent nothing for this long (kiosks heartbeat every 5-7 min).");
    public static final ConfigKey<Integer> SIP2_LOGIN_TIMEOUT_SECONDS = ConfigKey.integer("sip2.loginTimeoutSeconds",
            60, 1, 3_600, "A SIP2 connection must log in (93) within this time.");
    public static final ConfigKey<Integer> SIP2_MESSAGE_TIMEOUT_SECONDS = ConfigKey.integer(
            "sip2.messageTimeoutSeconds", 30, 1, 3_600,
            "A SIP2 message must be complete this long after its first byte (slow-drip clients are closed).");
    public static final ConfigKey<Integer> SIP2_MAX_CONNECTIONS = ConfigKey.integer("sip2.maxConnections", 10_000,
            1, 1_000_000, "Most SIP2 connections open at once.");
    public static final ConfigKey<Integer> SIP2_MAX_CONNECTIONS_PER_ADDRESS = ConfigKey.integer(
            "sip2.maxConnectionsPerAddress", 200, 1, 1_000_000, "Most SIP2 connections from one source address.");

    public static final ConfigKey<Boolean> SIP2_PLAIN_ENABLED = ConfigKey.bool("sip2.plain.enabled", true,
            "Open the plain-TCP SIP2 listener on sip2.port. Turn off once every kiosk speaks TLS (or uses stunnel).");
    public static final ConfigKey<Integer> SIP2_TLS_PORT = ConfigKey.port("sip2.tls.port", 6443,
            "SIP2 over TLS port; the TLS listener opens when sip2.tls.certificate and sip2.tls.privateKey are set.");
    public static final ConfigKey<String> SIP2_TLS_CERTIFICATE = ConfigKey.string("sip2.tls.certificate", null,
            "PEM file with the SIP2 TLS server certificate (chain, leaf first). Unset: no TLS listener.");
    public static final ConfigKey<String> SIP2_TLS_PRIVATE_KEY = ConfigKey.string("sip2.tls.privateKey", null,
            "PEM file with the private key of sip2.tls.certificate (PKCS#8; encrypted keys need the password key).");
    public static final ConfigKey<String> SIP2_TLS_PRIVATE_KEY_PASSWORD = ConfigKey.secret(
            "sip2.tls.privateKeyPassword", "Password of an encrypted sip2.tls.privateKey (never logged).");
    public static final ConfigKey<Integer> SIP2_TLS_HANDSHAKE_TIMEOUT_SECONDS = ConfigKey.integer(
            "sip2.tls.handshakeTimeoutSeconds", 10, 1, 300,
            "A TLS client must finish the handshake within this time, else the connection closes (tls_failure).");

    public static final ConfigKey<Integer> SIP2_RESEND_WINDOW_SECONDS = ConfigKey.integer("sip2.resendWindowSeconds",
            900, 10, 604_800, "How long the answer to a checkout, checkin, renew, ... is kept to replay an exact resend.");
    public static final ConfigKey<Integer> SIP2_RESEND_PURGE_INTERVAL_SECONDS = ConfigKey.integer(
            "sip2.resendPurgeIntervalSeconds", 60, 1, 3_600,
            "How often resend records past the window are deleted (on a thread of their own, never a kiosk's).");

    public static final ConfigKey<String> NCIP_HOST = ConfigKey.string("ncip.host", null,
            "Address of the NCIP HTTP listener (default: bind.address).");
    public static final ConfigKey<Integer> NCIP_PORT = ConfigKey.port("ncip.port", 8080, "NCIP HTTP port.");
    public static final ConfigKey<Integer> NCIP_MAX_BODY_BYTES = ConfigKey.integer("ncip.maxBodyBytes", 1_048_576,
            1_024, 67_108_864, "Largest NCIP request body; larger requests get HTTP 413.");
    public static final ConfigKey<Boolean> NCIP_PLAIN_ENABLED = ConfigKey.bool("ncip.plain.enabled", true,
            "Open the plain HTTP NCIP port; set false to serve NCIP over HTTPS only.");
    public static final ConfigKey<Integer> NCIP_TLS_PORT = ConfigKey.port("ncip.tls.port", 8443,
            "NCIP over HTTPS port; the HTTPS listener opens when ncip.tls.certificate and ncip.tls.privateKey are set.");
    public static final ConfigKey<String> NCIP_TLS_CERTIFICATE = ConfigKey.string("ncip.tls.certificate", null,
            "PEM file with the NCIP HTTPS server certificate chain (may be the same files as sip2.tls.*).");
    public static final ConfigKey<String> NCIP_TLS_PRIVATE_KEY = ConfigKey.string("ncip.tls.privateKey", null,
            "PEM file with the private key of ncip.tls.certificate (PKCS#8; encrypted keys need the password key).");
    public static final ConfigKey<String> NCIP_TLS_PRIVATE_KEY_PASSWORD = ConfigKey.secret(
            "ncip.tls.privateKeyPassword", "Password of an encrypted ncip.tls.privateKey (never logged).");
    public static final ConfigKey<Integer> NCIP_TLS_HANDSHAKE_TIMEOUT_SECONDS = ConfigKey.integer(
            "ncip.tls.handshakeTimeoutSeconds", 10, 1, 300,
            "An HTTPS client must finish the TLS handshake within this time, else the connection closes (tls_failure).");
    public static final ConfigKey<Integer> NCIP_IDLE_TIMEOUT_SECONDS = ConfigKey.integer("ncip.idleTimeoutSeconds", 60,
            1, 3_600, "Close a kept-alive NCIP connection that sent nothing for this long.");
    public static final ConfigKey<Integer> NCIP_REQUEST_TIMEOUT_SECONDS = ConfigKey.integer(
            "ncip.requestTimeoutSeconds", 30, 1, 600,
            "An NCIP request must be complete this long after its first byte (slow-drip clients are closed).");
    public static final ConfigKey<Integer> NCIP_MAX_CONNECTIONS = ConfigKey.integer("ncip.maxConnections", 1_000, 1,
            100_000, "Most NCIP HTTP connections open at once; more are closed on accept.");

    public static final ConfigKey<String> ADMIN_HOST = ConfigKey.string("admin.host", null,
            "Address of the admin HTTP listener (default: bind.address).");
    public static final ConfigKey<Integer> ADMIN_PORT = ConfigKey.port("admin.port", 9090,
            "Admin HTTP port: /health/live, /health/ready, /metrics.");

    public static final ConfigKey<Integer> SECURITY_MAX_CONCURRENT_HASHES = ConfigKey.integer(
            "security.maxConcurrentHashes", 0, 0, 1_024, "Password and PIN hashes (Argon2id) computed at once; each "
                    + "holds 19 MiB of heap while it runs and the rest wait their turn (0 = one per CPU); also the "
                    + "number of SIP2 login threads.");
    public static final ConfigKey<Integer> SECURITY_HASH_WAIT_SECONDS = ConfigKey.integer("security.hashWaitSeconds", 10,
            1, 300, "Longest a password or PIN check waits for its turn to hash; past it the request is refused as "
                    + "\"System unavailable\" (a burst of PIN checks larger than the machine can hash in time), "
                    + "never counted as a wrong PIN.");
    public static final ConfigKey<Integer> SHUTDOWN_TIMEOUT_SECONDS = ConfigKey.integer("shutdown.timeoutSeconds", 25,
            1, 3_600, "Upper bound for a graceful stop (drain, close listeners, pool and embedded database).");

    public static final List<ConfigKey<?>> ALL = List.of(
            DATA_DIR, BIND_ADDRESS, DEMO_LIBRARY,
            DB_URL, DB_USER, DB_PASSWORD, DB_PASSWORD_FILE, DB_POOL_SIZE, DB_CONNECT_TIMEOUT_MS, DB_SOCKET_TIMEOUT_MS,
            DB_MIGRATION_TIMEOUT_SECONDS,
            DB_READ_BATCHES, DB_READ_BATCH_SIZE, DB_SHARED_TRANSACTIONS, DB_SHARED_TRANSACTION_SIZE,
            DB_EMBEDDED_PORT,
            SIP2_HOST, SIP2_PORT, SIP2_MAX_FRAME_LENGTH, SIP2_IDLE_TIMEOUT_SECONDS, SIP2_LOGIN_TIMEOUT_SECONDS,
            SIP2_MESSAGE_TIMEOUT_SECONDS, SIP2_MAX_CONNECTIONS, SIP2_MAX_CONNECTIONS_PER_ADDRESS,
            SIP2_PLAIN_ENABLED, SIP2_TLS_PORT, SIP2_TLS_CERTIFICATE, SIP2_TLS_PRIVATE_KEY,
            SIP2_TLS_PRIVATE_KEY_PASSWORD, SIP2_TLS_HANDSHAKE_TIMEOUT_SECONDS,
            SIP2_RESEND_WINDOW_SECONDS, SIP2_RESEND_PURGE_INTERVAL_SECONDS,
            NCIP_HOST, NCIP_PORT, NCIP_MAX_BODY_BYTES, NCIP_IDLE_TIMEOUT_SECONDS, NCIP_REQUEST_TIMEOUT_SECONDS,
            NCIP_MAX_CONNECTIONS, NCIP_PLAIN_ENABLED, NCIP_TLS_PORT, NCIP_TLS_CERTIFICATE, NCIP_TLS_PRIVATE_KEY,
            NCIP_TLS_PRIVATE_KEY_PASSWORD, NCIP_TLS_HANDSHAKE_TIMEOUT_SECONDS,
            ADMIN_HOST, ADMIN_PORT,
            SECURITY_MAX_CONCURRENT_HASHES, SECURITY_HASH_WAIT_SECONDS,
            SHUTDOWN_TIMEOUT_SECONDS);
}
