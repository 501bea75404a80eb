package org.circgate.server.sip2;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.metrics.ServerMetrics.CloseReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First in the pipeline: counts opens and closes by reason, keeps the set of open connections for the drain, and
 * enforces the connection caps (a connection over a cap is closed at once, counted as {@code connection_limit}).
 */
@Sharable
final class ConnectionTracker extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionTracker.class);
    /** The address whose slot this connection holds; absent when it was refused. */
    private static final AttributeKey<InetAddress> SLOT = AttributeKey.valueOf(ConnectionTracker.class, "slot");

    private final ServerMetrics metrics;
    private final ChannelGroup connections;
    private final String listener;
    private final ConnectionLimits limits;

    ConnectionTracker(ServerMetrics metrics, ChannelGroup connections, String listener, ConnectionLimits limits) {
        this.metrics = metrics;
        this.connections = connections;
        this.listener = listener;
        this.limits = limits;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        metrics.connectionOpened(ServerMetrics.Interface.SIP2, listener);
        InetAddress address = ctx.channel().remoteAddress() instanceof InetSocketAddress inet ? inet.getAddress()
                : InetAddress.getLoopbackAddress();
        if (!limits.tryAcquire(address)) {
            log.debug("SIP2 connection from {} refused: connection limit reached", address.getHostAddress());
            CloseReasons.close(ctx.channel(), CloseReason.CONNECTION_LIMIT);
            return;
        }
        ctx.channel().attr(SLOT).set(address);
        connections.add(ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        InetAddress slot = ctx.channel().attr(SLOT).getAndSet(null);
        if (slot != null) {
            limits.release(slot);
        }
        metrics.connectionClosed(ServerMetrics.Interface.SIP2, listener, CloseReasons.of(ctx.channel()));
        super.channelInactive(ctx);
    }
}
