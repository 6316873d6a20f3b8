package io.serenade.ranking.recommend;

import io.serenade.events.InteractionType;
import io.serenade.events.MaturityRating;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AffinitiesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration HALF_LIFE = Duration.ofDays(90);

    private static final CatalogSnapshot CATALOG = CatalogSnapshot.of(List.of(
            title("a", List.of("sci-fi", "drama"), List.of("space")),
            title("b", List.of("sci-fi"), List.of("space", "family")),
            title("c", List.of("comedy"), List.of("family"))));

    @Test
    void genresShareEachEventsWeightAndThemesOrderByTheirWholeWeight() {
        Affinities a = Affinities.of(List.of(event("a", InteractionType.PLAY, null, NOW), event("b", InteractionType.COMPLETE, null, NOW),
                event("c", InteractionType.CLICK, null, NOW)), CATALOG, NOW, HALF_LIFE);

        // a: 1 over sci-fi and drama; b: 2 to sci-fi; c: 0.3 to comedy. Total 3.3.
        assertThat(a.genres()).extracting(Affinities.Affinity::name).containsExactly("sci-fi", "drama", "comedy");
        assertThat(a.genres().get(0).weight()).isCloseTo(2.5 / 3.3, within(1e-4));
        assertThat(a.genres().get(1).weight()).isCloseTo(0.5 / 3.3, within(1e-4));
        // space: 1 + 2; family: 2 + 0.3.
        assertThat(a.themes()).extracting(Affinities.Affinity::name).containsExactly("space", "family");
        assertThat(a.themes().get(0).weight()).isCloseTo(3 / 5.3, within(1e-4));
        assertThat(a.basedOnEvents()).isEqualTo(3);
        assertThat(a.genres().get(0).explanation()).isEqualTo("from 1 play and 1 completion of titles in sci-fi");
        assertThat(a.themes().get(1).explanation()).isEqualTo("from 1 click and 1 completion of titles about family");
        assertThat(a.genres().get(0).events()).isEqualTo(Map.of(InteractionType.PLAY, 1, InteractionType.COMPLETE, 1));
    }

    @Test
    void aLowRatingSearchesImpressionsAndUnknownTitlesAreNoAffinityAndOldEventsWeighLess() {
        Affinities a = Affinities.of(List.of(
                event("c", InteractionType.RATING, 1.0, NOW),
                event("c", InteractionType.IMPRESSION, null, NOW),
                event(null, InteractionType.SEARCH, null, NOW),
                event("gone", InteractionType.PLAY, null, NOW),
                event("b", InteractionType.PLAY, null, NOW.minus(HALF_LIFE)),
                event("c", InteractionType.PLAY, null, NOW)), CATALOG, NOW, HALF_LIFE);

        assertThat(a.basedOnEvents()).isEqualTo(2);
        assertThat(a.genres()).extracting(Affinities.Affinity::name).containsExactly("comedy", "sci-fi");
        assertThat(a.genres().get(0).weight()).isCloseTo(1 / 1.5, within(1e-4));
        assertThat(a.top(1).genres()).hasSize(1);
        assertThat(Affinities.of(List.of(), CATALOG, NOW, HALF_LIFE)).isEqualTo(Affinities.NONE);
    }

    private static CatalogTitle title(String id, List<String> genres, List<String> themes) {
        return new CatalogTitle(id, "Title " + id, genres, themes, List.of(), MaturityRating.ALL, 2020, null, 0);
    }

    private static HistoryEvent event(String title, InteractionType type, Double value, Instant at) {
        return new HistoryEvent(UUID.randomUUID(), title, type, value, at, null, null);
    }
}
