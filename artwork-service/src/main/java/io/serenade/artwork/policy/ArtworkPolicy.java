package io.serenade.artwork.policy;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Decides the probability of showing each artwork variant. Plain Java, called on the request path once per title
 * (the service) or once per round (the simulator and the off-line evaluation): fast, thread-safe, no blocking.
 * The random source belongs to the caller's thread.
 */
public interface ArtworkPolicy {

    /** The name logged with every impression, so rewards can be attributed to the policy that chose. */
    String name();

    Distribution distribution(Decision decision, UniformRandomProvider random);
}
