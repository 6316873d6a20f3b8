package io.serenade.artwork.model;

import io.serenade.artwork.policy.SparseVector;

/**
 * What the learned state takes from one impression: when shown, a trial and −baseline for the contextual model;
 * when credited, the reward's increase.
 *
 * @param amount   the reward added (0 when the impression is counted as shown)
 * @param baseline the variant's mean when it was shown
 */
public record LearnedImpression(String artworkId, String titleId, double amount, SparseVector context,
                                int[] armFeatures, String layout, double baseline) {
}
