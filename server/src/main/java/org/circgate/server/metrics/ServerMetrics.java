package org.circgate.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.circgate.policy.Decision;
import org.circgate.policy.Reason;
import org.circgate.server.db.Transactions;

/**
 * The one place meters are named (see docs/metrics.md). Every label value comes from a closed set chosen by the
 * caller's code path, never from request content, so series stay bounded.
 */
public final class ServerMetrics {
    /** Where a request came in. */
    public enum Interface {
        SIP2, NCIP;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a request ended. */
    public enum Outcome {
        OK, DENIED, INVALID, ERROR;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the User Standing Map decided for the request, if anything. */
    public enum MapAction {
        ALLOW, WARN, DENY, OVERRIDE_DENIED, NONE;

        /** The label of a policy decision, the same for SIP2 and NCIP; NONE when no decision was made. */
        public static MapAction of(Decision decision) {
            if (decision == null) {
                return NONE;
            }
            return switch (decision.outcome()) {
                case ALLOWED -> ALLOW;
                case ALLOWED_WITH_WARNING -> WARN;
                case OVERRIDE_REQUIRED -> OVERRIDE_DENIED;
                case DENIED -> decision.has(Reason.OVERRIDE_NOT_AVAILABLE) ? OVERRIDE_DENIED : DENY;
            };
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a connection closed. */
    public enum CloseReason {
        CLIENT, IDLE, LOGIN_DEADLINE, MESSAGE_DEADLINE, FRAME_TOO_LONG, TLS_FAILURE, ADDRESS_DENIED, CONNECTION_LIMIT,
        DRAIN, ERROR;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a SIP2 frame was not acted on. */
    public enum FrameRejection {
        TOO_LONG, BAD_CHECKSUM, UNKNOWN_COMMAND, MALFORMED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which credential failed. */
    public enum AuthKind {
        TERMINAL_LOGIN, PATRON_PIN, NCIP_API_KEY;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why it failed. */
    public enum AuthFailure {
        BAD_CREDENTIALS, UNKNOWN, LOCKED, THROTTLED, ADDRESS_DENIED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> activeConnections = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    public ServerMetrics(MeterRegistry registry, String version, String revision) {
        this.registry = registry;
        Gauge.builder("circgate.build.info", () -> 1).description("Build information")
                .tags("version", version, "revision", revision).register(registry);
        Gauge.builder("circgate.draining", draining, d -> d.get() ? 1 : 0)
                .description("1 while a graceful drain is in progress").register(registry);
        for (Interface iface : Interface.values()) {
            for (String listener : new String[] {"plain", "tls"}) {
                connectionGauge(iface, listener);
                counter("circgate.connections.opened", "interface", iface.label(), "listener", listener);
                for (CloseReason reason : CloseReason.values()) {
                    counter("circgate.connections.closed", "interface", iface.label(), "listener", listener,
                            "reason", reason.label());
                }
            }
        }
        for (FrameRejection reason : FrameRejection.values()) {
            counter("circgate.sip2.frames.rejected", "reason", reason.label());
        }
        counter("circgate.sip2.resend.requests.sent");
        for (AuthKind kind : AuthKind.values()) {
            counter("circgate.auth.lockouts", "kind", kind.label());
            for (AuthFailure failure : AuthFailure.values()) {
                counter("circgate.auth.failures", "kind", kind.label(), "reason", failure.label());
            }
        }
        for (Transactions.RetryCause cause : Transactions.RetryCause.values()) {
            counter("circgate.db.tx.retries", "cause", cause.name().toLowerCase(Locale.ROOT));
        }
        counter("circgate.sip2.shared.transactions");
        counter("circgate.sip2.shared.transaction.requests");
        counter("circgate.sip2.shared.transaction.failures");
    }

    /** A shared transaction committed {@code requests} checkouts and checkins. */
    public void sharedTransaction(int requests) {
        counter("circgate.sip2.shared.transactions").increment();
        counter("circgate.sip2.shared.transaction.requests").increment(requests);
    }

    /** A shared transaction failed; its requests were each run again in a transaction of their own. */
    public void sharedTransactionFailed() {
        counter("circgate.sip2.shared.transaction.failures").increment();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Publishes readiness as the {@code circgate_ready} gauge. */
    public void bindReadiness(BooleanSupplier ready) {
        // Strong reference: Micrometer holds gauge state weakly, and nothing else keeps this lambda alive.
        Gauge.builder("circgate.ready", ready, r -> r.getAsBoolean() ? 1 : 0).strongReference(true)
                .description("1 when /health/ready answers 200").register(registry);
    }

    public void request(Interface iface, String command, Outcome outcome, MapAction action, long nanos) {
        String key = iface.label() + '|' + command + '|' + outcome.label() + '|' + action.label();
        timers.computeIfAbsent(key, k -> Timer.builder("circgate.request.duration")
                .description("Answered requests by interface, command, outcome and map action")
                .tags(Tags.of("interface", iface.label(), "command", command, "outcome", outcome.label(),
                        "action", action.label()))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void connectionOpened(Interface iface, String listener) {
        connectionGauge(iface, listener).incrementAndGet();
        counter("circgate.connections.opened", "interface", iface.label(), "listener", listener).increment();
    }

    public void connectionClosed(Interface iface, String listener, CloseReason reason) {
        connectionGauge(iface, listener).decrementAndGet();
        counter("circgate.connections.closed", "interface", iface.label(), "listener", listener,
                "reason", reason.label()).increment();
    }

    public void frameRejected(FrameRejection reason) {
        counter("circgate.sip2.frames.rejected", "reason", reason.label()).increment();
    }

    public void resendRequestSent() {
        counter("circgate.sip2.resend.requests.sent").increment();
    }

    /** Registers the replay counter of a command at zero, so the first replay shows in {@code rate()}. */
    public void declareResendReplays(String command) {
        counter("circgate.sip2.resends.replayed", "command", command);
    }

    public void resendReplayed(String command) {
        counter("circgate.sip2.resends.replayed", "command", command).increment();
    }

    public void authFailure(AuthKind kind, AuthFailure failure) {
        counter("circgate.auth.failures", "kind", kind.label(), "reason", failure.label()).increment();
    }

    public void lockout(AuthKind kind) {
        counter("circgate.auth.lockouts", "kind", kind.label()).increment();
    }

    public void transactionRetried(Transactions.RetryCause cause) {
        counter("circgate.db.tx.retries", "cause", cause.name().toLowerCase(Locale.ROOT)).increment();
    }

    public void ncipHttpResponse(int status) {
        counter("circgate.ncip.http.responses", "status", Integer.toString(status)).increment();
    }

    public void draining(boolean value) {
        draining.set(value);
    }

    private AtomicInteger connectionGauge(Interface iface, String listener) {
        return activeConnections.computeIfAbsent(iface.label() + '|' + listener, k -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("circgate.connections.active", value, AtomicInteger::get)
                    .description("Open connections").tags("interface", iface.label(), "listener", listener)
                    .register(registry);
            return value;
        });
    }

    private Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(name + String.join("|", tags),
                k -> Counter.builder(name).tags(tags).register(registry));
    }
}
