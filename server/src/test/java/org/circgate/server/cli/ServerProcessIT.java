package org.circgate.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circgate.server.testing.Sip2TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, as a newcomer meets it: the fat jar with no configuration starts an embedded MariaDB,
 * loads the demo library, serves SIP2, answers health checks, keeps its data across a restart, and on SIGTERM stops
 * in order without leaving a mysqld behind.
 */
class ServerProcessIT {
    private static final Pattern READY = Pattern.compile(
            "ready: SIP2 on ([0-9.]+):(\\d+), (?:NCIP on [^,]+, )?admin on http://([0-9.]+):(\\d+)/health/ready");
    private static final Path JAR = Path.of("target", "circgate.jar");

    @Test
    @DisplayName("java -jar circgate.jar: demo library, 941, 98 with 16-char BX, ready 200, restart keeps data, SIGTERM")
    void runCommandFromAFreshDataDirectory() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "process-it-");
        Map<String, String> env = Map.of("CIRCGATE_DATA_DIR", dataDir.toString(), "CIRCGATE_SIP2_PORT", "0",
                "CIRCGATE_NCIP_PORT", "0", "CIRCGATE_ADMIN_PORT", "0");

        long coldStart = System.nanoTime();
        try (Running first = Running.start(env, List.of())) {
            first.awaitReady(Duration.ofMinutes(3));
            System.out.printf("cold start to ready: %.1f s%n", (System.nanoTime() - coldStart) / 1e9);
            assertThat(first.output()).anyMatch(line -> line.contains("Demo library loaded")
                    && line.contains("login 'kiosk', password 'kiosk'"));
            try (Sip2TestClient kiosk = new Sip2TestClient(first.sip2)) {
                assertThat(kiosk.exchange("9300CNkiosk|COkiosk|CPMAIN|")).isEqualTo("941");
                String status = kiosk.exchange("9900302.00");
                assertThat(status).startsWith("98");
                Matcher bx = Pattern.compile("\\|BX([YN]*)\\|").matcher(status);
                assertThat(bx.find()).isTrue();
                assertThat(bx.group(1)).hasSize(16);
            }
            assertThat(first.get("/health/ready").statusCode()).isEqualTo(200);
            assertThat(first.stop(Duration.ofSeconds(60))).as("exit code after SIGTERM").isIn(0, 143);
        }
        assertThat(mysqldUsing(dataDir)).as("mysqld processes left behind").isEmpty();

        // The import command against the stopped server's embedded database: one more kiosk account.
        Path extra = dataDir.resolve("extra.json");
        Files.writeString(extra, """
                {"institutions": [{"code": "DEMO", "name": "Demo Public Library",
                  "locations": [{"code": "MAIN", "name": "Main Library"}],
                  "sipAccounts": [{"login": "sorter", "password": "s3cret", "locations": ["MAIN"]}]}]}""");
        try (Running importing = Running.start(env, List.of("import", extra.toString()))) {
            assertThat(importing.process.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(importing.process.exitValue()).as(String.join("\n", importing.output())).isZero();
            assertThat(importing.output()).anyMatch(line -> line.startsWith("Imported 1 institution(s)"));
        }

        long warmStart = System.nanoTime();
        try (Running second = Running.start(env, List.of())) {
            second.awaitReady(Duration.ofMinutes(2));
            System.out.printf("warm start to ready: %.1f s%n", (System.nanoTime() - warmStart) / 1e9);
            assertThat(second.output()).noneMatch(line -> line.contains("Demo library loaded"));
            try (Sip2TestClient kiosk = new Sip2TestClient(second.sip2)) {
                assertThat(kiosk.exchange("9300CNkiosk|COkiosk|CPMAIN|")).as("demo data survived").isEqualTo("941");
                assertThat(kiosk.exchange("9300CNsorter|COs3cret|CPMAIN|")).as("imported data survived")
                        .isEqualTo("941");
            }
            assertThat(second.stop(Duration.ofSeconds(60))).isIn(0, 143);
        }
        assertThat(mysqldUsing(dataDir)).isEmpty();
    }

    @Test
    @DisplayName("bad configuration stops start-up with one clear line naming the key (issue 2)")
    void badConfigurationNamesTheKey() throws Exception {
        try (Running bad = Running.start(Map.of("CIRCGATE_SIP2_PORT", "sixty"), List.of())) {
            assertThat(bad.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(bad.process.exitValue()).isEqualTo(2);
            assertThat(bad.output()).containsExactly("circgate: Configuration error: sip2.port (environment variable "
                    + "CIRCGATE_SIP2_PORT) must be a whole number between 0 and 65535, got 'sixty'");
        }
    }

    private static List<ProcessHandle> mysqldUsing(Path dataDir) {
        String marker = dataDir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(marker)).orElse(false))
                .toList();
    }

    /** The jar in a child process, its output collected line by line. */
    private static final class Running implements AutoCloseable {
        final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        InetSocketAddress sip2;
        InetSocketAddress admin;

        private Running(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // process ended
                }
            }, "process-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Running start(Map<String, String> env, List<String> args) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    JAR.toAbsolutePath().toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().keySet().removeIf(key -> key.startsWith("CIRCGATE_"));
            builder.environment().putAll(env);
            return new Running(builder.start());
        }

        List<String> output() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        void awaitReady(Duration timeout) throws InterruptedException {
            long until = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < until) {
                for (String line : output()) {
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        sip2 = new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
                        admin = new InetSocketAddress(m.group(3), Integer.parseInt(m.group(4)));
                        return;
                    }
                }
                if (!process.isAlive()) {
                    throw new AssertionError("circgate exited:\n" + String.join("\n", output()));
                }
                Thread.sleep(100);
            }
            throw new AssertionError("circgate not ready in " + timeout + ":\n" + String.join("\n", output()));
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + admin.getHostString() + ":" + admin.getPort() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** SIGTERM, then the exit code (fails the test if the process outlives the bound). */
        int stop(Duration bound) throws InterruptedException {
            // SIGTERM through the handle: Process.destroy() would also close our end of the output pipe.
            process.toHandle().destroy();
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("circgate did not stop within " + bound + ":\n" + String.join("\n", output()));
            }
            return process.exitValue();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
