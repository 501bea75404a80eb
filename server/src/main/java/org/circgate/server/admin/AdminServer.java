package org.circgate.server.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's port: {@code /health/live}, {@code /health/ready} and {@code /metrics} (Prometheus text format).
 * Served by the JDK's HTTP server on its own two threads, so a slow scrape never touches the protocol event loops.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private AdminServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static AdminServer start(InetSocketAddress address, Health health, PrometheusMeterRegistry registry)
            throws IOException {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "admin-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        HttpServer server = HttpServer.create(address, 16);
        server.setExecutor(executor);
        server.createContext("/health/live", exchange -> answerHealth(exchange, health.live()));
        server.createContext("/health/ready", exchange -> answerHealth(exchange, health.ready()));
        server.createContext("/metrics", exchange -> answerMetrics(exchange, registry));
        server.createContext("/", exchange -> answer(exchange, 404, "text/plain; charset=utf-8",
                "not found: try /health/live, /health/ready or /metrics\n"));
        server.start();
        return new AdminServer(server, executor);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void answerHealth(HttpExchange exchange, Health.Status status) throws IOException {
        if (!isGetOrHead(exchange)) {
            return;
        }
        StringBuilder body = new StringBuilder("{\"status\":\"").append(status.ok() ? "UP" : "DOWN").append('"');
        if (!status.problems().isEmpty()) {
            body.append(",\"problems\":[");
            for (int i = 0; i < status.problems().size(); i++) {
                body.append(i == 0 ? "" : ",").append('"').append(status.problems().get(i)).append('"');
            }
            body.append(']');
        }
        body.append("}\n");
        answer(exchange, status.ok() ? 200 : 503, "application/json", body.toString());
    }

    private static void answerMetrics(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        if (!isGetOrHead(exchange)) {
            return;
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        String contentType = accept != null && accept.contains("application/openmetrics-text")
                ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                : "text/plain; version=0.0.4; charset=utf-8";
        answer(exchange, 200, contentType, registry.scrape(contentType));
    }

    private static boolean isGetOrHead(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        answer(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
        return false;
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        log.debug("Admin HTTP server stopped");
    }
}
