package io.serenade.artwork.policy;

import java.util.Map;

/**
 * What a viewer's own plays after artwork impressions say about them: how many plays followed art with each tag,
 * and of titles in each genre, out of how many plays in all. Built only from impressions logged with the
 * viewer's consent.
 */
public record Taste(Map<String, Double> tagPlays, Map<String, Double> genrePlays, double plays) {

    public static final Taste NONE = new Taste(Map.of(), Map.of(), 0);

    public Taste {
        tagPlays = Map.copyOf(tagPlays);
        genrePlays = Map.copyOf(genrePlays);
    }

    /** The share of plays that followed art with this tag, 0 with no plays. */
    public double tagShare(String tag) {
        return plays <= 0 ? 0 : Math.min(1, tagPlays.getOrDefault(tag, 0.0) / plays);
    }
}
