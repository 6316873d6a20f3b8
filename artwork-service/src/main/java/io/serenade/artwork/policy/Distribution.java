package io.serenade.artwork.policy;

import java.util.Arrays;

/**
 * A policy's decision before the draw: the probability of showing each arm (they sum to 1), each arm's expected
 * reward as the policy sees it, and the greedy arm (highest expected reward; the first on ties). The chosen arm is
 * drawn from exactly these probabilities, so the propensity logged with an impression is the true one.
 */
public record Distribution(double[] probabilities, double[] expected, int greedy) {

    private static final double TOLERANCE = 1e-9;

    public Distribution {
        if (probabilities.length == 0 || probabilities.length != expected.length) {
            throw new IllegalArgumentException("probabilities and expectations must be non-empty and of one length");
        }
        double sum = 0;
        for (double p : probabilities) {
            if (!(p >= 0)) {
                throw new IllegalArgumentException("negative or NaN probability " + p);
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > TOLERANCE) {
            throw new IllegalArgumentException("probabilities sum to " + sum);
        }
        if (greedy < 0 || greedy >= probabilities.length) {
            throw new IllegalArgumentException("greedy index out of range");
        }
    }

    /** The index of the highest value, the first on ties: a stable order makes ties deterministic. */
    public static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** All weight on one arm (the consent fallback and deterministic policies). */
    public static Distribution certain(int index, double[] expected) {
        double[] p = new double[expected.length];
        p[index] = 1;
        return new Distribution(p, expected, argmax(expected));
    }

    public double probability(int index) {
        return probabilities[index];
    }

    /** The probability of showing something other than the greedy arm: the share of traffic spent learning. */
    public double explorationShare() {
        return 1 - probabilities[greedy];
    }

    /** The arm for a uniform draw {@code u} in [0, 1), by inverse CDF. */
    public int sample(double u) {
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i] > 0) {
                cumulative += probabilities[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last; // u within rounding of 1
    }

    /**
     * This distribution with at most {@code cap} of its weight off the greedy arm: the guardrail that bounds how
     * much of the traffic sees images the policy believes are worse. The non-greedy arms keep their proportions,
     * so a capped policy still explores where it wanted to, only less often; the result is again exact.
     */
    public Distribution capExploration(double cap) {
        if (cap < 0 || cap > 1) {
            throw new IllegalArgumentException("the exploration cap must lie in [0, 1]");
        }
        double off = explorationShare();
        if (off <= cap) {
            return this;
        }
        double[] p = new double[probabilities.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = i == greedy ? 1 - cap : probabilities[i] * (cap / off);
        }
        return new Distribution(p, expected, greedy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Distribution d && Arrays.equals(probabilities, d.probabilities)
                && Arrays.equals(expected, d.expected) && greedy == d.greedy;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(probabilities) + greedy;
    }

    @Override
    public String toString() {
        return "Distribution" + Arrays.toString(probabilities) + " greedy=" + greedy;
    }
}
