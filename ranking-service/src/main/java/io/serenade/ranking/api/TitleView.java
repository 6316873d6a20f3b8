package io.serenade.ranking.api;

import java.time.Instant;
import java.util.List;

/** A catalog title as the API shows it. */
public record TitleView(String titleId, String name, List<String> genres, List<String> themes, List<String> moods,
                        String maturityRating, Integer releaseYear, Instant availableFrom, Instant updatedAt) {
}
