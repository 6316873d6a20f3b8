package io.serenade.bench.bandit;

import io.serenade.artwork.policy.Distribution;
import io.serenade.bench.bandit.Estimators.Scored;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EstimatorsTest {

    private static final Distribution UNIFORM = new Distribution(new double[] {0.5, 0.5}, new double[2], 0);
    private static final Distribution ALWAYS_ARM_1 = Distribution.certain(1, new double[2]);
    private static final double[] NO_MODEL = {0, 0};

    /** A uniform log over two arms: arm 0 clicked in 1 of 4 rounds, arm 1 in 3 of 4. */
    private static Scored[] uniformLog(Distribution target, double[] predicted) {
        int[] arms = {0, 0, 0, 0, 1, 1, 1, 1};
        double[] clicks = {1, 0, 0, 0, 1, 1, 0, 1};
        return IntStream.range(0, arms.length)
                .mapToObj(i -> Scored.of(arms[i], clicks[i], 0.5, target, predicted)).toArray(Scored[]::new);
    }

    private static int[] all(Scored[] rounds) {
        return IntStream.range(0, rounds.length).toArray();
    }

    @Test
    void ipsOfTheLoggingPolicyItselfIsTheMeanReward() {
        Scored[] log = uniformLog(UNIFORM, NO_MODEL);
        assertThat(Estimators.ips(log, all(log))).isEqualTo(4 / 8.0);
        assertThat(Estimators.snips(log, all(log))).isEqualTo(4 / 8.0);
    }

    @Test
    void aPolicyThatAlwaysPicksOneArmIsWorthThatArmsClickRate() {
        Scored[] log = uniformLog(ALWAYS_ARM_1, NO_MODEL);
        assertThat(Estimators.snips(log, all(log))).isEqualTo(3 / 4.0);
        // IPS: weights 2 on the four arm-1 rounds, 0 elsewhere: (2 · 3) / 8
        assertThat(Estimators.ips(log, all(log))).isEqualTo(6 / 8.0);
        // the target's draw is certain, so replay keeps exactly the arm-1 rounds
        assertThat(Estimators.replay(log, all(log), RandomSource.XO_RO_SHI_RO_128_PP.create(1L))).isEqualTo(3 / 4.0);
    }

    @Test
    void drWithAPerfectRewardModelOnDeterministicRewardsHasNoVariance() {
        // arm 0 always earns 0, arm 1 always 1, and the model knows it
        double[] perfect = {0, 1};
        Scored[] log = IntStream.range(0, 10).mapToObj(i -> Scored.of(i % 2, i % 2, 0.5, UNIFORM, perfect))
                .toArray(Scored[]::new);
        assertThat(Estimators.dr(log, all(log))).isEqualTo(0.5);
        Interval interval = new Bootstrap(200, 7).interval(log.length, s -> Estimators.dr(log, s));
        assertThat(interval.low()).isEqualTo(0.5);
        assertThat(interval.high()).isEqualTo(0.5);
        // IPS on the same log does vary with the resample
        Interval ips = new Bootstrap(200, 7).interval(log.length, s -> Estimators.ips(log, s));
        assertThat(ips.high() - ips.low()).isPositive();
    }

    @Test
    void drWithoutAModelIsIps() {
        Scored[] log = uniformLog(ALWAYS_ARM_1, NO_MODEL);
        assertThat(Estimators.dr(log, all(log))).isEqualTo(Estimators.ips(log, all(log)));
    }

    @Test
    void drCorrectsAWrongModelBackToTheUnbiasedValue() {
        // a model that predicts 0.9 for every arm: the correction on its residuals brings the estimate of the
        // logging policy back to its mean reward
        Scored[] log = uniformLog(UNIFORM, new double[] {0.9, 0.9});
        assertThat(Estimators.dr(log, all(log))).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void replayOfAPolicyThatNeverMatchesIsUndefined() {
        Scored[] log = IntStream.range(0, 4).mapToObj(i -> Scored.of(0, 1, 0.5, ALWAYS_ARM_1, NO_MODEL))
                .toArray(Scored[]::new);
        assertThat(Estimators.replay(log, all(log), RandomSource.XO_RO_SHI_RO_128_PP.create(1L))).isNaN();
        assertThat(Estimators.snips(log, all(log))).isNaN();
        assertThat(Estimators.ips(log, all(log))).isZero();
    }

    @Test
    void resamplesRepeatRounds() {
        Scored[] log = uniformLog(UNIFORM, NO_MODEL);
        // round 4 (arm 1, clicked) three times, round 0 (arm 0, clicked) once
        assertThat(Estimators.ips(log, new int[] {4, 4, 4, 1})).isEqualTo(3 / 4.0);
    }
}
