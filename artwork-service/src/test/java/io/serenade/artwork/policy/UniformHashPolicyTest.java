package io.serenade.artwork.policy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UniformHashPolicyTest {

    private final UniformHashPolicy policy = new UniformHashPolicy();

    @Test
    void theSameUserAndTitleAlwaysGetTheSameArm() {
        List<Arm> arms = arms(4);
        Choice first = policy.choose("u-1", "t-1", arms, ChoiceContext.NONE);
        for (int i = 0; i < 100; i++) {
            assertThat(policy.choose("u-1", "t-1", arms, ChoiceContext.NONE)).isEqualTo(first);
        }
    }

    @Test
    void theHashIsFixedAcrossVersionsSoUsersDoNotSeeImagesChangeAfterADeploy() {
        // Pinned values: a changed hash would re-shuffle every user's artwork at once, and replicas running
        // different versions during a rollout would disagree.
        assertThat(UniformHashPolicy.hash("u-1", "t-1")).isEqualTo(-6825211817268596726L);
        assertThat(UniformHashPolicy.hash("user-42", "t-7")).isEqualTo(471156218302121906L);
        assertThat(policy.choose("u-1", "t-1", arms(3), ChoiceContext.NONE).index()).isEqualTo(2);
        assertThat(UniformHashPolicy.hash("ab", "c")).isNotEqualTo(UniformHashPolicy.hash("a", "bc"));
    }

    @Test
    void propensityIsOneOverTheNumberOfArms() {
        for (int k = 1; k <= 7; k++) {
            Choice c = policy.choose("u", "t", arms(k), ChoiceContext.NONE);
            assertThat(c.propensity()).isEqualTo(1.0 / k);
            assertThat(c.index()).isBetween(0, k - 1);
        }
    }

    @Test
    void acrossUsersEachArmIsChosenAboutEquallyOften() {
        int k = 3;
        int users = 30_000;
        int[] counts = new int[k];
        IntStream.range(0, users).forEach(u -> counts[policy.choose("user-" + u, "t-42", arms(k), ChoiceContext.NONE).index()]++);
        for (int count : counts) {
            // 1/3 ± 0.01 is more than 3.5 standard deviations at this sample size.
            assertThat(count / (double) users).isCloseTo(1.0 / k, within(0.01));
        }
    }

    @Test
    void oneUserGetsDifferentArmsAcrossTitles() {
        List<Arm> arms = arms(2);
        long firstArm = IntStream.range(0, 1000).filter(t -> policy.choose("u-7", "t-" + t, arms, ChoiceContext.NONE).index() == 0).count();
        assertThat(firstArm).isBetween(400L, 600L);
    }

    private static List<Arm> arms(int k) {
        return IntStream.range(0, k).mapToObj(i -> new Arm("a-" + i, List.of(), null)).toList();
    }
}
