package io.serenade.bench.bandit;

import io.serenade.artwork.policy.Arm;
import io.serenade.artwork.policy.BetaStats;
import io.serenade.artwork.policy.SparseVector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MutableBanditModelTest {

    private static final Arm A = new Arm("a", List.of(), SparseVector.ofDense(new double[] {1, 0}));

    @Test
    void learnsBetaStatisticsPerArm() {
        MutableBanditModel model = new MutableBanditModel(0);
        model.learn(SparseVector.EMPTY, A, 1);
        model.learn(SparseVector.EMPTY, A, 0);
        assertThat(model.stats("a")).isEqualTo(new BetaStats(2, 1));
        assertThat(model.stats("b")).isEqualTo(BetaStats.NONE);
        assertThat(model.linear()).isNull();
    }

    @Test
    void theLinearPartLearnsTheRewardBeyondTheArmsMeanBeforeTheImpression() {
        MutableBanditModel model = new MutableBanditModel(Lineup.linUcb(2), 2, 1.0, 0);
        SparseVector context = SparseVector.ofDense(new double[] {1});
        model.learn(context, A, 1);
        // baseline 0.5 (an arm never shown), target 0.5; ridge 1 and one observation of φ = e₀: θ₀ = 0.5 / 2
        assertThat(model.linear().coefficient(0)).isEqualTo(0.25);
        assertThat(model.stats("a")).isEqualTo(new BetaStats(1, 1));
    }

    @Test
    void withAPriorStrengthAnArmNeverShownIsReadAtThePooledRate() {
        MutableBanditModel model = new MutableBanditModel(20);
        for (int i = 0; i < 98; i++) {
            model.learn(SparseVector.EMPTY, A, i < 9 ? 1 : 0);
        }
        // pooled rate (9 + 1) / (98 + 2) = 10 %; the prior is worth 20 impressions
        assertThat(model.stats("b").mean()).isCloseTo(0.1, within(1e-12));
        assertThat(model.stats("a").mean()).isCloseTo((9 + 2.0) / (98 + 20), within(1e-12));
    }
}
