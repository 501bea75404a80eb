package org.circgate.server.sip2;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.metrics.ServerMetrics.CloseReason;
import org.circgate.sip2.message.RequestScResend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last in the pipeline. A frame over the length limit closes the connection (it is not a kiosk talking SIP2);
 * network noise and failed TLS close quietly; anything unexpected is logged once, without message content, and
 * closes.
 */
@Sharable
final class ExceptionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ExceptionHandler.class);

    private final ServerMetrics metrics;

    ExceptionHandler(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException
                || (cause instanceof DecoderException && cause.getCause() instanceof TooLongFrameException)) {
            // Not a kiosk speaking SIP2 (or one badly confused): say so with a 96, then hang up.
            metrics.frameRejected(ServerMetrics.FrameRejection.TOO_LONG);
            metrics.resendRequestSent();
            log.info("SIP2 connection from {} closed: frame too long", remoteHost(ctx));
            ctx.channel().config().setAutoRead(false);
            ctx.writeAndFlush(RequestScResend.INSTANCE).addListener(
                    f -> CloseReasons.close(ctx.channel(), CloseReason.FRAME_TOO_LONG));
        } else if (cause instanceof SSLException
                || (cause instanceof DecoderException && cause.getCause() instanceof SSLException)) {
            // Plain text on the TLS port, a scanner, an old client: counted, not worth a stack trace.
            log.debug("SIP2 TLS connection from {} failed: {}", remoteHost(ctx), cause.getMessage());
            CloseReasons.close(ctx.channel(), CloseReason.TLS_FAILURE);
        } else if (cause instanceof IOException) {
            log.debug("SIP2 connection from {} failed: {}", remoteHost(ctx), cause.getMessage());
            CloseReasons.close(ctx.channel(), CloseReason.CLIENT);
        } else {
            log.warn("SIP2 connection from {} closed after an unexpected error", remoteHost(ctx), cause);
            CloseReasons.close(ctx.channel(), CloseReason.ERROR);
        }
    }

    private static Object remoteHost(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress();
    }
}
