package io.serenade.bench.bandit;

import io.serenade.artwork.policy.Arm;
import io.serenade.artwork.policy.BanditModel;
import io.serenade.artwork.policy.BetaStats;
import io.serenade.artwork.policy.LinUcbPolicy;
import io.serenade.artwork.policy.LinearModel;
import io.serenade.artwork.policy.SparseVector;

import java.util.HashMap;
import java.util.Map;

/**
 * A bandit model that learns in place, one impression at a time, as the simulator and the off-line training
 * need: Beta statistics per arm and, for the contextual policy, the shared linear model.
 */
public final class MutableBanditModel implements BanditModel {

    private final Map<String, BetaStats> stats = new HashMap<>();
    private final LinUcbPolicy contextual;
    private final LinearModel linear;
    private final double priorStrength;
    private double pooledTrials;
    private double pooledReward;

    /**
     * Beta statistics only, for the non-contextual policies.
     *
     * @param priorStrength as the service's {@code prior-strength}: the prior is centred on the pooled rate and
     *                      worth this many impressions; 0 for the uniform prior Beta(1, 1)
     */
    public MutableBanditModel(double priorStrength) {
        this.contextual = null;
        this.linear = null;
        this.priorStrength = priorStrength;
    }

    /** Beta statistics and a linear model of dimension {@code dim} that learns as {@code contextual} does. */
    public MutableBanditModel(LinUcbPolicy contextual, int dim, double ridge, double priorStrength) {
        this.contextual = contextual;
        this.linear = new LinearModel(dim, ridge);
        this.priorStrength = priorStrength;
    }

    /** The arm's counts read against the prior, as the service's snapshot reads them. */
    @Override
    public BetaStats stats(String armId) {
        BetaStats counts = stats.getOrDefault(armId, BetaStats.NONE);
        return priorStrength > 0 ? counts.withPrior(BetaStats.centredPrior(pooledTrials, pooledReward, priorStrength)) : counts;
    }

    @Override
    public LinearModel linear() {
        return linear;
    }

    /**
     * Learns one impression of {@code arm} in {@code context}. The linear part learns first, because its target is
     * the reward beyond the arm's mean before this impression counts, as in the service.
     */
    public void learn(SparseVector context, Arm arm, double reward) {
        if (contextual != null) {
            contextual.learn(linear, context, arm, reward, stats(arm.id()).mean());
        }
        stats.merge(arm.id(), new BetaStats(1, reward), (a, b) -> a.plus(b.trials(), b.reward()));
        pooledTrials++;
        pooledReward += reward;
    }
}
