package io.serenade.artwork.model;

import java.util.List;

/**
 * An impression a play or click was just credited to: what the learned state adds, and what the viewer's taste
 * learns from it (the art's tags, the title's genres).
 */
public record RewardedImpression(String userId, LearnedImpression learned, List<String> tags, List<String> genres) {
}
