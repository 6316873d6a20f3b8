package io.serenade.ranking.recommend.model;

/** Non-personal item scores: how many users took each item, optionally with recent interactions counting more. */
public final class Popularity {

    private static final double SECONDS_PER_DAY = 86_400.0;

    private Popularity() {
    }

    /** Users per item. */
    public static double[] counts(InteractionMatrix x) {
        int[] counts = x.itemCounts();
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i];
        }
        return out;
    }

    /**
     * Σ value · 2^(−age / halfLife) per item, age = now − event time in days. An event stamped after {@code now}
     * (clock skew) counts as age zero rather than more than its value.
     */
    public static double[] decayed(int items, int[] item, long[] epochSecond, double[] value, long nowEpochSecond,
                                   double halfLifeDays) {
        if (item.length != epochSecond.length || item.length != value.length) {
            throw new IllegalArgumentException("item, epochSecond and value must have the same length");
        }
        if (!(halfLifeDays > 0)) {
            throw new IllegalArgumentException("halfLifeDays must be > 0, got " + halfLifeDays);
        }
        double[] out = new double[items];
        for (int e = 0; e < item.length; e++) {
            double ageDays = Math.max(0, nowEpochSecond - epochSecond[e]) / SECONDS_PER_DAY;
            out[item[e]] += value[e] * Math.pow(0.5, ageDays / halfLifeDays);
        }
        return out;
    }

    /**
     * Scores scaled to [0, 1] by the largest one, the form in which popularity is added to personal scores as a
     * prior: {@code score = personal + β · normalized}. All zeros stay zeros.
     */
    public static double[] normalized(double[] popularity) {
        double max = 0;
        for (double p : popularity) {
            max = Math.max(max, p);
        }
        double[] out = new double[popularity.length];
        if (max > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = popularity[i] / max;
            }
        }
        return out;
    }
}
