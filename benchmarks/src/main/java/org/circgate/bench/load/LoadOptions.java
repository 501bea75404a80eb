package org.circgate.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of one load run, from the command line (see {@link Sip2Load#USAGE}).
 *
 * @param rate          operations per second over all connections (open loop); 0 = closed loop, each connection
 *                      sends its next request as soon as the previous answer arrives
 * @param patronPin     sent as AD in 23, 63 and 11; null = no PIN (the account must not require one)
 * @param loginParallel connections connecting and logging in at once (each login costs the server an Argon2 check)
 * @param idle          log every connection in, then hold them open without traffic for {@code duration}
 * @param cpuOf         processes whose CPU time the report shows per request, the generator first
 * @param transport     auto (epoll where it loads, else NIO), epoll or nio
 */
record LoadOptions(String host, int port, int connections, Mix mix, Duration duration, Duration warmup, double rate,
        String login, String password, String terminalPassword, String patronPin, LoadData data, int threads,
        Duration timeout, int loginParallel, boolean idle, List<ProcessCpu> cpuOf, String transport) {

    static LoadOptions from(Args args) {
        String pin = args.text("patron-pin", null);
        LoadOptions options = new LoadOptions(
                args.text("host", "127.0.0.1"),
                args.integer("port", 6001, 1),
                args.integer("connections", 32, 1),
                Mix.parse(args.text("mix", "99")),
                args.duration("duration", Duration.ofSeconds(30)),
                args.duration("warmup", Duration.ofSeconds(10)),
                args.decimal("rate", 0),
                args.text("login", "load"),
                args.text("password", "load"),
                args.text("terminal-password", ""),
                pin == null || pin.isEmpty() ? null : pin,
                LoadData.from(args),
                args.integer("threads", 1, 1),
                args.duration("timeout", Duration.ofSeconds(10)),
                args.integer("login-parallel", 64, 1),
                args.flag("idle"),
                cpuOf(args.text("cpu-of", null)),
                args.text("transport", "auto"));
        if (!List.of("auto", "epoll", "nio").contains(options.transport)) {
            throw new IllegalArgumentException("--transport must be auto, epoll or nio: " + options.transport);
        }
        if (options.mix.usesItems() && !options.idle && options.connections > options.data.items()) {
            throw new IllegalArgumentException("11, 15 and 29 need at least one item per connection: --items "
                    + options.data.items() + " < --connections " + options.connections);
        }
        return options;
    }

    private static List<ProcessCpu> cpuOf(String spec) {
        List<ProcessCpu> processes = new ArrayList<>();
        processes.add(ProcessCpu.self());
        processes.addAll(ProcessCpu.parse(spec));
        return List.copyOf(processes);
    }

    boolean openLoop() {
        return rate > 0;
    }

    /** Time between two operation starts on one connection in open loop. */
    long intervalNanos() {
        return (long) (1e9 * connections / rate);
    }
}
