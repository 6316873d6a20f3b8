package io.serenade.ranking.recommend.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PopularityTest {

    private static final long NOW = 1_700_000_000L;
    private static final long DAY = 86_400L;

    @Test
    void countsAreUsersPerItem() {
        InteractionMatrix x = InteractionMatrix.builder(3, 3).add(0, 1, 5).add(1, 1, 1).add(2, 0, 1).build();
        assertThat(Popularity.counts(x)).containsExactly(1.0, 2.0, 0.0);
    }

    @Test
    void decayHalvesPerHalfLife() {
        double[] pop = Popularity.decayed(3,
                new int[] {0, 1, 1, 2},
                new long[] {NOW, NOW - 7 * DAY, NOW - 14 * DAY, NOW + DAY},
                new double[] {1, 2, 4, 1},
                NOW, 7);
        assertThat(pop[0]).isCloseTo(1.0, within(1e-12));
        assertThat(pop[1]).isCloseTo(2 * 0.5 + 4 * 0.25, within(1e-12));
        assertThat(pop[2]).isCloseTo(1.0, within(1e-12));  // a future stamp counts as now
    }

    @Test
    void normalizedDividesByTheMax() {
        assertThat(Popularity.normalized(new double[] {2, 8, 0})).containsExactly(0.25, 1.0, 0.0);
        assertThat(Popularity.normalized(new double[] {0, 0})).containsExactly(0.0, 0.0);
    }
}
