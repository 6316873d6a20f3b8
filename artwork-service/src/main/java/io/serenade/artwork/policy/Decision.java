package io.serenade.artwork.policy;

import java.util.List;

/**
 * One choice to make: the candidates (never empty, in a stable order), the viewer's context features (empty when
 * unknown or not consented), and the learned state to decide with.
 */
public record Decision(List<Arm> arms, SparseVector context, BanditModel model) {

    public Decision {
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("a decision needs at least one arm");
        }
        context = context == null ? SparseVector.EMPTY : context;
    }

    /** Each arm's posterior mean reward, the non-contextual expectation. */
    public double[] means() {
        double[] m = new double[arms.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = model.stats(arms.get(i).id()).mean();
        }
        return m;
    }
}
