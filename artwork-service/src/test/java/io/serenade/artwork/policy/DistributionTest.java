package io.serenade.artwork.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DistributionTest {

    @Test
    void probabilitiesMustSumToOne() {
        assertThatThrownBy(() -> new Distribution(new double[]{0.5, 0.4}, new double[2], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum");
        assertThatThrownBy(() -> new Distribution(new double[]{1.2, -0.2}, new double[2], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCapMovesWeightToTheGreedyArmAndKeepsTheOthersInProportion() {
        Distribution d = new Distribution(new double[]{0.1, 0.6, 0.3}, new double[]{0.9, 0.1, 0.2}, 0);
        assertThat(d.explorationShare()).isCloseTo(0.9, within(1e-12));

        Distribution capped = d.capExploration(0.2);

        assertThat(capped.probabilities()).containsExactly(new double[]{0.8, 0.6 * 0.2 / 0.9, 0.3 * 0.2 / 0.9}, within(1e-12));
        assertThat(capped.explorationShare()).isCloseTo(0.2, within(1e-12));
        assertThat(capped.probability(1) / capped.probability(2)).isCloseTo(2.0, within(1e-12));
        assertThat(d.capExploration(0.95)).isSameAs(d);
    }

    @Test
    void samplingFollowsTheProbabilities() {
        Distribution d = new Distribution(new double[]{0.25, 0, 0.75}, new double[3], 2);
        assertThat(d.sample(0.0)).isEqualTo(0);
        assertThat(d.sample(0.2499)).isEqualTo(0);
        assertThat(d.sample(0.25)).isEqualTo(2);
        assertThat(d.sample(0.9999999)).isEqualTo(2);
        int[] counts = new int[3];
        for (int i = 0; i < 10_000; i++) {
            counts[d.sample((i + 0.5) / 10_000)]++;
        }
        assertThat(counts).containsExactly(2500, 0, 7500);
    }
}
