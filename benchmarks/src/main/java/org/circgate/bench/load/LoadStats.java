package org.circgate.bench.load;

/**
 * Latencies and error counts per report row, for the connections of one event-loop thread (only that thread
 * writes; totals are taken on the same thread at the end).
 */
final class LoadStats {
    private static final int ROWS = Step.values().length;

    final LatencyHistogram[] latency = new LatencyHistogram[ROWS];
    final long[] errors = new long[ROWS];
    final long[] resends = new long[ROWS];

    LoadStats() {
        for (int i = 0; i < ROWS; i++) {
            latency[i] = new LatencyHistogram();
        }
    }

    void record(Step step, long nanos, Outcome outcome) {
        latency[step.ordinal()].record(nanos);
        if (outcome == Outcome.ERROR) {
            errors[step.ordinal()]++;
        } else if (outcome == Outcome.RESEND) {
            resends[step.ordinal()]++;
        }
    }

    void add(LoadStats other) {
        for (int i = 0; i < ROWS; i++) {
            latency[i].add(other.latency[i]);
            errors[i] += other.errors[i];
            resends[i] += other.resends[i];
        }
    }
}
