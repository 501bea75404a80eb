package org.circgate.server.sip2;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.circgate.server.db.PersistenceException;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.metrics.ServerMetrics.CloseReason;
import org.circgate.server.metrics.ServerMetrics.FrameRejection;
import org.circgate.server.metrics.ServerMetrics.Outcome;
import org.circgate.server.security.HashCapacityException;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.InvalidMessage;
import org.circgate.sip2.message.LoginResponse;
import org.circgate.sip2.message.RequestScResend;
import org.circgate.sip2.message.Sip2Inbound;
import org.circgate.sip2.message.Sip2Outbound;
import org.circgate.sip2.message.Sip2Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every SIP2 frame, one at a time per connection, on a worker thread (never on an event loop): decoded
 * requests go to the handler of their command, content errors get a 96 (or 940 for a login), a 97 gets the last
 * response again. Nothing is dropped silently.
 *
 * <p>Any free worker takes the next request of any connection. Order within a connection needs no pinning: the
 * gate ({@link OneRequestAtATime}) lets a connection's next request through only after this one's answer is
 * written. (Pinned to one worker each, connections waited behind whatever another connection on that worker was
 * doing, such as a checkout waiting on a row lock.)
 */
final class Sip2RequestHandler extends SimpleChannelInboundHandler<Sip2Inbound> {
    private static final Logger log = LoggerFactory.getLogger(Sip2RequestHandler.class);
    /** The screen message of a request the database could not serve. */
    static final String UNAVAILABLE = "System unavailable; please try again or see staff";

    private final Map<Sip2Command, Sip2CommandHandler> handlers;
    private final ServerMetrics metrics;
    private final int maxFrameLength;
    private final Executor workers;
    private final Executor loginWorkers;

