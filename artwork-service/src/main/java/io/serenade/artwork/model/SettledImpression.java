package io.serenade.artwork.model;

import io.serenade.artwork.policy.SparseVector;

/** An impression whose reward is final, as settlement adds it to the learned state. */
public record SettledImpression(String artworkId, String titleId, double reward, SparseVector context,
                                int[] armFeatures, String layout) {
}
