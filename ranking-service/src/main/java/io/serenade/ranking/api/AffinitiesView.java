package io.serenade.ranking.api;

import java.util.List;

/**
 * A user's strongest inferred genres and themes, each with its share of their taste, and how many of their events
 * they were inferred from: the minimal summary an assistant may be given (with the assistant-context purpose).
 */
public record AffinitiesView(List<Weighted> genres, List<Weighted> themes, int basedOnEvents) {

    public record Weighted(String name, double weight) {
    }
}
