package org.circgate.server.sip2;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import org.circgate.server.metrics.ServerMetrics;

/** First in the pipeline: counts opens and closes by reason and keeps the set of open connections for the drain. */
@Sharable
final class ConnectionTracker extends ChannelInboundHandlerAdapter {
    private final ServerMetrics metrics;
    private final ChannelGroup connections;
    private final String listener;

    ConnectionTracker(ServerMetrics metrics, ChannelGroup connections, String listener) {
        this.metrics = metrics;
        this.connections = connections;
        this.listener = listener;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        connections.add(ctx.channel());
        metrics.connectionOpened(ServerMetrics.Interface.SIP2, listener);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        metrics.connectionClosed(ServerMetrics.Interface.SIP2, listener, CloseReasons.of(ctx.channel()));
        super.channelInactive(ctx);
    }
}
