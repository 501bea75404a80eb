package org.circgate.bench.ncip;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load generator for the NCIP responder of a running circgate: N concurrent clients (one keep-alive HTTP/1.1
 * connection each, java.net.http), closed loop, each sending LookupUser or CheckOutItem followed by CheckInItem for
 * a fixed time after a warm-up. Prints requests, rate, p50/p99/p99.9 and errors per service, and the machine's load
 * average (the build machine is shared). An answer counts as an error when it is not HTTP 200 or carries a Problem.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.circgate.bench.ncip.NcipLoad --write-import nload.json
 * java -jar server/target/circgate.jar import nload.json      # server stopped (embedded DB) or CIRCGATE_DB_URL set
 * java -cp benchmarks/target/benchmarks.jar org.circgate.bench.ncip.NcipLoad --mix lookup --clients 16 --seconds 30
 * java -cp benchmarks/target/benchmarks.jar org.circgate.bench.ncip.NcipLoad --mix checkout --clients 16 --seconds 30
 * </pre>
 */
public final class NcipLoad {
    static final String DEFAULT_KEY = "ncip-load-key-0000000000000001";
    static final String USAGE = """
            Usage: java -cp benchmarks/target/benchmarks.jar org.circgate.bench.ncip.NcipLoad [options]

              --write-import FILE            write the load library (institution NLOAD, agency N-LOAD) and exit
                --patrons N --items-per-client N --clients N   sizes for it (1000, 4, 64)
              --url URL                      NCIP endpoint (http://127.0.0.1:8080/ncip)
              --key KEY                      the agency's API key (%s)
              --mix lookup|checkout          LookupUser, or CheckOutItem + CheckInItem (lookup)
              --clients N --seconds N --warmup N   (16, 30, 5)
            """.formatted(DEFAULT_KEY);

    private NcipLoad() {
    }

    public static void main(String[] arguments) throws Exception {
        Map<String, String> args = parse(arguments);
        if (args.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }
        int clients = number(args, "clients", 16);
        String key = args.getOrDefault("key", DEFAULT_KEY);
        if (args.containsKey("write-import")) {
            int patrons = number(args, "patrons", 1000);
            int perClient = number(args, "items-per-client", 4);
            int maxClients = Math.max(clients, 64);
            NcipLoadData.write(Path.of(args.get("write-import")), key, Math.max(patrons, maxClients),
                    maxClients * perClient);
            System.out.println("wrote " + args.get("write-import") + ": " + Math.max(patrons, maxClients)
                    + " patrons, " + maxClients * perClient + " items, agency " + NcipLoadData.AGENCY);
            return;
        }
        String mix = args.getOrDefault("mix", "lookup");
        if (!mix.equals("lookup") && !mix.equals("checkout")) {
            throw new IllegalArgumentException("--mix must be lookup or checkout");
        }
        URI endpoint = URI.create(args.getOrDefault("url", "http://127.0.0.1:8080/ncip") + "/" + key);
        int seconds = number(args, "seconds", 30);
        int warmup = number(args, "warmup", 5);
        int perClient = number(args, "items-per-client", 4);
        int patrons = number(args, "patrons", 1000);

        String loadBefore = loadAverage();
        AtomicBoolean recording = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Client> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = new Client(c, endpoint, mix, perClient, patrons, recording, stop);
            workers.add(client);
            client.start();
        }
        Thread.sleep(warmup * 1000L);
        recording.set(true);
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        recording.set(false);
        long elapsed = System.nanoTime() - started;
        stop.set(true);
        for (Client client : workers) {
            client.join(10_000);
        }
        String loadAfter = loadAverage();

        System.out.printf(Locale.ROOT, "NCIP load: %d clients, %d s measured after %d s warm-up, mix %s, %s%n",
                clients, seconds, warmup, mix, endpoint.toString().replace(key, "KEY"));
        for (String service : mix.equals("lookup") ? List.of("LookupUser") : List.of("CheckOutItem", "CheckInItem")) {
            Latencies all = new Latencies();
            long errors = 0;
            for (Client client : workers) {
                all.addAll(client.latencies.get(service));
                errors += client.errors.getOrDefault(service, 0L);
            }
            System.out.printf(Locale.ROOT, "%-13s %9d requests %9.1f/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms"
                    + "  errors %d%n", service, all.size(), all.size() / (elapsed / 1e9), all.percentile(50),
                    all.percentile(99), all.percentile(99.9), errors);
        }
        if (mix.equals("checkout")) {
            long pairs = workers.stream().mapToLong(c -> c.latencies.get("CheckInItem").size()).sum();
            System.out.printf(Locale.ROOT, "checkout+checkin pairs %.1f/s%n", pairs / (elapsed / 1e9));
        }
        System.out.println("load average before: " + loadBefore + "; after: " + loadAfter
                + "; processors: " + Runtime.getRuntime().availableProcessors());
    }

    /** One closed-loop client on its own keep-alive connection. */
    private static final class Client extends Thread {
        private final int index;
        private final URI endpoint;
        private final String mix;
        private final int perClient;
        private final int patrons;
        private final AtomicBoolean recording;
        private final AtomicBoolean stop;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        final Map<String, Latencies> latencies = new HashMap<>();
        final Map<String, Long> errors = new HashMap<>();

        Client(int index, URI endpoint, String mix, int perClient, int patrons, AtomicBoolean recording,
                AtomicBoolean stop) {
            super("ncip-load-" + index);
            this.index = index;
            this.endpoint = endpoint;
            this.mix = mix;
            this.perClient = perClient;
            this.patrons = patrons;
            this.recording = recording;
            this.stop = stop;
            setDaemon(true);
            for (String service : List.of("LookupUser", "CheckOutItem", "CheckInItem")) {
                latencies.put(service, new Latencies());
            }
        }

        @Override
        public void run() {
            int round = 0;
            while (!stop.get()) {
                try {
                    if (mix.equals("lookup")) {
                        String patron = NcipLoadData.patron(1 + ThreadLocalRandom.current().nextInt(patrons));
                        send("LookupUser", NcipLoadMessages.lookupUser(patron));
                    } else {
                        String patron = NcipLoadData.patron(index + 1);
                        String item = NcipLoadData.item(index * perClient + 1 + round % perClient);
                        send("CheckOutItem", NcipLoadMessages.checkOut(patron, item));
                        send("CheckInItem", NcipLoadMessages.checkIn(item));
                    }
                } catch (IOException e) {
                    count("transport");
                } catch (InterruptedException e) {
                    return;
                }
                round++;
            }
        }

        private void send(String service, String xml) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build();
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - started;
            if (recording.get()) {
                latencies.get(service).add(nanos);
                if (response.statusCode() != 200 || response.body().contains("Problem>")) {
                    count(service);
                }
            }
        }

        private void count(String service) {
            if (recording.get()) {
                errors.merge(service, 1L, Long::sum);
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Map<String, String> parse(String[] arguments) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < arguments.length; i++) {
            String name = arguments[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + name + "\n" + USAGE);
            }
            if (name.equals("--help")) {
                args.put("help", "");
            } else if (i + 1 < arguments.length) {
                args.put(name.substring(2), arguments[++i]);
            } else {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
        }
        return args;
    }

    private static int number(Map<String, String> args, String name, int fallback) {
        String value = args.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
