package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.circgate.server.config.ServerConfig.Sip2TlsConfig;
import org.circgate.server.lifecycle.StartupException;
import org.circgate.server.testing.TestCertificate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 6 TLS listener set-up (operations reference 3.1): PEM files, TLS 1.2 and 1.3 only, handshake deadline. */
class Sip2TlsTest {
    @TempDir
    Path dir;

    private Sip2TlsConfig config(Path certificate, Path key) {
        return new Sip2TlsConfig(new InetSocketAddress("127.0.0.1", 0), certificate, key, null, Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("a PEM certificate and PKCS#8 key give server handlers for TLS 1.3 and 1.2 only, with the deadline")
    void handlers() throws Exception {
        TestCertificate certificate = TestCertificate.create(dir);
        Sip2Tls tls = Sip2Tls.of(config(certificate.certificate(), certificate.privateKey()));
        EmbeddedChannel channel = new EmbeddedChannel();
        SslHandler handler = tls.newHandler(channel);
        assertThat(handler.engine().getUseClientMode()).isFalse();
        assertThat(handler.engine().getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        assertThat(handler.getHandshakeTimeoutMillis()).isEqualTo(3_000);
        channel.finishAndReleaseAll();
    }

    @Test
    @DisplayName("files that are not a certificate and key stop start-up with one line naming them")
    void unusableFiles() throws Exception {
        Path garbage = Files.writeString(dir.resolve("cert.pem"), "not a certificate\n");
        Path key = Files.writeString(dir.resolve("key.pem"), "not a key\n");
        assertThatThrownBy(() -> Sip2Tls.of(config(garbage, key)))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("cert.pem").hasMessageContaining("PKCS#8");
    }
}
