package org.circgate.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar ({@code target/circgate.jar}) in a child process, as an operator runs it: only CIRCGATE_*
 * environment variables given here, output collected line by line, addresses read from the start-up line.
 */
public final class CircgateProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("ready: SIP2 on ([0-9.]+):(\\d+), "
            + "(?:NCIP on ([0-9.]+):(\\d+), )?admin on http://([0-9.]+):(\\d+)/health/ready");
    private static final Path JAR = Path.of("target", "circgate.jar");

    private final Process process;
    private final Thread reader;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private InetSocketAddress sip2;
    private InetSocketAddress ncip;
    private InetSocketAddress admin;

    private CircgateProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "circgate-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -jar target/circgate.jar args...} with exactly these CIRCGATE_* variables. */
    public static CircgateProcess start(Map<String, String> env, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("CIRCGATE_"));
        builder.environment().putAll(env);
        return new CircgateProcess(builder.start());
    }

    public Process process() {
        return process;
    }

    public List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public InetSocketAddress sip2() {
        return sip2;
    }

    public InetSocketAddress ncip() {
        return ncip;
    }

    public InetSocketAddress admin() {
        return admin;
    }

    public void awaitReady(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            for (String line : output()) {
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    sip2 = new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
                    ncip = m.group(3) == null ? null : new InetSocketAddress(m.group(3), Integer.parseInt(m.group(4)));
                    admin = new InetSocketAddress(m.group(5), Integer.parseInt(m.group(6)));
                    return;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("circgate exited:\n" + String.join("\n", output()));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("circgate not ready in " + timeout + ":\n" + String.join("\n", output()));
    }

    /** GET on the admin port. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + admin.getHostString() + ":" + admin.getPort()
                + path)).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends SIGTERM (what {@code kill}, systemd and Kubernetes send). Through the process handle: Process.destroy()
     * would also close our end of its output, and everything it logs while stopping would be lost.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the exit; true when the process ended within {@code bound}. Its output is then complete. */
    public boolean awaitExit(Duration bound) throws InterruptedException {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        reader.join(5_000);
        return true;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
