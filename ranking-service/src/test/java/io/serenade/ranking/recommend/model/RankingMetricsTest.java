package io.serenade.ranking.recommend.model;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingMetricsTest {

    // Relevant items 3, 9 and 7; the list hits 3 at rank 2 and 9 at rank 5, misses 7.
    private static final int[] RANKED = {5, 3, 8, 1, 9};
    private static final Set<Integer> RELEVANT = Set.of(3, 9, 7);

    @Test
    void ndcgByHand() {
        // DCG@5 = 1/log2(3) + 1/log2(6) = 0.630930 + 0.386853 = 1.017783
        // IDCG@5 over min(3, 5) = 3 hits: 1 + 1/log2(3) + 1/log2(4) = 1 + 0.630930 + 0.5 = 2.130930
        assertThat(RankingMetrics.ndcg(RANKED, RELEVANT, 5)).isCloseTo(1.017783 / 2.130930, within(1e-6));
        // @2: DCG = 1/log2(3); IDCG over min(3, 2) = 2 hits = 1 + 1/log2(3).
        assertThat(RankingMetrics.ndcg(RANKED, RELEVANT, 2)).isCloseTo(0.630930 / 1.630930, within(1e-6));
        assertThat(RankingMetrics.ndcg(new int[] {3, 9, 7}, RELEVANT, 10)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void recallPrecisionHitMrrByHand() {
        assertThat(RankingMetrics.recall(RANKED, RELEVANT, 5)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(RankingMetrics.recall(RANKED, RELEVANT, 2)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(RankingMetrics.precision(RANKED, RELEVANT, 5)).isCloseTo(0.4, within(1e-12));
        // A 5-item list judged at 10 still divides by 10.
        assertThat(RankingMetrics.precision(RANKED, RELEVANT, 10)).isCloseTo(0.2, within(1e-12));
        assertThat(RankingMetrics.hit(RANKED, RELEVANT, 5)).isEqualTo(1.0);
        assertThat(RankingMetrics.hit(RANKED, RELEVANT, 1)).isEqualTo(0.0);
        assertThat(RankingMetrics.mrr(RANKED, RELEVANT, 5)).isCloseTo(0.5, within(1e-12));
        assertThat(RankingMetrics.mrr(RANKED, RELEVANT, 1)).isZero();
    }

    @Test
    void averagePrecisionByHand() {
        // Precision at the hits: 1/2 (rank 2) and 2/5 (rank 5); sum 0.9.
        assertThat(RankingMetrics.averagePrecision(RANKED, RELEVANT, 5)).isCloseTo(0.9 / 3, within(1e-12));
        assertThat(RankingMetrics.averagePrecisionAtK(RANKED, RELEVANT, 5)).isCloseTo(0.9 / 3, within(1e-12));
        // @2 only the first hit counts: 0.5 / |relevant| = 0.1667 versus 0.5 / min(3, 2) = 0.25.
        assertThat(RankingMetrics.averagePrecision(RANKED, RELEVANT, 2)).isCloseTo(0.5 / 3, within(1e-12));
        assertThat(RankingMetrics.averagePrecisionAtK(RANKED, RELEVANT, 2)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void noRelevantItemScoresZero() {
        assertThat(RankingMetrics.ndcg(RANKED, Set.of(), 5)).isZero();
        assertThat(RankingMetrics.recall(RANKED, Set.of(), 5)).isZero();
        assertThat(RankingMetrics.averagePrecision(RANKED, Set.of(), 5)).isZero();
    }

    @Test
    void maskFormAgreesWithSetForm() {
        boolean[] mask = new boolean[10];
        mask[3] = true;
        mask[9] = true;
        mask[7] = true;
        assertThat(RankingMetrics.ndcg(RANKED, mask, 5)).isEqualTo(RankingMetrics.ndcg(RANKED, RELEVANT, 5));
        assertThat(RankingMetrics.recall(RANKED, mask, 5)).isEqualTo(RankingMetrics.recall(RANKED, RELEVANT, 5));
    }
}
