package org.circgate.server.ncip;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import java.io.IOException;
import org.circgate.server.metrics.ServerMetrics.CloseReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last in the NCIP pipeline: network noise and TLS handshake failures close quietly (they are counted by close
 * reason); anything unexpected is logged once, without request content, and closes.
 */
@Sharable
final class NcipExceptionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(NcipExceptionHandler.class);

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("NCIP connection from {} failed: {}", ctx.channel().remoteAddress(), cause.getMessage());
            NcipCloseReasons.close(ctx.channel(), CloseReason.CLIENT);
        } else if (cause instanceof DecoderException && (cause.getCause() instanceof NotSslRecordException
                || cause.getCause() instanceof javax.net.ssl.SSLException)) {
            log.debug("NCIP TLS connection from {} failed: {}", ctx.channel().remoteAddress(), cause.getMessage());
            NcipCloseReasons.close(ctx.channel(), CloseReason.TLS_FAILURE);
        } else {
            log.warn("NCIP connection from {} closed after an unexpected error", ctx.channel().remoteAddress(), cause);
            NcipCloseReasons.close(ctx.channel(), CloseReason.ERROR);
        }
    }
}
