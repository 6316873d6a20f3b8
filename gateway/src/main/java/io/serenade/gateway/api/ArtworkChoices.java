package io.serenade.gateway.api;

import io.serenade.events.InteractionContext;

import java.util.List;

/** artwork-service's choice contract: one variant per title for one user. */
public final class ArtworkChoices {

    private ArtworkChoices() {
    }

    public record Request(String userId, List<String> titleIds, InteractionContext context) {
    }

    public record Response(List<Choice> choices) {
    }

    /** @param impressionId null when artwork-service logged nothing (the viewer has not granted artwork-personalization) */
    public record Choice(String titleId, String artworkId, String imageUrl, String impressionId, double propensity,
                         String policy, Why why) {
    }

    /** Why this image: a stable code (personal, sticky, exploring, popular, personalization-off) and words for people. */
    public record Why(String code, String text) {
    }
}
