package io.serenade.bench.bandit;

import io.serenade.artwork.policy.LinUcbPolicy;

/**
 * The policies both bandit benchmarks compare, with their settings in one place: LinUCB with the artwork
 * service's defaults (ArtworkConfig), so the figures describe what the service runs.
 */
final class Lineup {

    /** ε-greedy's exploration share: the textbook value; the service has no ε-greedy setting. */
    static final double EPSILON = 0.1;
    static final double LINUCB_ALPHA = 0.3;
    static final double LINUCB_EPSILON = 0.05;
    static final double RIDGE = 1.0;
    /** The service's default {@code prior-strength}: play rates are read against a prior centred on the pooled rate. */
    static final double PRIOR_STRENGTH = 20;

    static final String UNIFORM = "uniform";
    static final String EPSILON_GREEDY = "ε-greedy (ε=" + EPSILON + ")";
    static final String THOMPSON = "Thompson sampling";
    static final String LINUCB = "LinUCB (α=" + LINUCB_ALPHA + ", ε=" + LINUCB_EPSILON + ")";

    private Lineup() {
    }

    static LinUcbPolicy linUcb(int armDim) {
        return new LinUcbPolicy(LINUCB_ALPHA, LINUCB_EPSILON, armDim);
    }
}
