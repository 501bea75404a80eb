package org.circgate.server.sip2;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.Sip2Outbound;

/**
 * Answers 99 SC Status on the connection's I/O loop. A 98 needs nothing but the session, so it must not queue behind
 * database work on the worker threads: when MariaDB is slow, kiosks' heartbeats are still answered at once and the
 * kiosks stay on-line. Sits after {@link OneRequestAtATime}, so a 99 only gets here when no other request of the
 * connection is in flight, and its answer frees the connection like any other.
 */
@Sharable
final class HeartbeatFastPath extends ChannelInboundHandlerAdapter {
    private final Sip2CommandHandler scStatus;
    private final ServerMetrics metrics;

    HeartbeatFastPath(Sip2CommandHandler scStatus, ServerMetrics metrics) {
        if (scStatus.command() != Sip2Command.SC_STATUS || scStatus.requiresLogin()) {
            throw new IllegalArgumentException("the fast path answers 99 without login only");
        }
        this.scStatus = scStatus;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DecodedMessage message) || message.command() != Sip2Command.SC_STATUS) {
            ctx.fireChannelRead(msg);
            return;
        }
        long started = System.nanoTime();
        Sip2Session session = Sip2Session.of(ctx.channel());
        Sip2CommandHandler.Answer answer = scStatus.handle(message, session);
        Sip2Outbound reply = Sip2Outbound.replyTo(message, answer.response());
        session.lastResponse(reply);
        ctx.writeAndFlush(reply);
        metrics.request(ServerMetrics.Interface.SIP2, Sip2CommandNames.of(Sip2Command.SC_STATUS), answer.outcome(),
                answer.action(), System.nanoTime() - started);
    }
}
