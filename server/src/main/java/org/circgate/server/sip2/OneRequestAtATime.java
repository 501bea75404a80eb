package org.circgate.server.sip2;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.AttributeKey;
import java.util.ArrayDeque;
import org.circgate.server.metrics.ServerMetrics.CloseReason;
import org.circgate.sip2.message.Sip2Inbound;
import org.circgate.sip2.message.Sip2Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request in flight per connection. SIP2 is strictly request/response, but nothing stops a client from writing
 * many requests without reading; each would become a task on the worker and a response in memory. So as soon as a
 * request goes to the worker, this stops reading from the socket ({@code autoRead} off: TCP flow control pushes back
 * on the client) and resumes when the response has been written. Requests that arrived in the same read wait here, in
 * order; more than {@code maxWaiting} of them in one read is not a kiosk, and the connection is closed.
 *
 * <p>Sits between the codec and the request handler and runs on the connection's I/O loop, so all state is confined
 * to it. A connection asked to close at a message boundary (drain) is not resumed.
 */
final class OneRequestAtATime extends ChannelDuplexHandler {
    /** Default bound on requests decoded from one read while another is in flight. */
    static final int DEFAULT_MAX_WAITING = 1_000;

    private static final Logger log = LoggerFactory.getLogger(OneRequestAtATime.class);
    private static final AttributeKey<Long> DISPATCHED_AT = AttributeKey.valueOf("circgate.sip2.dispatchedAt");

    private final int maxWaiting;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private boolean inFlight;
    private boolean closeWhenAnswered;

    OneRequestAtATime(int maxWaiting) {
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("maxWaiting must be positive, got " + maxWaiting);
        }
        this.maxWaiting = maxWaiting;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Sip2Inbound)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!inFlight) {
            dispatch(ctx, msg);
        } else if (waiting.size() < maxWaiting) {
            waiting.add(msg);
        } else {
            log.info("SIP2 connection from {} closed: more than {} requests sent without reading the answers",
                    ctx.channel().remoteAddress(), maxWaiting);
            waiting.clear();
            CloseReasons.close(ctx.channel(), CloseReason.ERROR);
        }
    }

    private void dispatch(ChannelHandlerContext ctx, Object request) {
        inFlight = true;
        ctx.channel().config().setAutoRead(false);
        ctx.channel().attr(DISPATCHED_AT).set(System.nanoTime());
        ctx.fireChannelRead(request);
    }

    /**
     * When the request now in flight left here (System.nanoTime), or {@code otherwise} on a pipeline without this
     * gate. A request's time is counted from here, so the wait for a free worker shows in its duration.
     */
    static long dispatchedAt(Channel channel, long otherwise) {
        Long at = channel.attr(DISPATCHED_AT).get();
        return at == null ? otherwise : at;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof Sip2Outbound)) {
            ctx.write(msg, promise);
            return;
        }
        // Every request is answered exactly once; its answer being written frees the connection for the next one.
        ChannelPromise written = promise.unvoid();
        written.addListener(f -> next(ctx));
        ctx.write(msg, written);
    }

    private void next(ChannelHandlerContext ctx) {
        inFlight = false;
        if (!ctx.channel().isActive()) {
            waiting.clear();
            return;
        }
        Object request = waiting.poll();
        if (request != null) {
            dispatch(ctx, request);
        } else if (closeWhenAnswered) {
            CloseReasons.close(ctx.channel(), CloseReason.DRAIN);
        } else if (!MessageBoundaries.isClosing(ctx.channel())) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /**
     * Closes the connection once every request it has received (the one in flight and those waiting here) has been
     * answered; reads nothing more meanwhile. Safe from any thread.
     */
    void closeWhenAnswered(ChannelHandlerContext ctx) {
        ctx.executor().execute(() -> {
            ctx.channel().config().setAutoRead(false);
            closeWhenAnswered = true;
            if (!inFlight && waiting.isEmpty()) {
                CloseReasons.close(ctx.channel(), CloseReason.DRAIN);
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        waiting.clear();
        super.channelInactive(ctx);
    }
}
