package org.circgate.server.ncip;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.metrics.ServerMetrics.CloseReason;

/**
 * Refuses a request whose declared Content-Length exceeds the limit with 413 before a byte of its body is read
 * (a client expecting 100-continue never sends it), then closes: the rest of that body is not worth receiving.
 * Chunked bodies have no declared length; the aggregator after this handler cuts those at the same limit.
 */
final class BodyLimit extends ChannelInboundHandlerAdapter {
    private final long maxBodyBytes;
    private final ServerMetrics metrics;
    private boolean discarding;

    BodyLimit(long maxBodyBytes, ServerMetrics metrics) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request && declaredLength(request) > maxBodyBytes) {
            discarding = true;
            ctx.channel().config().setAutoRead(false);
            ReferenceCountUtil.release(msg);
            HttpReplies.send(ctx.channel(), HttpReplies.text(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "Request body larger than " + maxBodyBytes + " bytes"), false, CloseReason.FRAME_TOO_LONG,
                    metrics);
            return;
        }
        if (discarding && msg instanceof HttpContent) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private static long declaredLength(HttpRequest request) {
        String value = request.headers().get(HttpHeaderNames.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            // Malformed lengths are the codec's business (it fails the request); only numbers matter here.
            return -1;
        }
    }
}
