package io.serenade.ranking.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's home rows. {@code personalized} is false when nothing of the user's own shaped the page, and
 * {@code notice} then says why; {@code modelId} names the model version that scored the personal rows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HomeView(String userId, boolean personalized, String notice, String modelId, Instant generatedAt,
                       List<Row> rows) {

    public record Row(String id, String heading, List<Item> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String titleId, String name, List<String> genres, String maturityRating, double score, Reason reason,
                       Explanation explanation) {
    }

    public record Reason(String code, String text, boolean personal) {
    }

    /**
     * The exact split of the personal score: {@code because} are the user's own events that contributed most,
     * each with its share; their shares plus {@code otherShare} sum to 1.
     */
    public record Explanation(double personalScore, double popularityScore, List<Because> because, double otherShare) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Because(UUID eventId, String titleId, String titleName, String type, Instant occurredAt,
                          double contribution, double share) {
    }
}
