package io.serenade.bench.bandit;

import static io.serenade.artwork.policy.Distribution.argmax;

/**
 * The simulated artwork choice: K variants of one title, viewer segments of different sizes, and each segment's
 * true play rate per variant. {@link #standard} is the documented default; the rest is what regret is measured
 * against: the segment-mixed rates a non-contextual policy faces, and the per-segment best a contextual one can reach.
 */
public record ArtworkProblem(double[] shares, double[][] rates) {

    /** A segment's play rate on the variant made for it, and on any other: both within real artwork play rates. */
    static final double LIKED = 0.08;
    static final double OTHER = 0.03;

    public ArtworkProblem {
        if (shares.length == 0 || shares.length != rates.length) {
            throw new IllegalArgumentException("need one rate row per segment");
        }
        double sum = 0;
        for (int s = 0; s < shares.length; s++) {
            sum += shares[s];
            if (rates[s].length != rates[0].length || rates[s].length < 2) {
                throw new IllegalArgumentException("every segment needs a rate for each of at least 2 variants");
            }
            for (double r : rates[s]) {
                if (!(r >= 0 && r <= 1)) {
                    throw new IllegalArgumentException("a play rate must lie in [0, 1], got " + r);
                }
            }
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("segment shares sum to " + sum);
        }
    }

    /**
     * Segment s is a share proportional to (segments − s) of the viewers (1/2, 1/3, 1/6 for three) and plays the
     * variant s mod K at {@link #LIKED}, every other at {@link #OTHER}. Unequal shares make the best single variant
     * unique; each segment preferring another variant is what a contextual policy can exploit.
     */
    public static ArtworkProblem standard(int variants, int segments) {
        if (variants < 2 || segments < 1) {
            throw new IllegalArgumentException("need at least 2 variants and 1 segment");
        }
        double total = segments * (segments + 1) / 2.0;
        double[] shares = new double[segments];
        double[][] rates = new double[segments][variants];
        for (int s = 0; s < segments; s++) {
            shares[s] = (segments - s) / total;
            for (int a = 0; a < variants; a++) {
                rates[s][a] = a == s % variants ? LIKED : OTHER;
            }
        }
        return new ArtworkProblem(shares, rates);
    }

    /** One segment: the classic non-contextual Bernoulli bandit, for settings from the literature. */
    public static ArtworkProblem single(double[] rates) {
        return new ArtworkProblem(new double[] {1}, new double[][] {rates});
    }

    public int variants() {
        return rates[0].length;
    }

    public int segments() {
        return shares.length;
    }

    /** The segment of a viewer drawn by a uniform {@code u} in [0, 1). */
    public int segment(double u) {
        double cumulative = 0;
        for (int s = 0; s < shares.length - 1; s++) {
            cumulative += shares[s];
            if (u < cumulative) {
                return s;
            }
        }
        return shares.length - 1;
    }

    /** μₐ = Σₛ wₛ rₛₐ: each variant's play rate over all viewers, what a policy blind to the segment faces. */
    public double[] mixed() {
        double[] mu = new double[variants()];
        for (int s = 0; s < shares.length; s++) {
            for (int a = 0; a < mu.length; a++) {
                mu[a] += shares[s] * rates[s][a];
            }
        }
        return mu;
    }

    /** The best single variant for everybody. */
    public int bestVariant() {
        return argmax(mixed());
    }

    /** The play rate of the contextual oracle, which shows every segment its own best variant. */
    public double oracle() {
        double value = 0;
        for (int s = 0; s < shares.length; s++) {
            value += shares[s] * rates[s][argmax(rates[s])];
        }
        return value;
    }

    /**
     * Σ over suboptimal a of Δₐ / KL(μₐ, μ*): the constant of Lai and Robbins' lower bound on the regret of any
     * consistent policy for the non-contextual problem, regret(t) ≥ (constant + o(1)) · ln t.
     */
    public double laiRobbinsConstant() {
        double[] mu = mixed();
        double best = mu[argmax(mu)];
        double constant = 0;
        for (double m : mu) {
            if (m < best) {
                constant += (best - m) / bernoulliKl(m, best);
            }
        }
        return constant;
    }

    /** KL(Bernoulli(p) ‖ Bernoulli(q)), for p in [0, 1] and q in (0, 1). */
    static double bernoulliKl(double p, double q) {
        return xLogXOverY(p, q) + xLogXOverY(1 - p, 1 - q);
    }

    private static double xLogXOverY(double x, double y) {
        return x == 0 ? 0 : x * Math.log(x / y);
    }
}
