package io.serenade.ranking.recommend;

import java.util.List;

/**
 * One row of a home page: a stable id, a heading and its titles in order, each with its score, its reason
 * and, for personal scores, the exact explanation (null for non-personal ones).
 */
public record HomeRow(String id, String heading, List<Item> items) {

    public record Item(CatalogTitle title, double score, Reason reason, Explanation explanation) {
    }
}
