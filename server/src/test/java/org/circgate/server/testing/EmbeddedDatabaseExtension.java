package org.circgate.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.circgate.server.db.Database;
import org.circgate.server.db.EmbeddedMariaDb;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real embedded MariaDB for the whole test run (not one per class) and gives each test class that asks
 * for it a fresh, migrated database of its own. Use with {@code @ExtendWith(EmbeddedDatabaseExtension.class)} and a
 * {@link TestDatabase} parameter.
 */
public final class EmbeddedDatabaseExtension implements ParameterResolver {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Server server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Server.class, k -> Server.start(), Server.class);
        String name = "it_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        server.db.createDatabase(name);
        Database.Settings settings = new Database.Settings(server.db.jdbcUrl(name), server.db.user(),
                server.db.password(), 8, Duration.ofSeconds(5), Duration.ofSeconds(30));
        // Keyed by class so each class shares its database between its tests and the pool closes with the class.
        ExtensionContext.Store store = context.getStore(ExtensionContext.Namespace.create(
                EmbeddedDatabaseExtension.class, context.getRequiredTestClass()));
        return store.getOrComputeIfAbsent("db", k -> new TestDatabase(server.db, settings, name), TestDatabase.class);
    }

    /** The shared mysqld; stopped when the root context closes at the end of the run. */
    static final class Server implements ExtensionContext.Store.CloseableResource {
        final EmbeddedMariaDb db;

        private Server(EmbeddedMariaDb db) {
            this.db = db;
        }

        static Server start() {
            // Its own directory per concurrent test run in one checkout (-Dcircgate.it.mariadbDir=...): the data
            // directory is wiped at start.
            Path dir = Path.of(System.getProperty("circgate.it.mariadbDir", "target/it-mariadb"));
            deleteRecursively(dir.resolve("data"));
            deleteRecursively(dir.resolve("credentials"));
            return new Server(EmbeddedMariaDb.start(dir, 0));
        }

        @Override
        public void close() {
            db.close();
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot clean " + path, e);
        }
    }
}
