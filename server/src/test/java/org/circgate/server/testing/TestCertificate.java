package org.circgate.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed TLS certificate for {@code localhost} and {@code 127.0.0.1}, made at test time with the JDK's
 * {@code keytool} (present on every JDK, so a clean CI machine needs nothing else) and written as the PEM files
 * circgate reads: {@code cert.pem} and a PKCS#8 {@code key.pem}.
 */
public final class TestCertificate {
    private static final String PASSWORD = "changeit";

    private final Path certificate;
    private final Path privateKey;
    private final X509Certificate x509;

    private TestCertificate(Path certificate, Path privateKey, X509Certificate x509) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.x509 = x509;
    }

    public static TestCertificate create(Path directory) throws IOException, InterruptedException,
            GeneralSecurityException {
        Files.createDirectories(directory);
        Path store = directory.resolve("server.p12");
        Files.deleteIfExists(store);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "sip2", "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        PrivateKey key = (PrivateKey) keys.getKey("sip2", PASSWORD.toCharArray());
        Certificate cert = keys.getCertificate("sip2");
        Path certificate = directory.resolve("cert.pem");
        Path privateKey = directory.resolve("key.pem");
        Files.writeString(certificate, pem("CERTIFICATE", cert.getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(privateKey, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
        return new TestCertificate(certificate, privateKey, (X509Certificate) cert);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    public Path certificate() {
        return certificate;
    }

    public Path privateKey() {
        return privateKey;
    }

    /** A client TLS context that trusts this certificate only. */
    public SSLContext clientContext() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("circgate", x509);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
