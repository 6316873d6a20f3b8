package io.serenade.ranking.recommend.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BlendTest {

    @Test
    void blendIsTheWeightedSumOfItsModels() {
        InteractionMatrix x = EaseTest.plantedClusters(9);
        Ease ease = Ease.train(x, 8, ProgressListener.none());
        ItemKnn knn = ItemKnn.train(x, 6, 1, ProgressListener.none());
        Blend blend = Blend.of(List.of(ease, knn), new double[] {0.7, 0.3});
        int[] history = {2, 5, 17};
        double[] blended = blend.score(history, null);
        double[] a = ease.score(history, null);
        double[] b = knn.score(history, null);
        for (int j = 0; j < 36; j++) {
            assertThat(blended[j]).isCloseTo(0.7 * a[j] + 0.3 * b[j], within(1e-9));
            assertThat(blend.weight(5, j)).isCloseTo(0.7 * ease.weight(5, j) + 0.3 * knn.weight(5, j), within(1e-9));
        }
        // Linear in the history values too: doubling every value doubles every score.
        double[] doubled = blend.score(history, new double[] {2, 2, 2});
        assertThat(doubled[30]).isCloseTo(2 * blended[30], within(1e-9));
    }

    @Test
    void modelsMustShareTheItemCount() {
        Ease small = Ease.train(InteractionMatrix.builder(1, 2).add(0, 0, 1).build(), 1, ProgressListener.none());
        Ease large = Ease.train(InteractionMatrix.builder(1, 3).add(0, 0, 1).build(), 1, ProgressListener.none());
        assertThatThrownBy(() -> Blend.of(List.of(small, large), new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Blend.of(List.of(small), new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
