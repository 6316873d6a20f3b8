package io.serenade.artwork.service;

import io.serenade.artwork.config.ArtworkConfig;
import io.serenade.artwork.policy.ArtworkPolicy;
import io.serenade.artwork.policy.FeatureSpace;
import io.serenade.artwork.policy.LinUcbPolicy;
import io.serenade.artwork.policy.ThompsonPolicy;
import io.serenade.artwork.policy.UniformPolicy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Chooses the artwork policy in use from configuration; the policies themselves are plain Java and know nothing of CDI. */
public class PolicyProducer {

    /** Singleton rather than application-scoped: no client proxy between the hot path and the policy. */
    @Produces
    @Singleton
    ArtworkPolicy policy(ArtworkConfig config, FeatureSpace features) {
        ArtworkConfig.Bandit bandit = config.bandit();
        return switch (bandit.policy()) {
            case LINUCB -> new LinUcbPolicy(bandit.alpha(), bandit.epsilon(), features.armDim());
            case THOMPSON -> new ThompsonPolicy(bandit.thompsonDraws());
            case UNIFORM -> new UniformPolicy();
        };
    }

    @Produces
    @Singleton
    FeatureSpace features(ArtworkConfig config) {
        return new FeatureSpace(config.bandit().tags());
    }
}
