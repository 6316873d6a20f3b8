package io.serenade.artwork.policy;

import org.apache.commons.rng.UniformRandomProvider;

import java.util.Arrays;

/** Every variant equally often: the baseline, and the logging policy whose data any other policy can be evaluated on. */
public final class UniformPolicy implements ArtworkPolicy {

    public static final String NAME = "uniform";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Distribution distribution(Decision decision, UniformRandomProvider random) {
        double[] expected = decision.means();
        double[] p = new double[expected.length];
        Arrays.fill(p, 1.0 / p.length);
        return new Distribution(p, expected, Distribution.argmax(expected));
    }
}
