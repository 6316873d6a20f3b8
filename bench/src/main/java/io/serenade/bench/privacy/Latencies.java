package io.serenade.bench.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Samples of one latency, in milliseconds, and the line that reports them. */
final class Latencies {

    private final String name;
    private final List<Double> samples = new ArrayList<>();

    Latencies(String name) {
        this.name = name;
    }

    void add(double millis) {
        samples.add(millis);
    }

    /** Nearest-rank percentile; with fewer than 100 samples p99 is the largest. */
    double percentile(double p) {
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    String row(double targetMillis) {
        if (samples.isEmpty()) {
            return String.format(Locale.ROOT, "| %s | 0 | – | – | – | no samples |", name);
        }
        double p99 = percentile(99);
        return String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %s |", name, samples.size(), percentile(50), p99,
                percentile(100), p99 <= targetMillis ? "met" : "MISSED");
    }
}
