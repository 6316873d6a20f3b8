package io.serenade.artwork.policy;

import java.util.List;

/**
 * Chooses which artwork variant a user sees for a title. Implementations are plain Java, called on the request's
 * hot path once per title: they must be fast, thread-safe and must not block.
 */
public interface ArtworkPolicy {

    /** The name logged with every choice, so impressions can be attributed to the policy that made them. */
    String name();

    /**
     * @param arms the title's enabled variants, never empty, in a stable order (by artwork id)
     * @return the chosen index into {@code arms} and its propensity
     */
    Choice choose(String userId, String titleId, List<Arm> arms, ChoiceContext context);
}
