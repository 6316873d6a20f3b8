package io.serenade.ranking.recommend;

import io.serenade.events.MaturityRating;

import java.time.Instant;
import java.util.List;

/** A title as the ranker sees it: what it is about and how popular it is right now. */
public record CatalogTitle(String titleId, String name, List<String> genres, List<String> themes, List<String> moods,
                           MaturityRating maturityRating, Integer releaseYear, Instant availableFrom, double popularity) {

    public CatalogTitle withPopularity(double value) {
        return new CatalogTitle(titleId, name, genres, themes, moods, maturityRating, releaseYear, availableFrom, value);
    }
}
