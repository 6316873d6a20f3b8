package io.serenade.ranking.recommend;

import io.serenade.events.MaturityRating;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HomeRankerTest {

    private static final List<String> GENRES = List.of("drama", "comedy", "horror", "sci-fi", "documentary");

    /** 500 titles over five genres; every seventh is 18+, popularity falls with the index. */
    private static CatalogSnapshot catalog() {
        List<CatalogTitle> titles = new ArrayList<>();
        Map<String, Double> popularity = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            String id = "t-" + i;
            MaturityRating rating = i % 7 == 0 ? MaturityRating.EIGHTEEN_PLUS : MaturityRating.THIRTEEN_PLUS;
            titles.add(new CatalogTitle(id, "Title " + i, List.of(GENRES.get(i % 5)), List.of(), List.of(), rating,
                    2000 + i % 25, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i), 0));
            popularity.put(id, 1000.0 - i);
        }
        return CatalogSnapshot.of(titles).withPopularity(popularity);
    }

    private final HomeRanker ranker = new HomeRanker(15, 5);

    @Test
    void aStrangerGetsNonPersonalRowsWithReasons() {
        List<HomeRow> rows = ranker.rank(catalog(), Taste.anonymous(MaturityRating.EIGHTEEN_PLUS));
        assertThat(rows).extracting(HomeRow::id).startsWith("trending").contains("new");
        assertThat(rows.size()).isGreaterThanOrEqualTo(3);
        assertThat(rows).allSatisfy(r -> assertThat(r.items()).hasSize(15));
        assertThat(items(rows)).allSatisfy(i -> {
            assertThat(i.reason().personal()).isFalse();
            assertThat(i.reason().text()).isNotBlank();
        });
        assertThat(rows.get(0).items().get(0).title().titleId()).as("most popular first").isEqualTo("t-0");
    }

    @Test
    void historyMakesTopPicksAndGenreRowsAboutTheUsersGenres() {
        Taste taste = new Taste(Map.of("horror", 12.0, "comedy", 3.0), List.of("documentary"), Set.of(),
                MaturityRating.EIGHTEEN_PLUS);
        List<HomeRow> rows = ranker.rank(catalog(), taste);

        assertThat(rows).extracting(HomeRow::id)
                .containsSubsequence("top-picks", "trending", "genre-horror", "genre-comedy", "genre-documentary", "new");
        HomeRow top = rows.get(0);
        assertThat(top.heading()).isEqualTo("Top picks for you");
        assertThat(top.items()).allSatisfy(i -> assertThat(i.title().genres()).containsAnyOf("horror", "comedy", "documentary"));
        assertThat(top.items().get(0).title().genres()).as("the strongest genre leads").containsExactly("horror");
        assertThat(top.items().get(0).reason().code()).isEqualTo("genre-affinity");
        assertThat(top.items().get(0).reason().text()).isEqualTo("Because you often watch Horror");
        HomeRow documentary = rows.stream().filter(r -> r.id().equals("genre-documentary")).findFirst().orElseThrow();
        assertThat(documentary.items()).allSatisfy(i -> assertThat(i.reason().code()).isEqualTo("stated-interest"));
        // Scores within a row never increase.
        assertThat(top.items()).extracting(HomeRow.Item::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void noTitleTwiceAndCompletedAndTooMatureTitlesNeverShown() {
        Set<String> completed = Set.of("t-1", "t-6", "t-11", "t-3");
        Taste taste = new Taste(Map.of("comedy", 5.0, "drama", 2.0), List.of(), completed, MaturityRating.SIXTEEN_PLUS);
        List<HomeRow> rows = ranker.rank(catalog(), taste);

        List<String> ids = items(rows).stream().map(i -> i.title().titleId()).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).doesNotContainAnyElementsOf(completed);
        assertThat(items(rows)).allSatisfy(i -> assertThat(i.title().maturityRating()).isNotEqualTo(MaturityRating.EIGHTEEN_PLUS));
        assertThat(rows.size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aDislikedGenreIsNotAnInterest() {
        Taste taste = new Taste(Map.of("horror", -4.0, "drama", 1.0), List.of(), Set.of(), MaturityRating.ALL);
        assertThat(HomeRanker.interests(taste)).containsExactly("drama");
        assertThat(taste.affinity("horror")).isZero();
        assertThat(taste.affinity("drama")).isEqualTo(1.0);
    }

    @Test
    void rowsTooSmallToShowAreLeftOut() {
        CatalogSnapshot tiny = CatalogSnapshot.of(List.of(
                new CatalogTitle("a", "A", List.of("drama"), List.of(), List.of(), MaturityRating.ALL, 2020, null, 1),
                new CatalogTitle("b", "B", List.of("drama"), List.of(), List.of(), MaturityRating.ALL, 2021, null, 2)));
        assertThat(ranker.rank(tiny, Taste.anonymous(MaturityRating.ALL))).isEmpty();
    }

    private static List<HomeRow.Item> items(List<HomeRow> rows) {
        return rows.stream().flatMap(r -> r.items().stream()).toList();
    }
}
