package org.circgate.server.testing;

import org.circgate.server.db.Database;
import org.circgate.server.db.EmbeddedMariaDb;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A fresh database on the shared embedded MariaDB, private to one test class. */
public final class TestDatabase implements ExtensionContext.Store.CloseableResource {
    private final EmbeddedMariaDb server;
    private final Database.Settings settings;
    private final String name;
    private Database opened;

    TestDatabase(EmbeddedMariaDb server, Database.Settings settings, String name) {
        this.server = server;
        this.settings = settings;
        this.name = name;
    }

    /** Connection settings for this database (the server under test opens its own pool with them). */
    public Database.Settings settings() {
        return settings;
    }

    public String name() {
        return name;
    }

    public EmbeddedMariaDb server() {
        return server;
    }

    /** A migrated pool on this database, opened once and closed with the test class. */
    public synchronized Database database() {
        if (opened == null) {
            opened = Database.open(settings, null);
        }
        return opened;
    }

    @Override
    public synchronized void close() {
        if (opened != null) {
            opened.close();
        }
    }
}
