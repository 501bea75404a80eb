package org.circgate.server.ncip;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AttributeKey;
import java.util.List;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.metrics.ServerMetrics.CloseReason;

/** Collects a request body up to the limit; a chunked body that grows past it gets 413 and the connection closes. */
final class NcipAggregator extends HttpObjectAggregator {
    private static final AttributeKey<Long> COMPLETED_AT = AttributeKey.valueOf("circgate.ncip.completedAt");

    private final ServerMetrics metrics;
    private final int maxBodyBytes;

    NcipAggregator(int maxBodyBytes, ServerMetrics metrics) {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
    }

    /**
     * When the last request on {@code channel} was complete (System.nanoTime), or {@code otherwise}. Its time is
     * counted from here, so the wait for a free worker shows in its duration. HTTP clients do not pipeline NCIP
     * requests; if one did, a later request's stamp would shorten an earlier one's time, never lengthen it.
     */
    static long completedAt(Channel channel, long otherwise) {
        Long at = channel.attr(COMPLETED_AT).get();
        return at == null ? otherwise : at;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, HttpObject msg, List<Object> out) throws Exception {
        super.decode(ctx, msg, out);
        if (!out.isEmpty()) {
            ctx.channel().attr(COMPLETED_AT).set(System.nanoTime());
        }
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ctx.channel().config().setAutoRead(false);
        HttpReplies.send(ctx.channel(), HttpReplies.text(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "Request body larger than " + maxBodyBytes + " bytes"), false, CloseReason.FRAME_TOO_LONG, metrics);
    }
}
