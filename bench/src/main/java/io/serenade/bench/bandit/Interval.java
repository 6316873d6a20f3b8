package io.serenade.bench.bandit;

import java.util.Locale;

/** An estimate with a 95% interval. */
public record Interval(double estimate, double low, double high) {

    private static final double Z = 1.959963984540054;

    /** Wilson's score interval for a rate of {@code successes} in {@code n}: sound even with few or no successes. */
    public static Interval wilson(double successes, long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("need at least one trial");
        }
        double p = successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** "0.46% [0.29, 0.66]". */
    public String percent() {
        return Double.isNaN(estimate) ? "n/a"
                : String.format(Locale.ROOT, "%.2f%% [%.2f, %.2f]", 100 * estimate, 100 * low, 100 * high);
    }
}
