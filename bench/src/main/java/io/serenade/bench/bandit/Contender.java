package io.serenade.bench.bandit;

import io.serenade.artwork.policy.ArtworkPolicy;
import io.serenade.artwork.policy.Decision;
import io.serenade.artwork.policy.EpsilonGreedyPolicy;
import io.serenade.artwork.policy.LinUcbPolicy;
import io.serenade.artwork.policy.ThompsonPolicy;
import io.serenade.artwork.policy.UniformPolicy;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;

/** A policy under simulation: how it picks an arm, and its contextual learner when it has one (null otherwise). */
record Contender(String name, Chooser chooser, LinUcbPolicy contextual) {

    @FunctionalInterface
    interface Chooser {
        int choose(Decision decision, UniformRandomProvider random);
    }

    /** The four policies the simulator compares, for arms with one-hot features of dimension {@code variants}. */
    static List<Contender> lineup(int variants) {
        LinUcbPolicy linUcb = Lineup.linUcb(variants);
        return List.of(
                new Contender(Lineup.UNIFORM, drawnFrom(new UniformPolicy()), null),
                new Contender(Lineup.EPSILON_GREEDY, drawnFrom(new EpsilonGreedyPolicy(Lineup.EPSILON)), null),
                // One exact Thompson draw per round: the simulation needs no propensity, and a Monte-Carlo estimate
                // of the probabilities would only add cost and noise.
                new Contender(Lineup.THOMPSON, ThompsonPolicy::draw, null),
                new Contender(Lineup.LINUCB, drawnFrom(linUcb), linUcb));
    }

    boolean isContextual() {
        return contextual != null;
    }

    MutableBanditModel newModel(int linearDim) {
        return isContextual() ? new MutableBanditModel(contextual, linearDim, Lineup.RIDGE, Lineup.PRIOR_STRENGTH)
                : new MutableBanditModel(Lineup.PRIOR_STRENGTH);
    }

    private static Chooser drawnFrom(ArtworkPolicy policy) {
        return (decision, random) -> policy.distribution(decision, random).sample(random.nextDouble());
    }
}
