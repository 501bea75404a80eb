package org.circgate.server.ncip;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.metrics.ServerMetrics.CloseReason;

/**
 * First in the pipeline: counts opens and closes by reason, keeps the set of open connections for the drain, and
 * closes a connection at once when {@code maxConnections} are already open.
 */
@Sharable
final class NcipConnectionTracker extends ChannelInboundHandlerAdapter {
    private final ServerMetrics metrics;
    private final ChannelGroup connections;
    private final String listener;
    private final int maxConnections;

    NcipConnectionTracker(ServerMetrics metrics, ChannelGroup connections, String listener, int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive");
        }
        this.metrics = metrics;
        this.connections = connections;
        this.listener = listener;
        this.maxConnections = maxConnections;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        metrics.connectionOpened(ServerMetrics.Interface.NCIP, listener);
        if (connections.size() >= maxConnections) {
            NcipCloseReasons.close(ctx.channel(), CloseReason.CONNECTION_LIMIT);
            return;
        }
        connections.add(ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        metrics.connectionClosed(ServerMetrics.Interface.NCIP, listener, NcipCloseReasons.of(ctx.channel()));
        super.channelInactive(ctx);
    }
}
