package io.serenade.artwork.policy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/**
 * Beta-Bernoulli Thompson sampling, non-contextual: show each variant with the probability that its play rate is
 * the highest under the posterior. That probability has no closed form, so it is estimated by Monte Carlo
 * ({@code draws} joint posterior samples), and the variant is then drawn from the estimate — which makes the
 * logged propensity exact for the draw actually made. The estimate is mixed with 1/(draws + 1) of uniform, so
 * every variant keeps a positive propensity (off-line evaluation of any other policy needs one).
 */
public final class ThompsonPolicy implements ArtworkPolicy {

    public static final String NAME = "thompson";

    private final int draws;

    public ThompsonPolicy(int draws) {
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be positive");
        }
        this.draws = draws;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Distribution distribution(Decision decision, UniformRandomProvider random) {
        int k = decision.arms().size();
        double[] expected = decision.means();
        if (k == 1) {
            return Distribution.certain(0, expected);
        }
        SharedStateContinuousSampler[] samplers = samplers(decision, random);
        int[] wins = new int[k];
        double[] sample = new double[k];
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < k; i++) {
                sample[i] = samplers[i].sample();
            }
            wins[Distribution.argmax(sample)]++;
        }
        double[] p = new double[k];
        for (int i = 0; i < k; i++) {
            p[i] = (wins[i] + 1.0 / k) / (draws + 1);
        }
        return new Distribution(p, expected, Distribution.argmax(expected));
    }

    /**
     * One Thompson draw: the arm whose posterior sample is highest. This is exact Thompson sampling, for a
     * simulation that needs no propensity; its probabilities are what {@link #distribution} estimates.
     */
    public static int draw(Decision decision, UniformRandomProvider random) {
        SharedStateContinuousSampler[] samplers = samplers(decision, random);
        int best = 0;
        double bestValue = -1;
        for (int i = 0; i < samplers.length; i++) {
            double v = samplers[i].sample();
            if (v > bestValue) {
                best = i;
                bestValue = v;
            }
        }
        return best;
    }

    private static SharedStateContinuousSampler[] samplers(Decision decision, UniformRandomProvider random) {
        SharedStateContinuousSampler[] samplers = new SharedStateContinuousSampler[decision.arms().size()];
        for (int i = 0; i < samplers.length; i++) {
            BetaStats s = decision.model().stats(decision.arms().get(i).id());
            samplers[i] = ChengBetaSampler.of(random, s.alpha(), s.beta());
        }
        return samplers;
    }
}
