package io.serenade.ranking.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Search results, best first, each with why it matched and, when personalized, why it ranks where it does.
 * {@code personalized} is false when the request did not carry the personalization purpose, and
 * {@code notice} then says so.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchView(String query, boolean personalized, String notice, List<Result> results) {

    /** {@code relevance} is the text match (0-1), {@code personal} the user's affinity lift, {@code score} both. */
    public record Result(String titleId, String name, List<String> genres, String maturityRating, double score,
                         double relevance, double personal, List<String> reasons) {
    }
}
