package org.circgate.server.sip2;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.circulation.Operator;
import org.circgate.server.circulation.PatronLookups;
import org.circgate.server.db.PersistenceException;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.Sip2Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers 23 and 63 without a worker thread. Patron lookups that arrive together share one statement
 * ({@link PatronLookups}); on the worker path each request's worker parked until that statement was done and was
 * then woken to write its answer, and on a small machine those wake-ups, not the CPU, bounded the rate. Here the I/O
 * loop only queues the lookup, and the thread that ran the statement writes every answer of the batch.
 *
 * <p>Only requests the worker path would answer the same way take this path: the connection is logged in, the
 * account allows the command, and the PIN verdict needs no hash (none was sent, or this connection verified it).
 * Everything else, a PIN to hash included, goes on to the worker. Sits after {@link OneRequestAtATime}, so the
 * session is not touched by another request of the connection meanwhile.
 */
@Sharable
final class PatronLookupFastPath extends ChannelInboundHandlerAdapter {
    /** Patron views read without blocking ({@link PatronLookups#viewAsync}). */
    @FunctionalInterface
    interface Views {
        void viewAsync(Operator operator, String barcode, BiConsumer<Optional<PatronView>, RuntimeException> then);
    }

    private static final Logger log = LoggerFactory.getLogger(PatronLookupFastPath.class);

    private final Map<Sip2Command, PatronViewCommand> commands = new EnumMap<>(Sip2Command.class);
    private final Views lookups;
    private final ServerMetrics metrics;

    PatronLookupFastPath(List<Sip2CommandHandler> handlers, Views lookups, ServerMetrics metrics) {
        for (Sip2CommandHandler handler : handlers) {
            if (handler instanceof PatronViewCommand command) {
                commands.put(command.command(), command);
            }
        }
        this.lookups = lookups;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        PatronViewCommand command = msg instanceof DecodedMessage message ? commands.get(message.command()) : null;
        Sip2Session session = Sip2Session.of(ctx.channel());
        if (command == null || !session.isLoggedIn() || !session.account().options().allows(command.command())) {
            ctx.fireChannelRead(msg);
            return;
        }
        DecodedMessage request = (DecodedMessage) msg;
        String barcode = command.patronOf(request);
        String pin = command.pinOf(request);
        if (!PatronIdentification.verdictWithoutHash(session, barcode, pin)) {
            ctx.fireChannelRead(msg);
            return;
        }
        long started = System.nanoTime();
        lookups.viewAsync(session.operator(), barcode,
                (view, failure) -> answer(ctx, command, request, session, view, failure, started));
    }

    /**
     * Runs on the thread that read the batch (or the I/O loop, when the lookup could not be queued). Ends as the
     * worker path would: a database failure gets the command's refusal, anything unexpected goes to the exception
     * handler, which logs it and closes the connection; nothing is left unanswered.
     */
    private void answer(ChannelHandlerContext ctx, PatronViewCommand command, DecodedMessage request,
            Sip2Session session, Optional<PatronView> view, RuntimeException failure, long started) {
        Sip2CommandHandler.Answer answer;
        Sip2Outbound reply;
        try {
            if (failure instanceof PersistenceException) {
                log.warn("SIP2 {} from {} refused: {}", request.command(), session.remote().getAddress(),
                        failure.getMessage());
                answer = new Sip2CommandHandler.Answer(
                        command.refusal(request, session, Sip2RequestHandler.UNAVAILABLE),
                        ServerMetrics.Outcome.ERROR, ServerMetrics.MapAction.NONE);
            } else if (failure != null) {
                throw failure;
            } else {
                answer = command.answer(request, session, PatronIdentification.identifiedWithoutHash(session,
                        command.patronOf(request), command.pinOf(request), view));
            }
            reply = Sip2Outbound.replyTo(request, answer.response());
        } catch (RuntimeException e) {
            ctx.executor().execute(() -> ctx.fireExceptionCaught(e));
            return;
        }
        // Remembered before the write: once written, the connection's next request (a 97, say) may run at once.
        session.lastResponse(reply);
        ctx.writeAndFlush(reply);
        metrics.request(ServerMetrics.Interface.SIP2, Sip2CommandNames.of(request.command()), answer.outcome(),
                answer.action(), System.nanoTime() - started);
    }
}
