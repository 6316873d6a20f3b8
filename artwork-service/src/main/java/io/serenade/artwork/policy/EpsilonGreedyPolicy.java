package io.serenade.artwork.policy;

import org.apache.commons.rng.UniformRandomProvider;

/** The best posterior mean with probability 1 − ε, otherwise uniform: the simplest exploring policy, a baseline. */
public final class EpsilonGreedyPolicy implements ArtworkPolicy {

    private final double epsilon;

    public EpsilonGreedyPolicy(double epsilon) {
        if (epsilon < 0 || epsilon > 1) {
            throw new IllegalArgumentException("epsilon must lie in [0, 1]");
        }
        this.epsilon = epsilon;
    }

    @Override
    public String name() {
        return "epsilon-greedy";
    }

    @Override
    public Distribution distribution(Decision decision, UniformRandomProvider random) {
        double[] expected = decision.means();
        int greedy = Distribution.argmax(expected);
        double[] p = new double[expected.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = epsilon / p.length + (i == greedy ? 1 - epsilon : 0);
        }
        return new Distribution(p, expected, greedy);
    }
}
