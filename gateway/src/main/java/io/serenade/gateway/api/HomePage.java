package io.serenade.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * The public home page: rows of titles, each with why it is there and the artwork chosen for this user.
 * Clients report IMPRESSION / CLICK / PLAY events with the {@code impressionId} of the artwork shown.
 */
public record HomePage(boolean personalized, Instant generatedAt, List<Row> rows) {

    public record Row(String id, String heading, List<Item> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String titleId, String name, List<String> genres, String maturityRating,
                       RankingHome.Reason reason, Artwork artwork) {
    }

    public record Artwork(String artworkId, String imageUrl, String impressionId, double propensity, String policy) {
    }
}
