package org.circgate.server.lifecycle;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * The server TLS context every circgate listener uses (SIP2 TLS, NCIP HTTPS): certificate chain and PKCS#8 key from
 * PEM files, TLS 1.3 and 1.2 only (operations reference 3.1), the JDK's provider (no native library to ship), no
 * client certificates. A file that cannot be used stops start-up with one line naming the listener and the files.
 */
public final class TlsContexts {
    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    public static SslContext server(String listener, Path certificate, Path privateKey, String keyPassword) {
        try {
            return SslContextBuilder.forServer(certificate.toFile(), privateKey.toFile(), keyPassword)
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .clientAuth(ClientAuth.NONE)
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new StartupException(listener + " certificate " + certificate + " or key " + privateKey
                    + " cannot be used (PEM certificate chain and PKCS#8 key expected): " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
