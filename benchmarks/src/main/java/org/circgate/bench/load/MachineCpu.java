package org.circgate.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time counters from /proc/stat. On a shared virtual machine the hypervisor can take a large share of
 * the vCPUs away ("steal"); a result measured under heavy steal says more about the neighbours than about circgate,
 * so every run reports it beside the load average.
 */
record MachineCpu(long busy, long idle, long steal) {
    static MachineCpu read() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(f[1]) + Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]) + Long.parseLong(f[6]) + Long.parseLong(f[7]);
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            return new MachineCpu(user + system, idle, steal);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** "busy 71 %, idle 2 %, steal 27 %" between two readings, or "n/a". */
    static String between(MachineCpu start, MachineCpu end) {
        if (start == null || end == null) {
            return "n/a";
        }
        double total = (end.busy - start.busy) + (end.idle - start.idle) + (end.steal - start.steal);
        if (total <= 0) {
            return "n/a";
        }
        return String.format("busy %.0f %%, idle %.0f %%, steal %.0f %%", 100 * (end.busy - start.busy) / total,
                100 * (end.idle - start.idle) / total, 100 * (end.steal - start.steal) / total);
    }

    /** The steal share alone, for the Markdown row. */
    static String stealBetween(MachineCpu start, MachineCpu end) {
        if (start == null || end == null) {
            return "n/a";
        }
        double total = (end.busy - start.busy) + (end.idle - start.idle) + (end.steal - start.steal);
        return total <= 0 ? "n/a" : String.format("%.0f %%", 100 * (end.steal - start.steal) / total);
    }
}
