package io.serenade.events;

import java.time.Instant;
import java.util.List;

/**
 * A catalog title was created or changed. Key: title id, on a compacted topic: the latest value is the title.
 * Published by ranking-service, which owns the catalog; read by services that need titles (artwork).
 */
public record TitleUpserted(int version, String titleId, String name, List<String> genres, List<String> themes,
                            List<String> moods, MaturityRating maturityRating, Integer releaseYear,
                            Instant availableFrom, Instant updatedAt) {

    public static final int VERSION = 1;

    public TitleUpserted {
        version = version == 0 ? VERSION : version;
        genres = genres == null ? List.of() : List.copyOf(genres);
        themes = themes == null ? List.of() : List.copyOf(themes);
        moods = moods == null ? List.of() : List.copyOf(moods);
    }
}
