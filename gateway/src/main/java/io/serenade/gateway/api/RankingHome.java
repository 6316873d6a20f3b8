package io.serenade.gateway.api;

import java.time.Instant;
import java.util.List;

/** ranking-service's answer for a home page (its internal contract, read by the gateway). */
public record RankingHome(String userId, boolean personalized, Instant generatedAt, List<Row> rows) {

    public record Row(String id, String heading, List<Item> items) {
    }

    public record Item(String titleId, String name, List<String> genres, String maturityRating, double score, Reason reason) {
    }

    public record Reason(String code, String text, boolean personal) {
    }
}