    /**
     * @param workers      runs the requests (JDBC, hashing); never an event loop
     * @param loginWorkers runs logins: each is an Argon2 check, and a burst of them (kiosks reconnecting after a
     *                     restart) waits there, not in front of logged-in kiosks' checkouts
     */
    Sip2RequestHandler(List<Sip2CommandHandler> handlers, ServerMetrics metrics, int maxFrameLength,
            Executor workers, Executor loginWorkers) {
        this.handlers = new EnumMap<>(Sip2Command.class);
        for (Sip2CommandHandler handler : handlers) {
            if (this.handlers.put(handler.command(), handler) != null) {
                throw new IllegalArgumentException("two handlers for " + handler.command());
            }
        }
        this.metrics = metrics;
        this.maxFrameLength = maxFrameLength;
        this.workers = Objects.requireNonNull(workers, "workers");
        this.loginWorkers = Objects.requireNonNull(loginWorkers, "loginWorkers");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Sip2Inbound inbound) {
        // From when the request was handed on, not from the worker's start: waiting for a worker is the kiosk's time.
        long started = OneRequestAtATime.dispatchedAt(ctx.channel(), System.nanoTime());
        try {
            (inbound.command() == Sip2Command.LOGIN ? loginWorkers : workers).execute(() -> {
                try {
                    respond(ctx, inbound, started);
                } catch (RuntimeException | Error e) {
                    ctx.fireExceptionCaught(e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Only while stopping, after the drain: the kiosk resends on its next connection.
            CloseReasons.close(ctx.channel(), CloseReason.DRAIN);
        }
    }

    private void respond(ChannelHandlerContext ctx, Sip2Inbound inbound, long started) {
        Sip2Session session = Sip2Session.of(ctx.channel());
        Reply reply;
        try {
            reply = answer(inbound, session);
        } catch (PersistenceException | HashCapacityException e) {
            log.warn("SIP2 {} from {} refused: {}", inbound.command(), session.remote().getAddress(), e.getMessage());
            reply = refusal(inbound, session, Outcome.ERROR, UNAVAILABLE);
        }
        if (reply.switchToAccountCodec() && session.isLoggedIn()) {
            Sip2CodecSettings.apply(ctx.channel(), session.account().options().codec(maxFrameLength));
        }
        // Session state first: once the answer is written the connection's next request may run at once, on the
        // I/O loop or a lookup thread (the fast paths), not after this task.
        ServerMetrics.CloseReason hangUp = session.takeCloseRequest();
        if (reply.remember()) {
            session.lastResponse(reply.outbound());
        }
        ChannelFuture written = ctx.writeAndFlush(reply.outbound());
        if (hangUp != null) {
            written.addListener(f -> CloseReasons.close(ctx.channel(), hangUp));
        }
        metrics.request(ServerMetrics.Interface.SIP2, Sip2CommandNames.of(inbound.command()), reply.outcome(),
                reply.action(), System.nanoTime() - started);
    }

    private Reply answer(Sip2Inbound inbound, Sip2Session session) {
        if (inbound instanceof InvalidMessage invalid) {
            return answerInvalid(invalid);
        }
        DecodedMessage message = (DecodedMessage) inbound;
        Sip2Command command = message.command();
        if (command == Sip2Command.REQUEST_ACS_RESEND) {
            Sip2Outbound last = session.lastResponse();
            if (last == null) {
                return new Reply(Sip2Outbound.replyTo(inbound, RequestScResend.INSTANCE), Outcome.INVALID,
                        ServerMetrics.MapAction.NONE, false, false);
            }
            // Labelled by the request that asked for the replay; the stored message is a response.
            metrics.resendReplayed(Sip2CommandNames.of(Sip2Command.REQUEST_ACS_RESEND));
            return new Reply(last, Outcome.OK, ServerMetrics.MapAction.NONE, false, false);
        }
        Sip2CommandHandler handler = handlers.get(command);
        if (handler == null) {
            // A request circgate does not answer yet: ask for a resend rather than stay silent.
            metrics.frameRejected(FrameRejection.UNKNOWN_COMMAND);
            return refusal(inbound, session, Outcome.INVALID, null);
        }
        if (handler.requiresLogin() && !session.isLoggedIn()) {
            return refusal(inbound, session, Outcome.DENIED, "Terminal not logged in");
        }
        if (session.isLoggedIn() && !session.account().options().allows(command)) {
            return refusal(inbound, session, Outcome.DENIED, "Not permitted at this terminal");
        }
        Sip2CommandHandler.Answer answer = handler.handle(message, session);
        return new Reply(Sip2Outbound.replyTo(inbound, answer.response()), answer.outcome(), answer.action(), true,
                command == Sip2Command.LOGIN);
    }

    private Reply answerInvalid(InvalidMessage invalid) {
        switch (invalid.error()) {
            case BAD_CHECKSUM, MISSING_CHECKSUM -> metrics.frameRejected(FrameRejection.BAD_CHECKSUM);
            case EMPTY, UNKNOWN_COMMAND, UNEXPECTED_COMMAND -> metrics.frameRejected(FrameRejection.UNKNOWN_COMMAND);
            default -> metrics.frameRejected(FrameRejection.MALFORMED);
        }
        log.debug("SIP2 frame not decoded ({}: {}): {}", invalid.error(), invalid.detail(), invalid.maskedText());
        if (invalid.command() == Sip2Command.LOGIN && invalid.error() != org.circgate.sip2.message.Sip2DecodeError.BAD_CHECKSUM) {
            return new Reply(Sip2Outbound.replyTo(invalid, LoginResponse.FAILED), Outcome.INVALID,
                    ServerMetrics.MapAction.NONE, true, false);
        }
        return refusal(invalid, null, Outcome.INVALID, null);
    }

    /**
     * The command's own negative answer with a screen message when it has one (a decoded request and a handler that
     * builds one), a 940 for a login, otherwise a 96 so the kiosk may send the message again.
     */
    private Reply refusal(Sip2Inbound inbound, Sip2Session session, Outcome outcome, String screenMessage) {
        if (inbound.command() == Sip2Command.LOGIN) {
            return new Reply(Sip2Outbound.replyTo(inbound, LoginResponse.FAILED), outcome,
                    ServerMetrics.MapAction.NONE, true, false);
        }
        Sip2CommandHandler handler = handlers.get(inbound.command());
        if (screenMessage != null && handler != null && inbound instanceof DecodedMessage decoded) {
            Sip2Response own = handler.refusal(decoded, session, screenMessage);
            if (own != null) {
                return new Reply(Sip2Outbound.replyTo(inbound, own), outcome, ServerMetrics.MapAction.NONE, true,
                        false);
            }
        }
        metrics.resendRequestSent();
        return new Reply(Sip2Outbound.replyTo(inbound, RequestScResend.INSTANCE), outcome,
                ServerMetrics.MapAction.NONE, false, false);
    }

    /** Closes the connection after the request it is working on (if any) has been answered. */
    static void closeAfterCurrentRequest(Channel channel) {
        channel.config().setAutoRead(false);
        ChannelHandlerContext gate = channel.pipeline().context(HandlerNames.IN_FLIGHT);
        if (gate != null) {
            // Requests may wait at the gate behind the one in flight; it closes once all are answered.
            ((OneRequestAtATime) gate.handler()).closeWhenAnswered(gate);
            return;
        }
        ChannelHandlerContext ctx = channel.pipeline().context(HandlerNames.HANDLER);
        if (ctx == null) {
            CloseReasons.close(channel, CloseReason.DRAIN);
            return;
        }
        // Not a circgate pipeline (they all have the gate): close once what is written has gone.
        ctx.executor().execute(() -> ctx.writeAndFlush(Unpooled.EMPTY_BUFFER)
                .addListener((ChannelFutureListener) f -> CloseReasons.close(channel, CloseReason.DRAIN)));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.fireExceptionCaught(cause);
    }

    private record Reply(Sip2Outbound outbound, Outcome outcome, ServerMetrics.MapAction action, boolean remember,
            boolean switchToAccountCodec) {
    }
}
