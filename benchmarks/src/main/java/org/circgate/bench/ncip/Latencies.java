package org.circgate.bench.ncip;

import java.util.Arrays;

/** Every measured latency of a run (nanoseconds), for exact percentiles afterwards. Not thread-safe: one per client. */
final class Latencies {
    private long[] values = new long[4096];
    private int size;
    private boolean sorted;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
        sorted = false;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int size() {
        return size;
    }

    /** The latency below which {@code percent} of the samples lie, in milliseconds (nearest rank). */
    double percentile(double percent) {
        if (size == 0) {
            return Double.NaN;
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return values[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}
