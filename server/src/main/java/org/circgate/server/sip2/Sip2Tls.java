package org.circgate.server.sip2;

import io.netty.channel.Channel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.circgate.server.config.ServerConfig.Sip2TlsConfig;
import org.circgate.server.lifecycle.StartupException;
import org.circgate.server.metrics.ServerMetrics.CloseReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS for the SIP2 TLS listener: the server certificate and key from PEM files, TLS 1.3 and 1.2 only (operations
 * reference 3.1), the JDK's provider (no native library to ship). A failed or timed-out handshake, or plain text sent
 * to the TLS port, closes the connection counted as {@code tls_failure}.
 */
final class Sip2Tls {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private static final Logger log = LoggerFactory.getLogger(Sip2Tls.class);

    private final SslContext context;
    private final long handshakeTimeoutMillis;

    private Sip2Tls(SslContext context, long handshakeTimeoutMillis) {
        this.context = context;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    /** Reads the PEM files; a certificate or key that cannot be used stops start-up with one clear line. */
    static Sip2Tls of(Sip2TlsConfig config) {
        try {
            SslContext context = SslContextBuilder
                    .forServer(config.certificate().toFile(), config.privateKey().toFile(), config.keyPassword())
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .clientAuth(ClientAuth.NONE)
                    .build();
            return new Sip2Tls(context, config.handshakeTimeout().toMillis());
        } catch (SSLException | IllegalArgumentException e) {
            throw new StartupException("SIP2 TLS certificate " + config.certificate() + " or key "
                    + config.privateKey() + " cannot be used (PEM certificate chain and PKCS#8 key expected): "
                    + rootMessage(e), e);
        }
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

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
