package org.circgate.server.ncip;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.TimeUnit;
import org.circgate.server.config.ServerConfig.TlsListenerConfig;
import org.circgate.server.lifecycle.TlsContexts;
import org.circgate.server.metrics.ServerMetrics.CloseReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTPS for the NCIP listener, with the same certificate handling as SIP2 TLS ({@link TlsContexts}). A failed or
 * timed-out handshake, or plain HTTP sent to the HTTPS port, closes the connection counted as {@code tls_failure}.
 */
final class NcipTls {
    private static final Logger log = LoggerFactory.getLogger(NcipTls.class);

    private final SslContext context;
    private final long handshakeTimeoutMillis;

    private NcipTls(SslContext context, long handshakeTimeoutMillis) {
        this.context = context;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    static NcipTls of(TlsListenerConfig config) {
        return new NcipTls(TlsContexts.server("NCIP HTTPS", config.certificate(), config.privateKey(),
                config.keyPassword()), config.handshakeTimeout().toMillis());
    }

    SslHandler newHandler(Channel channel) {
        SslHandler handler = context.newHandler(channel.alloc());
        handler.setHandshakeTimeout(handshakeTimeoutMillis, TimeUnit.MILLISECONDS);
        handler.handshakeFuture().addListener(handshake -> {
            if (!handshake.isSuccess()) {
                log.debug("NCIP TLS handshake with {} failed: {}", channel.remoteAddress(),
                        handshake.cause() == null ? "?" : handshake.cause().getMessage());
                NcipCloseReasons.close(channel, CloseReason.TLS_FAILURE);
            }
        });
        return handler;
    }
}
