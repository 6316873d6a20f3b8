package io.serenade.ranking.recommend;

import java.util.List;

/** One row of a home page: a stable id, a heading and its titles in order, each with its score and reason. */
public record HomeRow(String id, String heading, List<Item> items) {

    public record Item(CatalogTitle title, double score, Reason reason) {
    }
}
