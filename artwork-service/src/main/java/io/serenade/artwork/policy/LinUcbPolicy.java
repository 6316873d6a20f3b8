package io.serenade.artwork.policy;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The contextual policy: LinUCB (Li et al. 2010) over cross features of the viewer's context and the variant's
 * features, on top of each variant's own play rate. A variant's expected reward is its posterior mean μₐ (what
 * it earns with everybody) plus θ·φ(x, a) (what this kind of viewer adds or takes away); its upper confidence
 * bound adds α times the uncertainty of both parts: the posterior standard deviation of μₐ and √(φᵀA⁻¹φ). (A
 * bound on the linear part alone would take a variant's mean from a handful of impressions at face value.) The linear part learns residuals r − μₐ and is shared by every title, so what one
 * title teaches ("this viewer plays art with faces") carries to titles the viewer has never been shown.
 * <p>
 * LinUCB alone is deterministic, and a deterministic log cannot evaluate any other policy off-line; so the
 * variant with the highest bound is shown with probability 1 − ε and every variant with ε/K on top, which keeps
 * propensities exact and positive.
 */
public final class LinUcbPolicy implements ArtworkPolicy {

    public static final String NAME = "linucb";

    private final double alpha;
    private final double epsilon;
    private final int armDim;

    /**
     * @param alpha   the width of the confidence bound, in standard deviations
     * @param epsilon the uniform share mixed in
     * @param armDim  the dimension of arm features; the model's dimension is context dim × armDim
     */
    public LinUcbPolicy(double alpha, double epsilon, int armDim) {
        if (alpha < 0 || epsilon < 0 || epsilon > 1 || armDim < 1) {
            throw new IllegalArgumentException("need alpha ≥ 0, epsilon in [0, 1] and armDim ≥ 1");
        }
        this.alpha = alpha;
        this.epsilon = epsilon;
        this.armDim = armDim;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Distribution distribution(Decision decision, UniformRandomProvider random) {
        int k = decision.arms().size();
        double[] expected = decision.means();
        double[] bound = new double[k];
        LinearModel model = decision.model().linear();
        boolean contextual = model != null && decision.context().size() > 0;
        for (int i = 0; i < k; i++) {
            double width = decision.model().stats(decision.arms().get(i).id()).standardDeviation();
            if (contextual) {
                SparseVector phi = features(decision.context(), decision.arms().get(i));
                expected[i] += model.mean(phi);
                width += model.width(phi);
            }
            bound[i] = expected[i] + alpha * width;
        }
        int best = Distribution.argmax(bound);
        double[] p = new double[k];
        for (int i = 0; i < k; i++) {
            p[i] = epsilon / k + (i == best ? 1 - epsilon : 0);
        }
        return new Distribution(p, expected, Distribution.argmax(expected));
    }

    /** φ(x, a) = x ⊗ z(a). */
    public SparseVector features(SparseVector context, Arm arm) {
        return SparseVector.outer(context, arm.features(), armDim);
    }

    /**
     * Learns one impression and its reward. The target is the reward beyond the variant's own mean at the time, so that
     * the linear part holds only what depends on the viewer.
     */
    public void learn(LinearModel model, SparseVector context, Arm arm, double reward, double baseline) {
        model.add(features(context, arm), reward - baseline);
    }

    /** Which pair of features most raised this arm's estimate for this viewer. */
    public record Reason(int contextFeature, int armFeature, double contribution) {
    }

    /** The strongest positive cross term behind the arm's estimate, or null when nothing personal raised it. */
    public Reason strongestReason(LinearModel model, SparseVector context, Arm arm) {
        if (model == null) {
            return null;
        }
        Reason best = null;
        SparseVector z = arm.features();
        for (int a = 0; a < context.size(); a++) {
            for (int c = 0; c < z.size(); c++) {
                int i = context.indices()[a];
                int j = z.indices()[c];
                double contribution = context.values()[a] * z.values()[c] * model.coefficient(i * armDim + j);
                if (contribution > 0 && (best == null || contribution > best.contribution())) {
                    best = new Reason(i, j, contribution);
                }
            }
        }
        return best;
    }
}
