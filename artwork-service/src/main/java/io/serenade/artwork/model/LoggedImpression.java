package io.serenade.artwork.model;

import io.serenade.artwork.policy.SparseVector;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of the propensity log: a choice shown to a consenting viewer, with the probability the policy gave it
 * and the features it decided on.
 *
 * @param contextJson the viewing situation and the named features, as JSON (for people and the export)
 * @param armFeatures the chosen variant's feature indices, fixed at the time it was shown
 * @param baseline    the chosen variant's posterior mean at the time (what the contextual model learns beyond)
 */
public record LoggedImpression(UUID impressionId, String userId, String titleId, String artworkId, String policy,
                               double propensity, boolean sticky, List<String> candidates, String contextJson,
                               SparseVector context, int[] armFeatures, String layout, double baseline,
                               Instant shownAt) {
}
