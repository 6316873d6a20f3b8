package io.serenade.ranking.recommend.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ItemKnnTest {

    // Items A=0, B=1, C=2, D=3. Users: {A,B}, {A,B}, {A,C}, {D}.
    private static InteractionMatrix abcd() {
        return InteractionMatrix.builder(4, 4)
                .add(0, 0, 1).add(0, 1, 1)
                .add(1, 0, 1).add(1, 1, 1)
                .add(2, 0, 1).add(2, 2, 1)
                .add(3, 3, 1)
                .build();
    }

    @Test
    void cosineWithShrinkByHand() {
        ItemKnn knn = ItemKnn.train(abcd(), 5, 1.0, ProgressListener.none());
        // A·B = 2, ‖A‖ = √3, ‖B‖ = √2: 2 / (√6 + 1). A·C = 1, ‖C‖ = 1: 1 / (√3 + 1).
        assertThat(knn.weight(0, 1)).isCloseTo(2 / (Math.sqrt(6) + 1), within(1e-6));
        assertThat(knn.weight(0, 2)).isCloseTo(1 / (Math.sqrt(3) + 1), within(1e-6));
        assertThat(knn.weight(1, 0)).isCloseTo(knn.weight(0, 1), within(1e-9));
        assertThat(knn.weight(1, 2)).isZero();  // never taken together
        assertThat(knn.weight(0, 0)).isZero();  // no self-similarity
        assertThat(knn.neighboursOf(3)).isEmpty();
    }

    @Test
    void keepsOnlyTheTopKNeighbours() {
        ItemKnn knn = ItemKnn.train(abcd(), 1, 0.0, ProgressListener.none());
        assertThat(knn.neighboursOf(0)).containsExactly(1);  // B (0.816) beats C (0.577)
        assertThat(knn.neighboursOf(2)).containsExactly(0);
        assertThat(knn.weight(0, 2)).isZero();
        assertThat(knn.weight(0, 1)).isCloseTo(2 / Math.sqrt(6), within(1e-6));
    }

    @Test
    void topKOnAPlantedMatrixStaysInCluster() {
        InteractionMatrix x = EaseTest.plantedClusters(11);
        ItemKnn knn = ItemKnn.train(x, 5, 2.0, ProgressListener.none());
        int inCluster = 0;
        int total = 0;
        for (int i = 0; i < 36; i++) {
            for (int j : knn.neighboursOf(i)) {
                total++;
                if (j / 12 == i / 12) {
                    inCluster++;
                }
            }
            assertThat(knn.neighboursOf(i)).hasSizeLessThanOrEqualTo(5);
        }
        assertThat((double) inCluster / total).isGreaterThan(0.9);
    }

    @Test
    void accumulateMatchesWeight() {
        ItemKnn knn = ItemKnn.train(EaseTest.plantedClusters(5), 4, 1.0, ProgressListener.none());
        double[] scores = new double[36];
        knn.accumulate(10, -1.5, scores);
        for (int j = 0; j < 36; j++) {
            assertThat(scores[j]).isCloseTo(-1.5 * knn.weight(10, j), within(1e-12));
        }
    }
}
