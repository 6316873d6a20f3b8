package io.serenade.bench;

import java.util.Random;

/** Drawing indices with probability proportional to weights, for the synthetic data generators. */
public final class WeightedDraw {

    private WeightedDraw() {
    }

    /** The running sums of the members' weights: the table {@link #draw} searches. */
    public static double[] cumulative(int[] members, double[] weight) {
        double[] c = new double[members.length];
        double sum = 0;
        for (int k = 0; k < members.length; k++) {
            sum += weight[members[k]];
            c[k] = sum;
        }
        return c;
    }

    /** Index k with probability proportional to its weight, by binary search on the cumulative weights. */
    public static int draw(double[] cumulative, Random random) {
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
