package io.serenade.ranking.api;

import java.time.Instant;
import java.util.List;

/** A user's home rows. {@code personalized} is false when nothing of the user's own shaped the page. */
public record HomeView(String userId, boolean personalized, Instant generatedAt, List<Row> rows) {

    public record Row(String id, String heading, List<Item> items) {
    }

    public record Item(String titleId, String name, List<String> genres, String maturityRating, double score, Reason reason) {
    }

    public record Reason(String code, String text, boolean personal) {
    }
}
