package io.serenade.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * ranking-service's answer for a home page (its internal contract, read by the gateway).
 *
 * @param notice  why the page is not personalized, when it is not; may be absent
 * @param modelId the model version that ranked the page; absent when no trained model was used
 */
public record RankingHome(String userId, boolean personalized, String notice, String modelId, Instant generatedAt,
                          List<Row> rows) {

    public record Row(String id, String heading, List<Item> items) {
    }

    /** @param explanation how the score splits between the user's own history and popularity; may be absent */
    public record Item(String titleId, String name, List<String> genres, String maturityRating, double score, Reason reason,
                       Explanation explanation) {
    }

    public record Reason(String code, String text, boolean personal) {
    }

    /**
     * Why a title scored as it did: the personal and popularity parts, and the history events that weighed most.
     * Shown to the user as is, so each event carries its id: the user can ask to forget it.
     *
     * @param otherShare the share of the personal part not accounted for by the events listed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Explanation(Double personalScore, Double popularityScore, List<Because> because, Double otherShare) {
    }

    /** One history event behind a recommendation and how much of the personal score it contributed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Because(String eventId, String titleId, String titleName, String type, Instant occurredAt,
                          Double contribution, Double share) {
    }
}
