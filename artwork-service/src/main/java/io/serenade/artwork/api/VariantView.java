package io.serenade.artwork.api;

import java.time.Instant;
import java.util.List;

/** A variant as the API shows it; {@code imageUrl} is always set (the generated poster's URL if none was given). */
public record VariantView(String artworkId, String titleId, String imageUrl, List<String> tags, String dominantColour,
                          boolean enabled, Instant updatedAt) {
}
