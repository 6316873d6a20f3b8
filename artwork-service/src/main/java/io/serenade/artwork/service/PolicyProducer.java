package io.serenade.artwork.service;

import io.serenade.artwork.policy.ArtworkPolicy;
import io.serenade.artwork.policy.UniformHashPolicy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Chooses the artwork policy in use; the policies themselves are plain Java and know nothing of CDI. */
public class PolicyProducer {

    /** Singleton rather than application-scoped: no client proxy between the hot path and the policy. */
    @Produces
    @Singleton
    ArtworkPolicy policy() {
        return new UniformHashPolicy();
    }
}
