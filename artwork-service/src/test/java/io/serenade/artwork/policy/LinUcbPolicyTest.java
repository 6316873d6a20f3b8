package io.serenade.artwork.policy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LinUcbPolicyTest {

    private final FeatureSpace space = new FeatureSpace(List.of("faces", "ominous", "minimal"));
    private final UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);

    @Test
    void probabilitiesSumToOneWithEpsilonOnEveryVariant() {
        LinUcbPolicy policy = new LinUcbPolicy(0.3, 0.06, space.armDim());
        Models.Mutable model = new Models.Mutable(new LinearModel(space.modelDim(), 1.0));
        Distribution d = policy.distribution(new Decision(Models.arms(space, 3),
                space.context(null, "tv", LocalTime.of(21, 0), "en-GB"), model), random);
        assertThat(d.probabilities()).containsExactly(new double[]{0.94 + 0.02, 0.02, 0.02}, within(1e-12));
    }

    @Test
    void learnsThatTvViewersInTheEveningPlayOminousArtAndMorningMobileViewersFaces() {
        LinUcbPolicy policy = new LinUcbPolicy(0.3, 0.1, space.armDim());
        Models.Mutable model = new Models.Mutable(new LinearModel(space.modelDim(), 1.0));
        List<Arm> arms = Models.arms(space, 3);
        SparseVector evening = space.context(null, "tv", LocalTime.of(21, 0), null);
        SparseVector morning = space.context(null, "mobile", LocalTime.of(8, 0), null);
        // True play rates: evening TV viewers 12% on ominous art, else 3%; morning mobile 12% on faces, else 3%.
        for (int t = 0; t < 6000; t++) {
            boolean isEvening = t % 2 == 0;
            SparseVector x = isEvening ? evening : morning;
            Distribution d = policy.distribution(new Decision(arms, x, model), random);
            int chosen = d.sample(random.nextDouble());
            double rate = chosen == (isEvening ? 1 : 0) ? 0.12 : 0.03;
            double reward = random.nextDouble() < rate ? 1 : 0;
            double baseline = model.stats(arms.get(chosen).id()).mean();
            policy.learn(model.linear, x, arms.get(chosen), reward, baseline);
            model.record(arms.get(chosen).id(), reward);
        }
        assertThat(policy.distribution(new Decision(arms, evening, model), random).greedy()).isEqualTo(1);
        assertThat(policy.distribution(new Decision(arms, morning, model), random).greedy()).isEqualTo(0);

        LinUcbPolicy.Reason why = policy.strongestReason(model.linear, evening, arms.get(1));
        assertThat(space.describeArm(why.armFeature())).isEqualTo("ominous");
        assertThat(space.describeContext(why.contextFeature()).kind()).isIn("device", "daypart");
    }

    @Test
    void aViewerWhoPlaysArtWithFacesIsToldSo() {
        LinUcbPolicy policy = new LinUcbPolicy(0.3, 0.1, space.armDim());
        LinearModel linear = new LinearModel(space.modelDim(), 1.0);
        Taste facesFan = new Taste(Map.of("faces", 8.0), Map.of(), 10);
        SparseVector fan = space.context(facesFan, null, null, null);
        Arm faces = Models.arms(space, 1).get(0);
        for (int i = 0; i < 200; i++) {
            policy.learn(linear, fan, faces, 1, 0.1);
            policy.learn(linear, space.context(Taste.NONE, null, null, null), faces, 0, 0.1);
        }
        LinUcbPolicy.Reason why = policy.strongestReason(linear, fan, faces);
        assertThat(space.describeContext(why.contextFeature())).isEqualTo(new FeatureSpace.Feature("tag", "faces"));
    }
}
