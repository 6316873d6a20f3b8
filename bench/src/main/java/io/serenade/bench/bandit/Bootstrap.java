package io.serenade.bench.bandit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap over rounds: an estimator is recomputed on {@code resamples} resamples of the rounds drawn
 * with replacement. Every interval of one bootstrap uses the same resamples (same seed), so the intervals of
 * different policies and estimators differ by the estimator, not by the luck of the draw.
 */
public record Bootstrap(int resamples, long seed) {

    public Bootstrap {
        if (resamples < 1) {
            throw new IllegalArgumentException("need at least one resample");
        }
    }

    /**
     * The estimate on all {@code n} rounds and its 95% percentile interval. The estimator receives the indices of
     * the rounds to use (repeats allowed); a resample where it is undefined (NaN) is left out.
     */
    public Interval interval(int n, ToDoubleFunction<int[]> estimator) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        double estimate = estimator.applyAsDouble(all);
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] values = new double[resamples];
        int kept = 0;
        int[] sample = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                sample[i] = random.nextInt(n);
            }
            double v = estimator.applyAsDouble(sample);
            if (!Double.isNaN(v)) {
                values[kept++] = v;
            }
        }
        if (kept == 0) {
            return new Interval(estimate, Double.NaN, Double.NaN);
        }
        double[] sorted = Arrays.copyOf(values, kept);
        Arrays.sort(sorted);
        return new Interval(estimate, quantile(sorted, 0.025), quantile(sorted, 0.975));
    }

    /** The q-quantile of sorted values, interpolating between order statistics (R's type 7). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
