package org.circgate.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 6: the SIP2 TLS listener's keys (operations reference 3.1), checked at start with one clear line. */
class Sip2TlsConfigTest {
    @TempDir
    Path dir;

    private static ServerConfig load(Map<String, String> env) {
        return new ConfigLoader(env).load(null);
    }

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "-----BEGIN X-----\n");
    }

    @Test
    @DisplayName("no certificate: no TLS listener, plain SIP2 on; TLS listens on 6443 by default once configured")
    void defaults() throws IOException {
        ServerConfig plain = load(Map.of());
        assertThat(plain.sip2().tls()).isNull();
        assertThat(plain.sip2().plainEnabled()).isTrue();
        ServerConfig tls = load(Map.of("CIRCGATE_SIP2_TLS_CERTIFICATE", file("cert.pem").toString(),
                "CIRCGATE_SIP2_TLS_PRIVATE_KEY", file("key.pem").toString(),
                "CIRCGATE_SIP2_TLS_PRIVATE_KEY_PASSWORD", "s3cret"));
        assertThat(tls.sip2().tls().address().getPort()).isEqualTo(6443);
        assertThat(tls.sip2().tls().handshakeTimeout()).hasSeconds(10);
        assertThat(tls.sip2().tls().toString()).doesNotContain("s3cret");
    }

    @Test
    @DisplayName("a certificate without its key (or the other way round) stops start-up naming both keys")
    void needsBothFiles() throws IOException {
        String cert = file("cert.pem").toString();
        assertThatThrownBy(() -> load(Map.of("CIRCGATE_SIP2_TLS_CERTIFICATE", cert)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sip2.tls.certificate").hasMessageContaining("sip2.tls.privateKey");
        assertThatThrownBy(() -> load(Map.of("CIRCGATE_SIP2_TLS_PRIVATE_KEY", cert)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sip2.tls.certificate");
    }

    @Test
    @DisplayName("an unreadable PEM file, or plain SIP2 off without TLS, stops start-up")
    void unusable() throws IOException {
        String key = file("key.pem").toString();
        assertThatThrownBy(() -> load(Map.of("CIRCGATE_SIP2_TLS_CERTIFICATE", dir.resolve("missing.pem").toString(),
                "CIRCGATE_SIP2_TLS_PRIVATE_KEY", key)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a readable file");
        assertThatThrownBy(() -> load(Map.of("CIRCGATE_SIP2_PLAIN_ENABLED", "false")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sip2.plain.enabled");
    }
}
