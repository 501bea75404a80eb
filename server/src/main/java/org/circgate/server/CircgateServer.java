package org.circgate.server;

import io.micrometer.core.instrument.binder.netty4.NettyEventExecutorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.circgate.server.account.SipAccountRepository;
import org.circgate.server.admin.AdminServer;
import org.circgate.server.circulation.AuditLog;
import org.circgate.server.circulation.CirculationFacts;
import org.circgate.server.circulation.CirculationService;
import org.circgate.server.circulation.HoldService;
import org.circgate.server.circulation.InstitutionRepository;
import org.circgate.server.circulation.PatronAuthenticator;
import org.circgate.server.circulation.PatronLookups;
import org.circgate.server.circulation.PatronPseudonyms;
import org.circgate.server.circulation.PolicyCatalog;
import org.circgate.server.circulation.RenewalService;
import org.circgate.server.circulation.TemporaryItemService;
import org.circgate.server.admin.Health;
import org.circgate.server.config.ServerConfig;
import org.circgate.server.importer.DataImporter;
import org.circgate.server.lifecycle.Listener;
import org.circgate.server.lifecycle.Housekeeping;
import org.circgate.server.lifecycle.NettyResources;
import org.circgate.server.lifecycle.StartupException;
import org.circgate.server.metrics.PrometheusRegistry;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.ncip.NcipListener;
import org.circgate.server.ncip.NcipLookups;
import org.circgate.server.ncip.NcipServices;
import org.circgate.server.ncip.agency.NcipAgencies;
import org.circgate.server.ncip.agency.NcipAgencyRepository;
import org.circgate.server.sip2.Sip2Listener;
import org.circgate.server.sip2.SharedTransactions;
import org.circgate.server.sip2.Sip2Resends;
import org.circgate.server.sip2.Sip2Services;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running circgate: database, listeners, admin port. {@link #close()} stops it in order within the configured
 * bound: readiness off, stop accepting, let in-flight requests finish, close connections, stop the threads, close the
 * pool, stop the embedded database, and last the admin port.
 */
public final class CircgateServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CircgateServer.class);
    public static final String DEMO_LIBRARY = "/org/circgate/server/demo-library.json";

    private final ServerConfig config;
    private final DatabaseRuntime database;
    private final NettyResources netty;
    private final PatronLookups lookups;
    private final SharedTransactions shared;
    private final Housekeeping housekeeping;
    private final List<Listener> listeners;
    private final Health health;
    private final ServerMetrics metrics;
    private final AdminServer admin;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);

    private CircgateServer(ServerConfig config, DatabaseRuntime database, NettyResources netty, PatronLookups lookups,
            SharedTransactions shared, Housekeeping housekeeping, List<Listener> listeners, Health health,
            ServerMetrics metrics, AdminServer admin) {
        this.config = config;
        this.database = database;
        this.netty = netty;
        this.lookups = lookups;
        this.shared = shared;
        this.housekeeping = housekeeping;
        this.listeners = listeners;
        this.health = health;
        this.metrics = metrics;
        this.admin = admin;
    }

    public static CircgateServer start(ServerConfig config) {
        return start(config, UnaryOperator.identity());
    }

    /** As {@link #start(ServerConfig)}; tests wrap the pool with {@code databaseDecorator} to inject failures. */
    public static CircgateServer start(ServerConfig config, UnaryOperator<DataSource> databaseDecorator) {
        PrometheusMeterRegistry registry = PrometheusRegistry.create();
        ServerMetrics metrics = new ServerMetrics(registry, BuildInfo.version(), BuildInfo.revision());
        PrometheusRegistry.bindRuntime(registry);

        DatabaseRuntime database = DatabaseRuntime.open(config, registry, metrics::transactionRetried,
                databaseDecorator);
        NettyResources netty = null;
        PatronLookups lookups = null;
        SharedTransactions shared = null;
        List<Listener> listeners = new ArrayList<>();
        Health health = null;
        AdminServer admin = null;
        Housekeeping housekeeping = new Housekeeping();
        try {
            boolean demoLoaded = loadDemoLibraryIfEmpty(config, database);
            netty = new NettyResources(Math.max(2, Runtime.getRuntime().availableProcessors()),
                    config.database().poolSize() * 2, config.maxConcurrentHashes());
            new NettyEventExecutorMetrics(netty.ioLoops()).bindTo(registry);
            netty.bindMetrics(registry);
            NettyResources loops = netty;
            health = new Health(() -> database.database().isReachable(Duration.ofSeconds(1)),
                    () -> loops.loopsAnswer(Duration.ofSeconds(1)), Duration.ofSeconds(1));
            Health readiness = health;
            metrics.bindReadiness(readiness::lastKnownReady);
            admin = AdminServer.start(config.admin().address(), health, registry);
            Clock clock = Clock.systemUTC();
            CirculationFacts facts = new CirculationFacts();
            PatronPseudonyms pseudonyms = database.transactions().inTransaction(PatronPseudonyms::load);
            CirculationService circulation = new CirculationService(new PolicyCatalog(clock, Duration.ofSeconds(30)),
                    facts, new AuditLog(), pseudonyms, clock);
            PatronAuthenticator authenticator = new PatronAuthenticator(database.transactions(), database.hasher(),
                    facts.patrons(), metrics, clock);
            lookups = new PatronLookups(database.transactions(), circulation, config.database().readBatches(),
                    config.database().readBatchSize());
            shared = new SharedTransactions(database.transactions(), circulation.facts(), metrics,
                    config.database().sharedTransactions(), config.database().sharedTransactionSize());
            Sip2Services services = sip2Services(config, database, metrics, netty, circulation, lookups,
                    authenticator, shared);
            listeners.addAll(Sip2Listener.start(config.sip2(), netty, services));
            listeners.addAll(NcipListener.start(config.ncip(), netty,
                    ncipServices(database, metrics, netty, circulation, authenticator)));
            housekeeping.every(config.sip2().resendPurgeInterval(), () -> purgeResends(services));
            health.listenersBound(true);
            CircgateServer server = new CircgateServer(config, database, netty, lookups, shared, housekeeping,
                    listeners, health, metrics, admin);
            server.announce(demoLoaded);
            health.ready();
            return server;
        } catch (IOException | RuntimeException e) {
            for (Listener listener : listeners) {
                listener.stopAccepting();
            }
            housekeeping.shutdown(Duration.ofSeconds(2));
            if (netty != null) {
                netty.shutdown(Duration.ofSeconds(2));
            }
            if (lookups != null) {
                lookups.close();
            }
            if (shared != null) {
                shared.close();
            }
            if (admin != null) {
                admin.close();
            }
            if (health != null) {
                health.close();
            }
            database.close();
            if (e instanceof IOException) {
                throw new StartupException("Admin port " + config.admin().address() + " cannot be opened: "
                        + e.getMessage(), e);
            }
            throw (RuntimeException) e;
        }
    }

    private static Sip2Services sip2Services(ServerConfig config, DatabaseRuntime database, ServerMetrics metrics,
            NettyResources netty, CirculationService circulation, PatronLookups lookups,
            PatronAuthenticator authenticator, SharedTransactions shared) {
        return new Sip2Services(database.transactions(), database.hasher(), metrics, circulation.clock(),
                netty.sip2Workers(), netty.sip2LoginWorkers(), new SipAccountRepository(), new InstitutionRepository(),
                circulation, lookups, authenticator, config.sip2().resendWindow(), shared);
    }

    /** NCIP uses the same circulation core and PIN checks as SIP2; agencies are cached for 30 s. */
    private static NcipServices ncipServices(DatabaseRuntime database, ServerMetrics metrics, NettyResources netty,
            CirculationService circulation, PatronAuthenticator authenticator) {
        Clock clock = circulation.clock();
        NcipAgencies agencies = new NcipAgencies(database.transactions(),
                new NcipAgencyRepository(new InstitutionRepository()), clock, Duration.ofSeconds(30));
        return new NcipServices(database.transactions(), metrics, clock, netty.workers(), agencies, circulation,
                authenticator, new RenewalService(circulation), new HoldService(circulation),
                new TemporaryItemService(circulation), new NcipLookups());
    }

    private static void purgeResends(Sip2Services services) {
        try {
            Sip2Resends.purge(services);
        } catch (RuntimeException e) {
            log.warn("Purging old SIP2 resend records failed: {}", e.getMessage());
        }
    }

    private static boolean loadDemoLibraryIfEmpty(ServerConfig config, DatabaseRuntime database) {
        if (!config.loadDemoLibrary() || !database.isEmbedded() || !database.isEmpty()) {
            return false;
        }
        try (InputStream demo = CircgateServer.class.getResourceAsStream(DEMO_LIBRARY)) {
            if (demo == null) {
                throw new IllegalStateException("demo library resource missing from the build");
            }
            new DataImporter(database.transactions(), database.hasher()).importFrom(demo, "demo library");
            return true;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo library", e);
        }
    }

    private void announce(boolean demoLoaded) {
        StringBuilder where = new StringBuilder();
        for (Listener listener : listeners) {
            where.append(listener.name()).append(" on ").append(hostPort(listener.address())).append(", ");
        }
        log.info("circgate {} ready: {}admin on http://{}/health/ready, database: {}", BuildInfo.version(), where,
                hostPort(admin.address()), database.describe());
        if (demoLoaded) {
            log.info("Demo library loaded. Try the demo kiosk: login 'kiosk', password 'kiosk', location 'MAIN' "
                    + "(printf '9300CNkiosk|COkiosk|CPMAIN|\\r9900302.00\\r' | nc -q 2 {} {}). "
                    + "Change or remove it before real use.",
                    sip2Address().getHostString(), sip2Address().getPort());
            NcipListener ncip = (NcipListener) listener(NcipListener.class);
            demoNcipKey().ifPresent(key -> log.info("Demo NCIP agency 'DEMO-ILL', API key '{}': POST NCIP messages "
                    + "to {}://{}/ncip/{} (README.md, section NCIP, has a LookupUser to try). "
                    + "Change or remove it before real use.", key, ncip.tls() ? "https" : "http",
                    hostPort(ncip.address()), key));
        }
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    /** The first SIP2 listener: the plain one, or the TLS one when plain TCP is off. */
    public InetSocketAddress sip2Address() {
        return listener(Sip2Listener.class).address();
    }

    /** The SIP2 TLS listener's address, when one is configured. */
    public java.util.Optional<InetSocketAddress> sip2TlsAddress() {
        return listeners.stream().filter(l -> l instanceof Sip2Listener sip2 && sip2.tls()).findFirst()
                .map(Listener::address);
    }

    /** The plain HTTP NCIP listener's address. */
    public InetSocketAddress ncipAddress() {
        return listeners.stream().filter(l -> l instanceof NcipListener ncip && !ncip.tls()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no plain NCIP listener")).address();
    }

    /** The NCIP HTTPS listener's address, when one is configured. */
    public java.util.Optional<InetSocketAddress> ncipTlsAddress() {
        return listeners.stream().filter(l -> l instanceof NcipListener ncip && ncip.tls()).findFirst()
                .map(Listener::address);
    }

    private Listener listener(Class<? extends Listener> type) {
        return listeners.stream().filter(type::isInstance).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName()));
    }

    /** The demo agency's API key, read from the demo library so the two never disagree. */
    private static java.util.Optional<String> demoNcipKey() {
        try (InputStream demo = CircgateServer.class.getResourceAsStream(DEMO_LIBRARY)) {
            com.fasterxml.jackson.databind.JsonNode key = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(demo).at("/institutions/0/ncipAgencies/0/apiKey");
            return key.isTextual() ? java.util.Optional.of(key.asText()) : java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    public InetSocketAddress adminAddress() {
        return admin.address();
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    public DatabaseRuntime database() {
        return database;
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitTermination() {
        try {
            terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops within {@code shutdown.timeoutSeconds}: readiness off (load balancers stop sending), stop accepting,
     * drain every listener in parallel (in-flight requests finish, connections close at message boundaries), stop
     * the threads, close the pool and stop the embedded database, close the admin port. The drain may use the bound
     * less a reserve kept for the steps after it; a step still running at the bound is abandoned with a warning so
     * the process exits in time.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            awaitTermination();
            return;
        }
        long started = System.nanoTime();
        Duration bound = config.shutdownTimeout();
        Instant deadline = Instant.now().plus(bound);
        Instant drainDeadline = deadline.minus(stopReserve(bound));
        log.info("circgate stopping (bound {} s): readiness off, draining connections", bound.toSeconds());
        try {
            health.draining(true);
            metrics.draining(true);
            listeners.forEach(Listener::stopAccepting);
            drainAll(drainDeadline);
            housekeeping.shutdown(remaining(deadline).dividedBy(4));
            netty.shutdown(remaining(deadline).dividedBy(2));
            lookups.close(remaining(deadline).dividedBy(2));
            shared.close(remaining(deadline).dividedBy(2));
            withinBound("database", database::close, deadline);
            admin.close();
            health.close();
            log.info("circgate stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            terminated.countDown();
        }
    }

    /** Time kept after the drain for threads, pool and embedded database: a fifth of the bound, 1 to 5 s. */
    static Duration stopReserve(Duration bound) {
        Duration fifth = bound.dividedBy(5);
        Duration min = Duration.ofSeconds(1);
        Duration max = Duration.ofSeconds(5);
        return fifth.compareTo(min) < 0 ? min : fifth.compareTo(max) > 0 ? max : fifth;
    }

    private void drainAll(Instant drainDeadline) {
        List<Thread> drains = new ArrayList<>();
        for (Listener listener : listeners) {
            Thread drain = new Thread(() -> listener.drain(drainDeadline), "circgate-drain-" + listener.name());
            drain.setDaemon(true);
            drain.start();
            drains.add(drain);
        }
        for (Thread drain : drains) {
            joinUntil(drain, drainDeadline.plusSeconds(1));
        }
    }

    private static void withinBound(String what, Runnable step, Instant deadline) {
        Thread thread = new Thread(step, "circgate-stop-" + what);
        thread.setDaemon(true);
        thread.start();
        if (!joinUntil(thread, deadline)) {
            log.warn("Stopping the {} did not finish within the shutdown bound; exiting anyway", what);
        }
    }

    /** Waits for {@code thread} until {@code deadline}; true when it finished. */
    private static boolean joinUntil(Thread thread, Instant deadline) {
        try {
            thread.join(Math.max(1, remaining(deadline).toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
