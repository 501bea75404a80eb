package org.circgate.server.ncip;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.circgate.server.metrics.ServerMetrics.CloseReason;

/**
 * The two clocks of an NCIP connection, on its I/O loop: between requests a kept-alive connection may stay silent for
 * {@code idleTimeout}; once a request has started (its first byte, see {@link #firstByteWatcher()}) it must arrive
 * complete within {@code requestTimeout}, so a client dripping header lines or body bytes cannot hold a connection.
 * While the server works on a request no clock runs: the database timeouts bound that.
 */
final class HttpDeadlines extends ChannelDuplexHandler {
    private final long idleNanos;
    private final long requestNanos;
    private ScheduledFuture<?> timer;
    private boolean inRequest;

    HttpDeadlines(Duration idleTimeout, Duration requestTimeout) {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        this.idleNanos = idleTimeout.toNanos();
        this.requestNanos = requestTimeout.toNanos();
    }

    /**
     * A handler for in front of the HTTP codec, sharing this one's state: the codec reports a request only once its
     * headers are complete, but the request clock must start with the first byte.
     */
    ChannelInboundHandlerAdapter firstByteWatcher() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                requestStarted(ctx);
                ctx.fireChannelRead(msg);
            }
        };
    }

    private void requestStarted(ChannelHandlerContext ctx) {
        if (!inRequest) {
            inRequest = true;
            arm(ctx, requestNanos, CloseReason.MESSAGE_DEADLINE);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        arm(ctx, idleNanos, CloseReason.IDLE);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            requestStarted(ctx);
        }
        if (msg instanceof LastHttpContent) {
            inRequest = false;
            cancel();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent) {
            promise = promise.unvoid();
            promise.addListener((ChannelFutureListener) f -> {
                if (!inRequest && f.channel().isActive()) {
                    arm(ctx, idleNanos, CloseReason.IDLE);
                }
            });
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    private void arm(ChannelHandlerContext ctx, long nanos, CloseReason reason) {
        cancel();
        timer = ctx.executor().schedule(() -> NcipCloseReasons.close(ctx.channel(), reason), nanos,
                TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
