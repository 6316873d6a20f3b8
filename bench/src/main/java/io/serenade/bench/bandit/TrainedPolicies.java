package io.serenade.bench.bandit;

import io.serenade.artwork.policy.ArtworkPolicy;
import io.serenade.artwork.policy.Decision;
import io.serenade.artwork.policy.Distribution;
import io.serenade.artwork.policy.EpsilonGreedyPolicy;
import io.serenade.artwork.policy.LinUcbPolicy;
import io.serenade.artwork.policy.SparseVector;
import io.serenade.artwork.policy.ThompsonPolicy;
import io.serenade.artwork.policy.UniformPolicy;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The target policies of the off-line evaluation, trained by replaying the training rounds (each logged impression
 * and its reward, learned as the service learns a settled one) and then frozen: for a held-out round, each gives
 * the probability of showing each of that round's candidates.
 */
final class TrainedPolicies {

    /** Thompson sampling's probabilities are estimated once per candidate set, so more draws than the service's 1,000. */
    static final int THOMPSON_DRAWS = 10_000;

    private TrainedPolicies() {
    }

    static List<Frozen> train(BanditLog log, List<LoggedRound> train, long seed) {
        FeatureEncoder features = FeatureEncoder.fit(log, train);
        LinUcbPolicy linUcb = Lineup.linUcb(features.armDim());
        MutableBanditModel model = new MutableBanditModel(linUcb, features.contextDim() * features.armDim(), Lineup.RIDGE,
                Lineup.PRIOR_STRENGTH);
        for (LoggedRound r : train) {
            model.learn(features.context(r), features.arm(r.item()), r.reward());
        }
        // The Beta statistics are the same whether or not a linear model learns beside them, so one trained model
        // serves all four policies.
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        return List.of(
                new Frozen(Lineup.UNIFORM, new UniformPolicy(), false, model, features, random),
                new Frozen(Lineup.EPSILON_GREEDY, new EpsilonGreedyPolicy(Lineup.EPSILON), false, model, features, random),
                new Frozen(Lineup.THOMPSON, new ThompsonPolicy(THOMPSON_DRAWS), false, model, features, random),
                new Frozen(Lineup.LINUCB, linUcb, true, model, features, random));
    }

    /** A trained policy that no longer learns. */
    static final class Frozen {

        private final String name;
        private final ArtworkPolicy policy;
        private final boolean contextual;
        private final MutableBanditModel model;
        private final FeatureEncoder features;
        private final UniformRandomProvider random;
        /** A non-contextual policy's distribution depends only on the candidates: fixed once computed. */
        private final Map<List<String>, Distribution> byCandidates = new HashMap<>();

        private Frozen(String name, ArtworkPolicy policy, boolean contextual, MutableBanditModel model,
                       FeatureEncoder features, UniformRandomProvider random) {
            this.name = name;
            this.policy = policy;
            this.contextual = contextual;
            this.model = model;
            this.features = features;
            this.random = random;
        }

        String name() {
            return name;
        }

        /** The probabilities over {@code round.candidates()}, in their order. */
        Distribution distribution(LoggedRound round) {
            if (!contextual) {
                return byCandidates.computeIfAbsent(round.candidates(), c -> decide(c, SparseVector.EMPTY));
            }
            return decide(round.candidates(), features.context(round));
        }

        private Distribution decide(List<String> candidates, SparseVector context) {
            return policy.distribution(new Decision(candidates.stream().map(features::arm).toList(), context, model), random);
        }
    }
}
