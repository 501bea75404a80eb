package org.circgate.bench.load;

/**
 * Latencies in nanoseconds, log-linear buckets: values below 128 ns exactly, above that 128 buckets per power of two,
 * so every reported percentile is within 0.8 % of the true value. Fixed size (about 57 KiB), no allocation when
 * recording, not thread-safe: one per event-loop thread, merged at the end.
 */
final class LatencyHistogram {
    private static final int SUB_BUCKET_BITS = 7;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int BUCKETS = (64 - SUB_BUCKET_BITS + 1) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    void record(long nanos) {
        long value = Math.max(0, nanos);
        counts[index(value)]++;
        total++;
        if (value > max) {
            max = value;
        }
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    /** The value at {@code percentile} (0–100): the upper end of the bucket holding that rank; 0 when empty. */
    long percentile(double percentile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(upperBound(i), max);
            }
        }
        return max;
    }

    static int index(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int shift = exponent - SUB_BUCKET_BITS;
        int mantissa = (int) (value >>> shift);
        return (shift + 1) * SUB_BUCKETS + (mantissa - SUB_BUCKETS);
    }

    static long upperBound(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long mantissa = SUB_BUCKETS + index % SUB_BUCKETS;
        return ((mantissa + 1) << shift) - 1;
    }
}
