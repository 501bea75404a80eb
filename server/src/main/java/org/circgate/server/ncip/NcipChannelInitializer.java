package org.circgate.server.ncip;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.Objects;
import java.util.function.Supplier;
import org.circgate.server.config.ServerConfig;
import org.circgate.server.metrics.ServerMetrics;

/**
 * The NCIP pipeline: connection tracking, TLS when configured, the HTTP codec, the deadlines, the early size check
 * and the aggregator on the I/O loop; then the NCIP handler on the worker group (authentication, XML, JDBC), and the
 * exception handler last.
 */
final class NcipChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final ServerConfig.NcipConfig config;
    private final NcipConnectionTracker tracker;
    private final NcipTls tls;
    private final ServerMetrics metrics;
    private final NcipServices services;
    private final Supplier<NcipHttpHandler> handlers;
    private final NcipExceptionHandler exceptions = new NcipExceptionHandler();

    NcipChannelInitializer(ServerConfig.NcipConfig config, NcipConnectionTracker tracker, NcipTls tls,
            NcipServices services, Supplier<NcipHttpHandler> handlers) {
        this.config = Objects.requireNonNull(config, "config");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.tls = tls;
        this.services = Objects.requireNonNull(services, "services");
        this.metrics = services.metrics();
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(NcipHandlerNames.CONNECTIONS, tracker);
        if (tls != null) {
            pipeline.addLast(NcipHandlerNames.TLS, tls.newHandler(channel));
        }
        HttpDeadlines deadlines = new HttpDeadlines(config.idleTimeout(), config.requestTimeout());
        pipeline.addLast(NcipHandlerNames.FIRST_BYTE, deadlines.firstByteWatcher());
        pipeline.addLast(NcipHandlerNames.HTTP_CODEC, new HttpServerCodec());
        pipeline.addLast(NcipHandlerNames.DEADLINES, deadlines);
        pipeline.addLast(NcipHandlerNames.BODY_LIMIT, new BodyLimit(config.maxBodyBytes(), metrics));
        pipeline.addLast(NcipHandlerNames.AGGREGATOR, new NcipAggregator(config.maxBodyBytes(), metrics));
        pipeline.addLast(services.workers(), NcipHandlerNames.HANDLER, handlers.get());
        pipeline.addLast(NcipHandlerNames.EXCEPTIONS, exceptions);
    }
}
