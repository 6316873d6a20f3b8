package io.serenade.bench.bandit;

import io.serenade.bench.bandit.BanditSimulator.Trace;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BanditSimulatorTest {

    private static final ArtworkProblem PROBLEM = ArtworkProblem.standard(4, 3);
    private static final int T = 5_000;

    private static List<Trace> runAll(long seed, int runs) {
        BanditSimulator sim = new BanditSimulator(PROBLEM, T, seed);
        List<Contender> lineup = Contender.lineup(PROBLEM.variants());
        return IntStream.range(0, lineup.size()).mapToObj(i -> sim.run(lineup.get(i), i, runs)).toList();
    }

    private static double finalMean(double[][] perRun) {
        return Arrays.stream(perRun).mapToDouble(r -> r[r.length - 1]).average().orElseThrow();
    }

    @Test
    void checkpointsAreLogSpacedAndEndAtTheHorizon() {
        long[] c = BanditSimulator.logSpaced(100_000, 20);
        assertThat(c[0]).isEqualTo(1);
        assertThat(c).contains(10L, 100L, 1_000L, 10_000L);
        assertThat(c[c.length - 1]).isEqualTo(100_000);
        for (int i = 1; i < c.length; i++) {
            assertThat(c[i]).isGreaterThan(c[i - 1]);
        }
        assertThat(BanditSimulator.logSpaced(7, 20)).endsWith(7L);
    }

    @Test
    void uniformRegretIsTheMeanGapPerRound() {
        Trace uniform = runAll(1, 2).get(0);
        double[] mu = PROBLEM.mixed();
        double meanGap = 0;
        for (double m : mu) {
            meanGap += (mu[0] - m) / mu.length;
        }
        assertThat(finalMean(uniform.vsBest())).isCloseTo(T * meanGap, within(0.15 * T * meanGap));
    }

    @Test
    void learningPoliciesBeatUniformAndTheContextualOneBeatsThompsonWhenSegmentsDiffer() {
        List<Trace> traces = runAll(3, 2);
        Trace uniform = traces.get(0);
        Trace thompson = traces.get(2);
        Trace linUcb = traces.get(3);
        assertThat(thompson.name()).isEqualTo(Lineup.THOMPSON);
        assertThat(linUcb.contextual()).isTrue();
        assertThat(finalMean(thompson.vsBest())).isLessThan(finalMean(uniform.vsBest()));
        assertThat(finalMean(traces.get(1).vsBest())).isLessThan(finalMean(uniform.vsBest()));
        assertThat(finalMean(linUcb.vsOracle())).isLessThan(finalMean(thompson.vsOracle()));
        assertThat(BanditSim.mean(linUcb.reward())).isGreaterThan(BanditSim.mean(thompson.reward()));
    }

    @Test
    void aBlindPolicysOracleRegretIsItsRegretPlusTheFixedGapBetweenOracleAndBestVariant() {
        Trace thompson = runAll(5, 1).get(2);
        double gap = PROBLEM.oracle() - PROBLEM.mixed()[PROBLEM.bestVariant()];
        long[] t = thompson.checkpoints();
        for (int c = 0; c < t.length; c++) {
            assertThat(thompson.vsOracle()[0][c] - thompson.vsBest()[0][c]).isCloseTo(t[c] * gap, within(1e-6));
        }
    }

    @Test
    void aSeedReproducesItsRunsAndAnotherSeedDoesNot() {
        List<Trace> a = runAll(9, 1);
        List<Trace> b = runAll(9, 1);
        List<Trace> c = runAll(10, 1);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).vsBest()[0]).containsExactly(b.get(i).vsBest()[0]);
            assertThat(a.get(i).reward()).containsExactly(b.get(i).reward());
        }
        assertThat(a.get(2).reward()[0]).isNotEqualTo(c.get(2).reward()[0]);
    }
}
