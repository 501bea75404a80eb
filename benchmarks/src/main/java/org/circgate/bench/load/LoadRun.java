package org.circgate.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.codec.Sip2ClientCodec;
import org.circgate.sip2.message.Sip2Inbound;

/**
 * One run: opens and logs in the connections (a bounded number at a time), drives the mix for warm-up plus the
 * measured duration, waits for every connection to finish its last operation, and prints the report. With
 * {@code --idle} it only logs in and holds the connections open (for measuring the server's memory per connection).
 */
final class LoadRun {
    private static final int FAILURE_SAMPLES = 20;

    private final LoadOptions options;
    private final PrintStream out;
    private final boolean epoll;
    private final EventLoopGroup group;
    private final Map<EventExecutor, LoadStats> stats = new IdentityHashMap<>();
    private final AtomicReferenceArray<LoadConnection> connections;
    private final Semaphore loginSlots;
    private final CountDownLatch loginsAnswered;
    private final AtomicInteger loginsOk = new AtomicInteger();
    private final AtomicInteger loginsFailed = new AtomicInteger();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong lostWhileRunning = new AtomicLong();
    private final Map<String, AtomicLong> failureSamples = new ConcurrentHashMap<>();
    private final AtomicLong otherFailures = new AtomicLong();
    private volatile CountDownLatch running = new CountDownLatch(0);
    private volatile long measureStart;
    private volatile long measureEnd;
    private volatile long stopAt = Long.MAX_VALUE;

    LoadRun(LoadOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.epoll = useEpoll(options.transport());
        this.group = new MultiThreadIoEventLoopGroup(options.threads(), new DefaultThreadFactory("load", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        for (EventExecutor loop : group) {
            stats.put(loop, new LoadStats());
        }
        this.connections = new AtomicReferenceArray<>(options.connections());
        this.loginSlots = new Semaphore(options.loginParallel());
        this.loginsAnswered = new CountDownLatch(options.connections());
    }

    LoadOptions options() {
        return options;
    }

    /**
     * Epoll where Netty's native transport loads: an open-loop run starts each operation on a timer, and NIO's
     * selector wakes only to the millisecond, late by up to a millisecond that the report would charge to the server.
     */
    private static boolean useEpoll(String transport) {
        return switch (transport) {
            case "nio" -> false;
            case "epoll" -> {
                Epoll.ensureAvailability();
                yield true;
            }
            default -> Epoll.isAvailable();
        };
    }

    String transportName() {
        return epoll ? "epoll" : "nio";
    }

    long stopAt() {
        return stopAt;
    }

    LoadStats statsFor(EventExecutor loop) {
        return stats.get(loop);
    }

    void run() throws InterruptedException {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleAtFixedRate(this::sweepTimeouts, 250, 250, TimeUnit.MILLISECONDS);
        try {
            String loadBefore = LoadReport.loadAverage();
            if (!openAndLogIn()) {
                return;
            }
            if (options.idle()) {
                holdIdle();
            } else {
                drive(loadBefore, sweeper);
            }
        } finally {
            sweeper.shutdownNow();
            for (int i = 0; i < connections.length(); i++) {
                LoadConnection connection = connections.get(i);
                if (connection != null && connection.channel() != null) {
                    connection.channel().close();
                }
            }
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    private boolean openAndLogIn() throws InterruptedException {
        Requests requests = new Requests(options);
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.timeout().toMillis());
        long started = System.nanoTime();
        int progressEvery = options.connections() >= 2_000 ? 1_000 : Integer.MAX_VALUE;
        for (int i = 0; i < options.connections(); i++) {
            loginSlots.acquire();
            LoadConnection connection = new LoadConnection(this, requests, i, options.connections(), options.data(),
                    0x5eed_0000L + i);
            connections.set(i, connection);
            ChannelFuture connect = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(Sip2ClientCodec.NAME, new Sip2ClientCodec(Sip2CodecSettings.DEFAULTS));
                    channel.pipeline().addLast("load", connection);
                }
            }).connect(options.host(), options.port());
            connect.addListener(f -> {
                if (!f.isSuccess()) {
                    note("connect failed: " + f.cause());
                    loginAnswered(connection, false);
                }
            });
            if ((i + 1) % progressEvery == 0) {
                out.printf("  %,d connections opened, %,d logged in%n", i + 1, loginsOk.get());
            }
        }
        loginsAnswered.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("logged in %,d of %,d connections in %.1f s (%,.0f logins/s)%n", loginsOk.get(),
                options.connections(), seconds, loginsOk.get() / seconds);
        if (loginsOk.get() == 0) {
            out.println("no connection logged in; check --login/--password/--location and the server log");
            printFailures();
            return false;
        }
        return true;
    }

