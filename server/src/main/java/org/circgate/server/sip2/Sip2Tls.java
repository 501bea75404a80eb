package org.circgate.server.sip2;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.TimeUnit;
import org.circgate.server.config.ServerConfig.Sip2TlsConfig;
import org.circgate.server.lifecycle.TlsContexts;
import org.circgate.server.metrics.ServerMetrics.CloseReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS for the SIP2 TLS listener: the server certificate and key from PEM files ({@link TlsContexts}: TLS 1.3 and
 * 1.2 only, the JDK's provider). A failed or timed-out handshake, or plain text sent to the TLS port, closes the
 * connection counted as {@code tls_failure}.
 */
final class Sip2Tls {
    private static final Logger log = LoggerFactory.getLogger(Sip2Tls.class);

    private final SslContext context;
    private final long handshakeTimeoutMillis;

    private Sip2Tls(SslContext context, long handshakeTimeoutMillis) {
        this.context = context;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    /** Reads the PEM files; a certificate or key that cannot be used stops start-up with one clear line. */
    static Sip2Tls of(Sip2TlsConfig config) {
        SslContext context = TlsContexts.server("SIP2 TLS", config.certificate(), config.privateKey(),
                config.keyPassword());
        return new Sip2Tls(context, config.handshakeTimeout().toMillis());
    }

    /** A handler for one new connection; its handshake failure marks the close reason. */
    SslHandler newHandler(Channel channel) {
        SslHandler handler = context.newHandler(channel.alloc());
        handler.setHandshakeTimeout(handshakeTimeoutMillis, TimeUnit.MILLISECONDS);
        handler.handshakeFuture().addListener(handshake -> {
            if (!handshake.isSuccess()) {
                log.debug("SIP2 TLS handshake with {} failed: {}", channel.remoteAddress(),
                        handshake.cause() == null ? "?" : handshake.cause().getMessage());
                CloseReasons.close(channel, CloseReason.TLS_FAILURE);
            }
        });
        return handler;
    }
}
