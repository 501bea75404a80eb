package org.circgate.bench.load;

import java.util.Set;

/**
 * SIP2 load generator: logs in N kiosk connections to any circgate (or other SIP2 server) and drives a mix of
 * requests, then prints rate and latency percentiles per request type.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.circgate.bench.load.Sip2Load --port 6001 --connections 32 --mix 11+09
 * </pre>
 */
public final class Sip2Load {
    static final String USAGE = """
            Usage: java -cp benchmarks/target/benchmarks.jar org.circgate.bench.load.Sip2Load [options]

              --host H              server address (127.0.0.1)
              --port P              SIP2 port (6001)
              --connections N       kiosk connections, each strictly request/response (32)
              --mix M               99 | 23 | 63 | 11+09 | 11+29+09 | 15 | 37, or weighted: 23=6,63=2,11+09=2 (99)
              --duration D          measured time: 30s, 2m, 500ms (30s)
              --warmup D            unmeasured time before it (10s)
              --rate R              open loop: R operations/s over all connections, latency counted from each
                                    operation's scheduled start; 0 = closed loop (0)
              --login L --password P --location C   93 login (load / load / MAIN)
              --institution I       AO (LOAD)
              --terminal-password T AC ("")
              --patron-pin PIN      AD in 23, 63 and 11 (none: the account needs "pinRequired": false)
              --patrons N --items N --patron-prefix X --item-prefix Y --bill-patrons N --bill-patron-prefix Z
                                    the data made by LoadImport (2000, 20000, LP, LI, 2000, LB); each connection
                                    uses its own slice of patrons and items
              --threads T           client event-loop threads (1)
              --transport X         auto | epoll | nio: the client's Netty transport (auto: epoll where it loads;
                                    NIO's timers wake to the millisecond, late starts an open loop charges to the server)
              --timeout D           longest wait for one answer before the connection is closed (10s)
              --login-parallel K    connections logging in at once (64)
              --idle                only log in and hold the connections open for --duration (heap measurement)
              --cpu-of N=PID,...    also report these processes' CPU per request while measured, beside the
                                    generator's own: --cpu-of server=$(pgrep -f circgate.jar),mysqld=$(pgrep mariadbd)

            A 12/10/30/16 with ok=0, a 38 with payment not accepted, a 24/64 with BL=N, a 98 off-line or an
            undecodable answer counts as an error, a 96 separately. Composite operations get a row per request and
            one for the whole: 11+09 checks an item out and back in, 11+29+09 renews it in between, 15 places a hold
            on the item and cancels it (rows 15+, 15-), 37 pays 0.01 on the bill of an LB patron (499 payments each;
            importing load.json again refills them).
            """;

    private Sip2Load() {
    }

    public static void main(String[] arguments) throws InterruptedException {
        LoadOptions options;
        try {
            Args args = new Args(arguments, Set.of("idle", "help"));
            if (args.flag("help")) {
                System.out.print(USAGE);
                return;
            }
            options = LoadOptions.from(args);
            args.rejectUnknown();
        } catch (IllegalArgumentException e) {
            System.err.println("Sip2Load: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        new LoadRun(options, System.out).run();
    }
}