    private void holdIdle() throws InterruptedException {
        out.printf("holding %,d idle logged-in connections for %d s (measure the server's heap now); load average %s%n",
                loginsOk.get(), options.duration().toSeconds(), LoadReport.loadAverage());
        long until = System.nanoTime() + options.duration().toNanos();
        while (System.nanoTime() < until) {
            Thread.sleep(Math.min(1_000, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
        long open = 0;
        for (int i = 0; i < connections.length(); i++) {
            LoadConnection connection = connections.get(i);
            if (connection != null && connection.state() == LoadConnection.State.READY) {
                open++;
            }
        }
        out.printf("%,d connections still open at the end (%,d lost)%n", open, loginsOk.get() - open);
    }

    private void drive(String loadBefore, ScheduledExecutorService sweeper) throws InterruptedException {
        List<LoadConnection> ready = new ArrayList<>();
        for (int i = 0; i < connections.length(); i++) {
            LoadConnection connection = connections.get(i);
            if (connection != null && connection.state() == LoadConnection.State.READY) {
                ready.add(connection);
            }
        }
        running = new CountDownLatch(ready.size());
        long now = System.nanoTime();
        measureStart = now + options.warmup().toNanos();
        measureEnd = measureStart + options.duration().toNanos();
        stopAt = measureEnd;
        AtomicReferenceArray<MachineCpu> cpu = new AtomicReferenceArray<>(2);
        AtomicReferenceArray<long[]> processCpu = new AtomicReferenceArray<>(2);
        sweeper.schedule(() -> {
            cpu.set(0, MachineCpu.read());
            processCpu.set(0, processNanos());
        }, measureStart - now, TimeUnit.NANOSECONDS);
        sweeper.schedule(() -> {
            cpu.set(1, MachineCpu.read());
            processCpu.set(1, processNanos());
        }, measureEnd - now, TimeUnit.NANOSECONDS);
        for (LoadConnection connection : ready) {
            connection.channel().eventLoop().execute(() -> {
                connection.start(now);
                if (connection.state() != LoadConnection.State.RUNNING
                        && connection.state() != LoadConnection.State.DONE) {
                    running.countDown();
                }
            });
        }
        long grace = options.timeout().toNanos() + TimeUnit.SECONDS.toNanos(5);
        long waitNanos = measureEnd - System.nanoTime() + grace;
        if (!running.await(waitNanos, TimeUnit.NANOSECONDS)) {
            out.printf("%,d connections did not finish in time%n", running.getCount());
        }
        String loadAfter = LoadReport.loadAverage();
        LoadStats total = new LoadStats();
        for (EventExecutor loop : group) {
            LoadStats copy = loop.submit(() -> {
                LoadStats snapshot = new LoadStats();
                snapshot.add(stats.get(loop));
                return snapshot;
            }).syncUninterruptibly().getNow();
            total.add(copy);
        }
        new LoadReport(options, ready.size(), loadBefore, loadAfter, cpu.get(0), cpu.get(1), timeouts.get(),
                lostWhileRunning.get(), transportName()).print(out, total, processCpu.get(0), processCpu.get(1));
        printFailures();
    }

    private long[] processNanos() {
        return options.cpuOf().stream().mapToLong(ProcessCpu::nanos).toArray();
    }

    void record(LoadStats into, Step step, long start, long end, Outcome outcome) {
        if (start - measureStart >= 0 && end - measureEnd <= 0) {
            into.record(step, end - start, outcome);
        }
    }

    void loginAnswered(LoadConnection connection, boolean ok) {
        (ok ? loginsOk : loginsFailed).incrementAndGet();
        loginSlots.release();
        loginsAnswered.countDown();
    }

    void finished(LoadConnection connection) {
        running.countDown();
    }

    void lost(LoadConnection connection, LoadConnection.State was) {
        switch (was) {
            case CONNECTING, LOGGING_IN -> {
                note("connection closed before its login was answered");
                loginAnswered(connection, false);
            }
            case RUNNING -> {
                lostWhileRunning.incrementAndGet();
                running.countDown();
            }
            default -> lostWhileRunning.incrementAndGet();
        }
    }

    void failed(Step step, Outcome outcome, Sip2Inbound inbound) {
        String key = step.label() + " " + outcome + ": " + Outcome.screenMessage(inbound);
        note(key);
    }

    void note(String what) {
        AtomicLong count = failureSamples.get(what);
        if (count == null && failureSamples.size() >= FAILURE_SAMPLES) {
            otherFailures.incrementAndGet();
            return;
        }
        failureSamples.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private void printFailures() {
        if (failureSamples.isEmpty()) {
            return;
        }
        out.println("failures and notes (whole run, warm-up included):");
        failureSamples.forEach((what, count) -> out.printf("  %,10d  %s%n", count.get(), what));
        if (otherFailures.get() > 0) {
            out.printf("  %,10d  others%n", otherFailures.get());
        }
    }

    private void sweepTimeouts() {
        long now = System.nanoTime();
        long limit = options.timeout().toNanos();
        for (int i = 0; i < connections.length(); i++) {
            LoadConnection connection = connections.get(i);
            if (connection == null) {
                continue;
            }
            long since = connection.waitingSince();
            if (since != 0 && now - since > limit && connection.channel() != null && connection.giveUp()) {
                timeouts.incrementAndGet();
                note("no answer within " + options.timeout().toMillis() + " ms, connection closed: "
                        + connection.waitingFor());
                connection.channel().close();
            }
        }
    }
}
