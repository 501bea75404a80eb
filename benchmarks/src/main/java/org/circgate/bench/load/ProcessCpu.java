package org.circgate.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A process whose CPU time a run reports (the generator itself, and with {@code --cpu-of} the server and its
 * database), so "where does the CPU go" has a command that reproduces it. On a machine the generator shares with the
 * server, every millisecond the generator spends is one the server and MariaDB do not get.
 */
record ProcessCpu(String name, long pid) {
    /** USER_HZ, the unit of the CPU times in /proc/PID/stat: 100 on Linux. */
    static final long TICKS_PER_SECOND = 100;

    ProcessCpu {
        if (!name.matches("[A-Za-z0-9_-]{1,32}") || pid < 1) {
            throw new IllegalArgumentException("--cpu-of takes NAME=PID pairs, got " + name + "=" + pid);
        }
    }

    static ProcessCpu self() {
        return new ProcessCpu("generator", ProcessHandle.current().pid());
    }

    /** "server=1234,mysqld=5678" as given to {@code --cpu-of}; empty for null. */
    static List<ProcessCpu> parse(String spec) {
        List<ProcessCpu> processes = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return processes;
        }
        for (String pair : spec.split(",")) {
            String[] parts = pair.trim().split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("--cpu-of takes NAME=PID pairs, got " + pair);
            }
            try {
                processes.add(new ProcessCpu(parts[0], Long.parseLong(parts[1].trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--cpu-of: not a process id: " + parts[1]);
            }
        }
        return processes;
    }

    /** User and system CPU time of all its threads so far, in nanoseconds; -1 if it cannot be read (gone, no /proc). */
    long nanos() {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) * (1_000_000_000L
                    / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime (fields 14 and 15) of a /proc/PID/stat line; the command name in field 2 may hold spaces. */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
