package io.serenade.ranking.search;

import java.util.List;

/**
 * One ranked search result. {@code relevance} is the text relevance scaled to (0, 1] against the best
 * candidate; {@code personal} the user's affinity for the title in [0, 1] (0 without consent or history);
 * {@code score} the combination results are ordered by; {@code reasons} say why, in words a user can read.
 */
public record SearchResult(String titleId, double score, double relevance, double personal, List<String> reasons) {

    public SearchResult {
        reasons = List.copyOf(reasons);
    }
}
