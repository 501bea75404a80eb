package org.circgate.server.sip2;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.netty.util.ByteProcessor;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.circgate.server.metrics.ServerMetrics.CloseReason;

/**
 * Knows whether a connection is between SIP2 messages or in the middle of receiving one, from the raw bytes before
 * the codec (a message ends at CR or LF, as the framer reads it). Two things need that:
 * <ul>
 * <li>the message deadline: a message must be complete within {@code messageTimeout} of its first byte, so a client
 * that drips bytes cannot hold a connection (and its buffer) open forever;</li>
 * <li>the drain: a connection closes at a message boundary. One that is between messages stops reading at once and
 * closes after answering what it already received; one that is half-way through a message keeps reading until that
 * message is complete, has it answered, and then closes. The drain's deadline bounds both.</li>
 * </ul>
 * Runs on the connection's I/O loop; all fields are confined to it.
 */
final class MessageBoundaries extends ChannelInboundHandlerAdapter {
    private static final AttributeKey<MessageBoundaries> ATTRIBUTE =
            AttributeKey.valueOf(MessageBoundaries.class, "messageBoundaries");

    private final Duration messageTimeout;
    private boolean partial;
    private boolean closeAtBoundary;
    private boolean closing;
    private ScheduledFuture<?> messageDeadline;

    MessageBoundaries(Duration messageTimeout) {
        if (messageTimeout == null || messageTimeout.isNegative() || messageTimeout.isZero()) {
            throw new IllegalArgumentException("messageTimeout must be positive, got " + messageTimeout);
        }
        this.messageTimeout = messageTimeout;
    }

    /**
     * Asks the connection to close at its next message boundary (now, if it is between messages), after the requests
     * it has received are answered. Safe from any thread; a no-op for a connection that is already closing.
     */
    static void closeAtBoundary(Channel channel) {
        channel.eventLoop().execute(() -> {
            MessageBoundaries boundaries = channel.attr(ATTRIBUTE).get();
            if (boundaries == null) {
                CloseReasons.close(channel, CloseReason.DRAIN);
                return;
            }
            boundaries.closeAtBoundary = true;
            if (!boundaries.partial) {
                boundaries.closeAfterReceivedRequests(channel);
            }
        });
    }

    /**
     * Whether the connection is closing at a boundary and must not read more; call on its I/O loop (the request gate
     * asks before it resumes reading).
     */
    static boolean isClosing(Channel channel) {
        MessageBoundaries boundaries = channel.attr(ATTRIBUTE).get();
        return boundaries != null && boundaries.closing;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.channel().attr(ATTRIBUTE).set(this);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            track(ctx, bytes);
        }
        // The codec decodes and queues complete requests for the worker before this returns ...
        ctx.fireChannelRead(msg);
        // ... so a close queued now comes after them.
        if (closeAtBoundary && !partial) {
            closeAfterReceivedRequests(ctx.channel());
        }
    }

    private void track(ChannelHandlerContext ctx, ByteBuf bytes) {
        int lastEnd = bytes.forEachByteDesc(ByteProcessor.FIND_CRLF);
        boolean messageEnded = lastEnd >= 0;
        boolean nowPartial = !messageEnded || lastEnd < bytes.writerIndex() - 1;
        if (nowPartial && (!partial || messageEnded)) {
            // A new message started in these bytes: its deadline runs from here.
            cancelDeadline();
            messageDeadline = ctx.executor().schedule(() -> {
                if (partial) {
                    CloseReasons.close(ctx.channel(), CloseReason.MESSAGE_DEADLINE);
                }
            }, messageTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } else if (!nowPartial) {
            cancelDeadline();
        }
        partial = nowPartial;
    }

    private void closeAfterReceivedRequests(Channel channel) {
        if (closing) {
            return;
        }
        closing = true;
        channel.config().setAutoRead(false);
        Sip2RequestHandler.closeAfterCurrentRequest(channel);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelDeadline();
        super.channelInactive(ctx);
    }

    private void cancelDeadline() {
        if (messageDeadline != null) {
            messageDeadline.cancel(false);
            messageDeadline = null;
        }
    }
}
