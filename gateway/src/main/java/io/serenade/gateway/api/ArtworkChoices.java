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

    public record Choice(String titleId, String artworkId, String imageUrl, String impressionId, double propensity,
                         String policy) {
    }
}
