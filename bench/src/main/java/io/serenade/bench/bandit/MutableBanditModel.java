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

    /** Beta statistics only, for the non-contextual policies. */
    public MutableBanditModel() {
        this.contextual = null;
        this.linear = null;
    }

    /** Beta statistics and a linear model of dimension {@code dim} that learns as {@code contextual} does. */
    public MutableBanditModel(LinUcbPolicy contextual, int dim, double ridge) {
        this.contextual = contextual;
        this.linear = new LinearModel(dim, ridge);
    }

    @Override
    public BetaStats stats(String armId) {
        return stats.getOrDefault(armId, BetaStats.NONE);
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
    }
}
