package io.serenade.ranking.recommend.model;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TopKTest {

    @Test
    void tiesGoToTheLowerIndex() {
        double[] scores = {1, 3, 2, 3, 3, 0};
        assertThat(TopK.top(scores, 3, i -> true)).containsExactly(1, 3, 4);
        assertThat(TopK.top(scores, 4, i -> true)).containsExactly(1, 3, 4, 2);
    }

    @Test
    void excludedIndexesAndNaNNeverComeBack() {
        double[] scores = {5, 4, Double.NaN, 3, 2};
        assertThat(TopK.top(scores, 2, i -> i != 0)).containsExactly(1, 3);
        assertThat(TopK.top(scores, 10, i -> i % 2 == 0)).containsExactly(0, 4);
        assertThat(TopK.top(scores, 0, i -> true)).isEmpty();
    }

    @Test
    void agreesWithAFullSortOnRandomScores() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(300);
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(20);  // many ties on purpose
            }
            int k = 1 + random.nextInt(30);
            int[] expected = IntStream.range(0, n).filter(i -> i % 3 != 0).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertThat(TopK.top(scores, k, i -> i % 3 != 0)).containsExactly(expected);
        }
    }

    @Test
    void candidateFormSelectsAmongCandidatesOnly() {
        double[] scores = {9, 1, 8, 7, 6};
        int[] candidates = {1, 3, 4, 0};
        assertThat(TopK.top(candidates, 3, scores, 2)).containsExactly(3, 4);
    }
}
