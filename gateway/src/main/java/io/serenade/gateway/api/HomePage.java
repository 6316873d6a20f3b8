package io.serenade.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * The public home page: rows of titles, each with why it is there and the artwork chosen for this user.
 * Clients report IMPRESSION / CLICK / PLAY events with the {@code impressionId} of the artwork shown.
 * {@code notice} says why a page is not personalized; an item's {@code explanation} names the history events
 * behind it, each by the {@code eventId} the user can forget it by ({@code DELETE /api/v1/me/history/{eventId}}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HomePage(boolean personalized, String notice, String modelId, Instant generatedAt, List<Row> rows) {

    /** This page, marked as not personalized for the reason given (it must have been built with nothing granted). */
    public HomePage withoutPersonalization(String reason) {
        return new HomePage(false, reason, modelId, generatedAt, rows);
    }

    public record Row(String id, String heading, List<Item> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String titleId, String name, List<String> genres, String maturityRating,
                       RankingHome.Reason reason, RankingHome.Explanation explanation, Artwork artwork) {
    }

    public record Artwork(String artworkId, String imageUrl, String impressionId, double propensity, String policy,
                          ArtworkChoices.Why why) {
    }
}
