package io.serenade.artwork.model;

import java.util.List;

/** An impression a play or click was just credited to, with what the viewer's taste learns from it. */
public record RewardedImpression(String userId, String artworkId, List<String> tags, List<String> genres) {
}
