package io.serenade.ranking.recommend.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EaseTest {

    private static final double[][] TINY = {
            {1, 1, 0, 0, 1},
            {1, 0, 1, 0, 0},
            {0, 1, 1, 1, 0},
            {1, 1, 1, 0, 0},
            {0, 0, 0, 1, 1},
            {1, 0, 0, 1, 0},
    };

    private static InteractionMatrix matrix(double[][] dense) {
        InteractionMatrix.Builder b = InteractionMatrix.builder(dense.length, dense[0].length);
        for (int u = 0; u < dense.length; u++) {
            for (int i = 0; i < dense[u].length; i++) {
                if (dense[u][i] != 0) {
                    b.add(u, i, dense[u][i]);
                }
            }
        }
        return b.build();
    }

    @Test
    void tinyMatrixEqualsTheClosedFormComputedWithAGeneralInverse() {
        double lambda = 2.0;
        Ease ease = Ease.train(matrix(TINY), lambda, ProgressListener.none());

        // Independent route: dense X, G = XᵀX + λI, P by LU inversion (not Cholesky), B = I − P·diag(1/diag(P)).
        DMatrixRMaj x = new DMatrixRMaj(TINY);
        DMatrixRMaj g = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.multTransA(x, x, g);
        for (int i = 0; i < 5; i++) {
            g.add(i, i, lambda);
        }
        DMatrixRMaj p = new DMatrixRMaj(5, 5);
        assertThat(CommonOps_DDRM.invert(g, p)).isTrue();
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double expected = (i == j ? 1.0 : 0.0) - p.get(i, j) / p.get(j, j);
                assertThat(ease.weight(i, j)).as("B[%d][%d]", i, j).isCloseTo(expected, within(1e-6));
            }
            assertThat(ease.weight(i, i)).isZero();
        }
    }

    @Test
    void fromGramLeavesTheGramUntouchedAndMatchesTrain() {
        InteractionMatrix x = matrix(TINY);
        DMatrixRMaj gram = Ease.gram(x, ProgressListener.none());
        DMatrixRMaj before = gram.copy();
        Ease a = Ease.fromGram(gram, 3.0, ProgressListener.none());
        Ease b = Ease.train(x, 3.0, ProgressListener.none());
        assertThat(gram.data).containsExactly(before.data);
        assertThat(gram.get(0, 0)).isEqualTo(4.0);  // item 0 is taken by 4 users
        assertThat(gram.get(0, 1)).isEqualTo(2.0);  // items 0 and 1 together by users 0 and 3
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertThat(a.weight(i, j)).isEqualTo(b.weight(i, j));
            }
        }
    }

    /** 3 taste clusters of 12 items; each user takes 6 items of their cluster and 1 random item (noise). */
    static InteractionMatrix plantedClusters(long seed) {
        Random random = new Random(seed);
        int clusters = 3;
        int perCluster = 12;
        int users = 150;
        InteractionMatrix.Builder b = InteractionMatrix.builder(users, clusters * perCluster);
        for (int u = 0; u < users; u++) {
            int cluster = u % clusters;
            for (int t = 0; t < 6; t++) {
                b.add(u, cluster * perCluster + random.nextInt(perCluster), 1);
            }
            b.add(u, random.nextInt(clusters * perCluster), 1);
        }
        return b.build();
    }

    @Test
    void rankingPutsTheHistorysClusterFirst() {
        // λ large enough to damp the one noise item per user; a tiny λ lets EASE fit that noise.
        Ease ease = Ease.train(plantedClusters(7), 50, ProgressListener.none());
        for (int cluster = 0; cluster < 3; cluster++) {
            int[] history = {cluster * 12, cluster * 12 + 1, cluster * 12 + 2};
            double[] scores = ease.score(history, null);
            int[] top = TopK.top(scores, 9, j -> j != history[0] && j != history[1] && j != history[2]);
            int c = cluster;
            // The 6 best are all of the cluster, and of the 9 unseen cluster items at least 8 make the top 9.
            assertThat(Arrays.stream(top).limit(6).allMatch(j -> j / 12 == c)).as("cluster %d", cluster).isTrue();
            assertThat(Arrays.stream(top).filter(j -> j / 12 == c).count()).isGreaterThanOrEqualTo(8);
            double meanInCluster = 0;
            double meanOutside = 0;
            for (int j = 0; j < 36; j++) {
                if (j / 12 == cluster) {
                    meanInCluster += scores[j] / 12;
                } else {
                    meanOutside += scores[j] / 24;
                }
            }
            assertThat(meanInCluster).isGreaterThan(5 * meanOutside);
        }
    }

    @Test
    void accumulateAddsExactlyWeightTimesTheRow() {
        Ease ease = Ease.train(plantedClusters(3), 5, ProgressListener.none());
        double[] scores = new double[36];
        scores[4] = 1.0;
        ease.accumulate(7, 2.5, scores);
        for (int j = 0; j < 36; j++) {
            double expected = 2.5 * ease.weight(7, j) + (j == 4 ? 1.0 : 0.0);
            assertThat(scores[j]).isCloseTo(expected, within(1e-12));
        }
        // A user's score is the sum of per-history-item contributions: the basis of exact explanations.
        double[] user = ease.score(new int[] {1, 13, 30}, new double[] {1, 0.5, 2});
        assertThat(user[20]).isCloseTo(ease.weight(1, 20) + 0.5 * ease.weight(13, 20) + 2 * ease.weight(30, 20),
                within(1e-9));
    }

    @Test
    void progressRunsThroughTheStagesUpToOne() {
        List<String> stages = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        Ease.train(plantedClusters(1), 5, (stage, fraction) -> {
            stages.add(stage);
            fractions.add(fraction);
        });
        assertThat(stages).contains("gram", "invert", "finish");
        assertThat(stages.indexOf("invert")).isGreaterThan(stages.lastIndexOf("gram"));
        assertThat(fractions).isSorted();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
        assertThat(fractions.get(0)).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void anInterruptedTrainingIsCancelled() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Ease.train(plantedClusters(1), 5, ProgressListener.none()))
                    .isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void lambdaMustBePositive() {
        assertThatThrownBy(() -> Ease.train(matrix(TINY), 0, ProgressListener.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
