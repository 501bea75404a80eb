package org.circgate.server.sip2;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.Sip2Outbound;

/**
 * Hands 11 and 09 to a shared transaction ({@link SharedTransactions#runAsync}) without a worker thread. On the
 * worker path each request's worker parked until the transaction it shared had committed, was woken to write its
 * answer, and woke the I/O loop to send it; at 500 checkouts and checkins a second about a quarter of the server's CPU
 * went to the kernel switching threads. Here the I/O loop only queues the request, and the thread that ran the transaction writes every
 * answer in it.
 *
 * <p>Only requests that need nothing blocking first take this path: the connection is logged in, the account allows
 * the command, no PIN has to be hashed, and the request is not a possible resend ({@link SharedCommand#sharedUnit}).
 * A request the transaction could not take (its rows held by another transaction, or the transaction failed) goes on
 * to the worker path and runs alone, exactly as it would have. Sits after {@link OneRequestAtATime}, so no other
 * request of the connection touches the session meanwhile.
 */
@Sharable
final class CirculationFastPath extends ChannelInboundHandlerAdapter {
    /** Shared transactions that do not block the caller ({@link SharedTransactions#runAsync}). */
    @FunctionalInterface
    interface Runner {
        void runAsync(SharedTransactions.Unit unit,
                BiConsumer<Optional<Sip2CommandHandler.Answer>, RuntimeException> then);
    }

    private final Map<Sip2Command, SharedCommand> commands = new EnumMap<>(Sip2Command.class);
    private final Runner transactions;
    private final ServerMetrics metrics;

    CirculationFastPath(List<Sip2CommandHandler> handlers, Runner transactions, ServerMetrics metrics) {
        for (Sip2CommandHandler handler : handlers) {
            if (handler instanceof SharedCommand command) {
                commands.put(command.command(), command);
            }
        }
        this.transactions = transactions;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        SharedCommand command = msg instanceof DecodedMessage message ? commands.get(message.command()) : null;
        Sip2Session session = Sip2Session.of(ctx.channel());
        if (command == null || !session.isLoggedIn() || !session.account().options().allows(command.command())) {
            ctx.fireChannelRead(msg);
            return;
        }
        DecodedMessage request = (DecodedMessage) msg;
        SharedTransactions.Unit unit = command.sharedUnit(request, session);
        if (unit == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        long started = OneRequestAtATime.dispatchedAt(ctx.channel(), System.nanoTime());
        transactions.runAsync(unit, (answer, failure) -> answer(ctx, request, session, answer, failure, started));
    }

    /**
     * Runs on the thread that ran the transaction. A request it did not answer goes on to the worker path, which runs
     * it alone (and answers a database failure with the command's refusal), so nothing is left unanswered.
     */
    private void answer(ChannelHandlerContext ctx, DecodedMessage request, Sip2Session session,
            Optional<Sip2CommandHandler.Answer> answer, RuntimeException failure, long started) {
        if (failure != null || answer.isEmpty()) {
            ctx.fireChannelRead(request); // Netty moves it to the I/O loop, and on from there to a worker
            return;
        }
        try {
            Sip2Outbound reply = Sip2Outbound.replyTo(request, answer.get().response());
            // As on the worker path: session state first, since once the answer is written the connection's next
            // request (a 97, say) may run at once.
            ServerMetrics.CloseReason hangUp = session.takeCloseRequest();
            session.lastResponse(reply);
            ChannelFuture written = ctx.writeAndFlush(reply);
            if (hangUp != null) {
                written.addListener(f -> CloseReasons.close(ctx.channel(), hangUp));
            }
            metrics.request(ServerMetrics.Interface.SIP2, Sip2CommandNames.of(request.command()),
                    answer.get().outcome(), answer.get().action(), System.nanoTime() - started);
        } catch (RuntimeException e) {
            // Never left unanswered: the exception handler logs it and closes the connection, as on the worker path.
            ctx.executor().execute(() -> ctx.fireExceptionCaught(e));
        }
    }
}
