package org.circgate.server.ncip;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.metrics.ServerMetrics.CloseReason;

/** Collects a request body up to the limit; a chunked body that grows past it gets 413 and the connection closes. */
final class NcipAggregator extends HttpObjectAggregator {
    private final ServerMetrics metrics;
    private final int maxBodyBytes;

    NcipAggregator(int maxBodyBytes, ServerMetrics metrics) {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ctx.channel().config().setAutoRead(false);
        HttpReplies.send(ctx.channel(), HttpReplies.text(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "Request body larger than " + maxBodyBytes + " bytes"), false, CloseReason.FRAME_TOO_LONG, metrics);
    }
}
