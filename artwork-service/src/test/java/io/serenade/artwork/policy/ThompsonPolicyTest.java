package io.serenade.artwork.policy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ThompsonPolicyTest {

    private final FeatureSpace space = new FeatureSpace(List.of("faces", "ominous", "minimal"));
    private final UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);

    @Test
    void withoutDataEveryVariantIsEquallyLikely() {
        Distribution d = new ThompsonPolicy(20_000).distribution(
                new Decision(Models.arms(space, 3), null, new Models.Mutable(null)), random);
        assertThat(d.probabilities()).containsExactly(new double[]{1.0 / 3, 1.0 / 3, 1.0 / 3}, within(0.015));
        assertThat(sum(d.probabilities())).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void theEstimateMatchesTheExactProbabilityThatOneBetaBeatsAnother() {
        Models.Mutable model = new Models.Mutable(null);
        // Beta(3, 9) against Beta(5, 7): P(X > Y) has a closed form for integer parameters (Miller's).
        model.stats.put("a0", new BetaStats(10, 2));
        model.stats.put("a1", new BetaStats(10, 4));
        Distribution d = new ThompsonPolicy(200_000).distribution(new Decision(Models.arms(space, 2), null, model), random);
        assertThat(d.probability(0)).isCloseTo(exactProbabilityFirstBeats(3, 9, 5, 7), within(0.005));
        assertThat(d.greedy()).isEqualTo(1);
    }

    @Test
    void everyVariantKeepsAPositivePropensityEvenWhenHopeless() {
        Models.Mutable model = new Models.Mutable(null);
        model.stats.put("a0", new BetaStats(10_000, 5_000));
        model.stats.put("a1", new BetaStats(10_000, 10));
        Distribution d = new ThompsonPolicy(1000).distribution(new Decision(Models.arms(space, 2), null, model), random);
        assertThat(d.probability(1)).isEqualTo(0.5 / 1001);
        assertThat(d.probability(0) + d.probability(1)).isCloseTo(1.0, within(1e-12));
    }

    /** P(X > Y) for X ~ Beta(a1, b1), Y ~ Beta(a2, b2), integer a1 (Miller 2015, closed form). */
    private static double exactProbabilityFirstBeats(int a1, int b1, int a2, int b2) {
        double total = 0;
        for (int i = 0; i < a1; i++) {
            total += Math.exp(logBeta(a2 + i, b1 + b2) - Math.log(b1 + i) - logBeta(1 + i, b1) - logBeta(a2, b2));
        }
        return total;
    }

    private static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    private static double logGamma(double n) {
        double s = 0; // integer arguments only: log((n-1)!)
        for (int k = 2; k < (int) n; k++) {
            s += Math.log(k);
        }
        return s;
    }

    private static double sum(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        return s;
    }
}
