package org.circgate.server.sip2;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import java.util.List;
import java.util.Objects;
import org.circgate.server.config.ServerConfig;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.codec.Sip2ServerCodec;

/**
 * The SIP2 pipeline: connection tracking and caps, TLS (on the TLS listener), deadlines, message boundaries (message
 * deadline, drain), the codec (framing + decoding + encoding), the one-request-in-flight gate and the three fast paths
 * (99; 23 and 63 from batched lookups; 11 and 09 into shared transactions) on the I/O loop, then the request handler
 * on the worker group, and the exception handler last.
 */
final class Sip2ChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final ServerConfig.Sip2Config config;
    private final Sip2Services services;
    private final ConnectionTracker tracker;
    private final ExceptionHandler exceptions;
    private final List<Sip2CommandHandler> commands;
    private final HeartbeatFastPath heartbeat;
    private final PatronLookupFastPath patronLookup;
    private final CirculationFastPath circulation;
    private final Sip2Tls tls;

    /** {@code tls}: null for the plain listener. */
    Sip2ChannelInitializer(ServerConfig.Sip2Config config, Sip2Services services, ConnectionTracker tracker,
            List<Sip2CommandHandler> commands, Sip2Tls tls) {
        this.tls = tls;
        this.config = Objects.requireNonNull(config, "config");
        this.services = Objects.requireNonNull(services, "services");
        this.tracker = tracker;
        this.exceptions = new ExceptionHandler(services.metrics());
        this.commands = List.copyOf(commands);
        this.heartbeat = new HeartbeatFastPath(commands.stream()
                .filter(c -> c.command() == org.circgate.sip2.Sip2Command.SC_STATUS).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no 99 handler")), services.metrics());
        this.patronLookup = new PatronLookupFastPath(commands, services.lookups()::viewAsync, services.metrics());
        // With sharing off (db.sharedTransactionSize 1) every 11 and 09 runs alone on a worker: no fast path.
        this.circulation = services.sharedTransactions().shares() ? new CirculationFastPath(commands,
                services.sharedTransactions()::runAsync, services.metrics()) : null;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        Sip2CodecSettings settings = Sip2CodecSettings.DEFAULTS.withMaxFrameLength(config.maxFrameLength());
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(HandlerNames.CONNECTIONS, tracker);
        if (tls != null) {
            pipeline.addLast(HandlerNames.TLS, tls.newHandler(channel));
        }
        pipeline.addLast(HandlerNames.DEADLINES, new Deadlines(config.idleTimeout(), config.loginTimeout()));
        pipeline.addLast(HandlerNames.MESSAGE_BOUNDARIES, new MessageBoundaries(config.messageTimeout()));
        pipeline.addLast(HandlerNames.CODEC, new Sip2ServerCodec(settings));
        pipeline.addLast(HandlerNames.IN_FLIGHT, new OneRequestAtATime(OneRequestAtATime.DEFAULT_MAX_WAITING));
        pipeline.addLast(HandlerNames.HEARTBEAT, heartbeat);
        pipeline.addLast(HandlerNames.PATRON_LOOKUP, patronLookup);
        if (circulation != null) {
            pipeline.addLast(HandlerNames.CIRCULATION, circulation);
        }
        pipeline.addLast(HandlerNames.HANDLER,
                new Sip2RequestHandler(commands, services.metrics(), config.maxFrameLength(), services.workers(),
                        services.loginWorkers()));
        pipeline.addLast(HandlerNames.EXCEPTIONS, exceptions);
    }
}
