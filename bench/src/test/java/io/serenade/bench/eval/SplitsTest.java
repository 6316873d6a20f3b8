package io.serenade.bench.eval;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SplitsTest {

    private static final double[] RS_811 = {0.8, 0.1, 0.1};

    @Test
    void recBoleRoundingPerUser() {
        // floor(0.1·n) for valid and test, the rest train; a part with 0 < 0.1·n < 1 takes one item while
        // train keeps more than one, test first.
        assertThat(Splits.recBoleCounts(1, RS_811)).containsExactly(1, 0, 0);
        assertThat(Splits.recBoleCounts(2, RS_811)).containsExactly(1, 0, 1);
        assertThat(Splits.recBoleCounts(3, RS_811)).containsExactly(1, 1, 1);
        assertThat(Splits.recBoleCounts(5, RS_811)).containsExactly(3, 1, 1);
        assertThat(Splits.recBoleCounts(9, RS_811)).containsExactly(7, 1, 1);
        assertThat(Splits.recBoleCounts(10, RS_811)).containsExactly(8, 1, 1);
        assertThat(Splits.recBoleCounts(19, RS_811)).containsExactly(17, 1, 1);
        assertThat(Splits.recBoleCounts(20, RS_811)).containsExactly(16, 2, 2);
        assertThat(Splits.recBoleCounts(25, RS_811)).containsExactly(21, 2, 2);
        assertThat(Splits.recBoleCounts(30, RS_811)).containsExactly(24, 3, 3);  // 0.1 × 30 = 3.0000000000000004
        assertThat(Splits.recBoleCounts(737, RS_811)).containsExactly(591, 73, 73);
    }

    @Test
    void stratifiedRoundingIsHalfToEven() {
        assertThat(IntStream.of(1, 2, 3, 4, 5, 6, 10, 14, 20, 21).map(n -> Splits.stratifiedTrainCount(n, 0.75)).toArray())
                .containsExactly(1, 2, 2, 3, 4, 4, 8, 10, 15, 16);  // 0.75, 1.5→2, 2.25, 3, 3.75, 4.5→4, 7.5→8, 10.5→10
    }

    private static int[][] users() {
        Ratings r = SyntheticRatings.generate(200, 150, 5, 11);
        return Protocol.STRATIFIED_7525.prepare(r).itemsOfUser;
    }

    private static Set<Integer> set(int[] a) {
        Set<Integer> s = new HashSet<>();
        for (int i : a) {
            s.add(i);
        }
        return s;
    }

    @Test
    void random811PartitionsEveryUser() {
        int[][] rows = users();
        int[][][] p = Splits.random811(rows, 42);
        for (int u = 0; u < rows.length; u++) {
            int[] expected = Splits.recBoleCounts(rows[u].length, RS_811);
            assertThat(new int[] {p[0][u].length, p[1][u].length, p[2][u].length}).containsExactly(expected);
            Set<Integer> train = set(p[0][u]);
            for (int i : p[2][u]) {
                assertThat(train).doesNotContain(i);
            }
            for (int i : p[1][u]) {
                assertThat(train).doesNotContain(i);
            }
            assertThat(set(p[1][u])).doesNotContainAnyElementsOf(set(p[2][u]));
            int[] all = IntStream.concat(IntStream.concat(Arrays.stream(p[0][u]), Arrays.stream(p[1][u])),
                    Arrays.stream(p[2][u])).sorted().toArray();
            assertThat(all).containsExactly(Arrays.stream(rows[u]).sorted().toArray());
        }
        assertThat(Splits.random811(rows, 42)[2]).isDeepEqualTo(p[2]);
        assertThat(Arrays.deepEquals(Splits.random811(rows, 43)[2], p[2])).isFalse();
    }

    @Test
    void stratifiedPartitionsEveryUser() {
        int[][] rows = users();
        int[][][] p = Splits.stratified(rows, 0.75, 42);
        int trainTotal = 0;
        int total = 0;
        for (int u = 0; u < rows.length; u++) {
            assertThat(p[0][u].length).isEqualTo(Splits.stratifiedTrainCount(rows[u].length, 0.75));
            assertThat(p[0][u].length + p[1][u].length).isEqualTo(rows[u].length);
            assertThat(set(p[0][u])).doesNotContainAnyElementsOf(set(p[1][u]));
            trainTotal += p[0][u].length;
            total += rows[u].length;
        }
        assertThat((double) trainTotal / total).isBetween(0.74, 0.76);
    }

    @Test
    void random811DropsRatingsBelowThreeAndStratifiedKeepsAll() {
        Ratings r = SyntheticRatings.generate(100, 80, 4, 5);
        long positives = IntStream.range(0, r.size()).filter(row -> r.rating(row) >= 3).count();
        assertThat(Protocol.RANDOM_811.prepare(r).size()).isEqualTo((int) positives).isLessThan(r.size());
        assertThat(Protocol.STRATIFIED_7525.prepare(r).size()).isEqualTo(r.size());
    }

    @Test
    void random811StagesMaskWhatRecBoleMasks() {
        Interactions d = Protocol.RANDOM_811.prepare(SyntheticRatings.generate(100, 80, 4, 5));
        Protocol.Plan plan = Protocol.RANDOM_811.plan(d, 42);
        assertThat(plan.refit()).isFalse();  // fitted on train for both stages
        Stage valid = plan.valid();
        Stage test = plan.test();
        for (int u = 0; u < d.users; u++) {
            assertThat(valid.fit().itemsOf(u)).containsExactly(Arrays.stream(valid.history()[u]).sorted().toArray());
            assertThat(set(valid.masked()[u])).isEqualTo(set(valid.history()[u]));
            Set<Integer> maskedAtTest = set(test.masked()[u]);
            assertThat(maskedAtTest).containsAll(set(valid.history()[u])).containsAll(set(valid.relevant()[u]));
            assertThat(maskedAtTest).doesNotContainAnyElementsOf(set(test.relevant()[u]));
        }
    }

    @Test
    void stratifiedValidationIsCarvedOutOfTrain() {
        Interactions d = Protocol.STRATIFIED_7525.prepare(SyntheticRatings.generate(100, 80, 4, 5));
        Protocol.Plan plan = Protocol.STRATIFIED_7525.plan(d, 42);
        assertThat(plan.refit()).isTrue();
        for (int u = 0; u < d.users; u++) {
            Set<Integer> innerAll = set(plan.valid().history()[u]);
            innerAll.addAll(set(plan.valid().relevant()[u]));
            assertThat(innerAll).isEqualTo(set(plan.test().history()[u]));
            assertThat(set(plan.test().relevant()[u])).doesNotContainAnyElementsOf(innerAll);
        }
        // Only items the fitted data knows are candidates, as a model trained on it could not score others.
        int[] counts = plan.test().fit().itemCounts();
        for (int i = 0; i < d.items; i++) {
            assertThat(plan.test().candidate()[i]).isEqualTo(counts[i] > 0);
        }
    }
}
