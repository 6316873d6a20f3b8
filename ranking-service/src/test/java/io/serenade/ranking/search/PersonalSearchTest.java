package io.serenade.ranking.search;

import io.serenade.events.InteractionType;
import io.serenade.events.MaturityRating;
import io.serenade.ranking.recommend.CatalogSnapshot;
import io.serenade.ranking.recommend.HistoryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalSearchTest {

    private static final Instant NOW = Instant.parse("2026-06-01T20:00:00Z");
    private static final MaturityRating ADULT = MaturityRating.EIGHTEEN_PLUS;

    private static CatalogSearchIndex index;
    private static CatalogSnapshot catalog;
    private final PersonalSearch search = new PersonalSearch();

    @BeforeAll
    static void build() {
        index = SearchCatalog.index();
        catalog = SearchCatalog.snapshot();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    /** {@code count} plays of each title, one a day over the last days, at the given local hour and device. */
    private static List<HistoryEvent> plays(int count, Integer hour, String device, String... titleIds) {
        List<HistoryEvent> events = new ArrayList<>();
        for (String id : titleIds) {
            for (int i = 0; i < count; i++) {
                events.add(new HistoryEvent(UUID.randomUUID(), id, InteractionType.PLAY, 40.0,
                        NOW.minus(Duration.ofDays(i + 1)), device, hour));
            }
        }
        return events;
    }

    private static SearchContext context(List<HistoryEvent> history, String device, Integer hour) {
        return new SearchContext(true, history, device, hour, NOW);
    }

    private List<String> ids(String query, SearchContext ctx) {
        return search.search(index, catalog, query, ctx, ADULT, 10).stream().map(SearchResult::titleId).toList();
    }

    private static SearchResult find(List<SearchResult> results, String id) {
        return results.stream().filter(r -> r.titleId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aUsersFavouriteGenreRanksHigherForThemThanForAnother() {
        SearchContext horrorFan = context(plays(5, null, null, "t-haunted", "t-savage-tide"), null, null);
        SearchContext comedyFan = context(plays(5, null, null, "t-laugh-track", "t-horror-hotel"), null, null);

        List<SearchResult> forHorrorFan = search.search(index, catalog, "dark", horrorFan, ADULT, 10);
        List<SearchResult> forComedyFan = search.search(index, catalog, "dark", comedyFan, ADULT, 10);

        assertThat(find(forHorrorFan, "t-dark-harbor").relevance())
                .as("the two titles tie on text").isEqualTo(find(forHorrorFan, "t-dark-garden").relevance());
        assertThat(forHorrorFan).extracting(SearchResult::titleId).startsWith("t-dark-harbor", "t-dark-garden");
        assertThat(forComedyFan).extracting(SearchResult::titleId).startsWith("t-dark-garden", "t-dark-harbor");
        assertThat(forHorrorFan.get(0).reasons()).contains("title: 'Dark'", "You often watch Horror");
        assertThat(forComedyFan.get(0).reasons()).contains("You often watch Comedy");
    }

    @Test
    void theTimeOfDayAndDeviceDecideBetweenTwoTastes() {
        List<HistoryEvent> history = new ArrayList<>(plays(5, 23, "tv", "t-haunted", "t-savage-tide"));
        history.addAll(plays(5, 9, "tv", "t-laugh-track", "t-horror-hotel"));

        // 23:00 is in the evening bucket (18-23); night is 0-5.
        List<SearchResult> lateNight = search.search(index, catalog, "dark", context(history, "tv", 23), ADULT, 10);
        List<SearchResult> morning = search.search(index, catalog, "dark", context(history, "tv", 9), ADULT, 10);

        assertThat(lateNight).extracting(SearchResult::titleId).startsWith("t-dark-harbor", "t-dark-garden");
        assertThat(morning).extracting(SearchResult::titleId).startsWith("t-dark-garden", "t-dark-harbor");
        assertThat(lateNight.get(0).reasons()).contains("You often watch Horror in the evening on tv");
        assertThat(morning.get(0).reasons()).contains("You often watch Comedy in the morning on tv");
        // Overall the two tastes are equal: only the context separates them.
        assertThat(find(lateNight, "t-dark-harbor").personal()).isGreaterThan(find(lateNight, "t-dark-garden").personal());
    }

    @Test
    void aContextSeenRarelyBarelyMovesTheOverallTaste() {
        // Mostly comedy at any hour on the phone, one horror play late at night on tv.
        List<HistoryEvent> history = new ArrayList<>(plays(10, 9, "phone", "t-laugh-track", "t-horror-hotel"));
        history.addAll(plays(1, 23, "tv", "t-haunted"));

        assertThat(ids("dark", context(history, "tv", 23))).startsWith("t-dark-garden", "t-dark-harbor");
        // With no smoothing a single event is trusted completely.
        List<String> trusting = new PersonalSearch(0.25, Duration.ofDays(30), 0)
                .search(index, catalog, "dark", context(history, "tv", 23), ADULT, 10)
                .stream().map(SearchResult::titleId).toList();
        assertThat(trusting).startsWith("t-dark-harbor", "t-dark-garden");
    }

    @Test
    void olderEventsCountLessWithTheConfiguredHalfLife() {
        List<HistoryEvent> history = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            history.add(new HistoryEvent(UUID.randomUUID(), "t-haunted", InteractionType.COMPLETE, null,
                    NOW.minus(Duration.ofDays(365)), null, null));
        }
        history.addAll(plays(3, null, null, "t-laugh-track"));
        SearchContext ctx = context(history, null, null);

        assertThat(ids("dark", ctx)).as("30-day half-life: last year's horror has faded")
                .startsWith("t-dark-garden", "t-dark-harbor");
        List<String> longMemory = new PersonalSearch(0.25, Duration.ofDays(3650), 5)
                .search(index, catalog, "dark", ctx, ADULT, 10).stream().map(SearchResult::titleId).toList();
        assertThat(longMemory).as("10-year half-life: twenty horror points beat three comedy ones")
                .startsWith("t-dark-harbor", "t-dark-garden");
    }

    @Test
    void tasteNeverBuriesAMuchMoreRelevantTitle() {
        // Loves fantasy (Galaxa's genre), not sci-fi or comedy (Galaxy Quest's).
        SearchContext fantasyFan = context(plays(30, null, null, "t-carnival"), null, null);

        List<SearchResult> results = search.search(index, catalog, "galaxy", fantasyFan, ADULT, 10);

        assertThat(results).extracting(SearchResult::titleId).containsSubsequence("t-galaxy-quest", "t-galaxa");
        assertThat(find(results, "t-galaxa").personal()).isGreaterThan(0.9);
        assertThat(results.get(0).relevance()).isEqualTo(1.0);
    }

    @Test
    void withoutConsentHistoryIsNeverReadAndTheOrderIsPlainRelevance() {
        List<HistoryEvent> untouchable = new AbstractList<>() {
            @Override
            public HistoryEvent get(int index) {
                throw new AssertionError("history read without consent");
            }

            @Override
            public int size() {
                throw new AssertionError("history read without consent");
            }
        };
        SearchContext ctx = new SearchContext(false, untouchable, "tv", 23, NOW);

        for (String query : List.of("dark", "galaxy", "science fiction", "horror")) {
            List<SearchResult> results = search.search(index, catalog, query, ctx, ADULT, 10);
            List<String> plain = index.search(query, 50).stream()
                    .sorted(Comparator.comparingDouble(CatalogSearchIndex.Hit::relevance).reversed()
                            .thenComparing(CatalogSearchIndex.Hit::titleId))
                    .map(CatalogSearchIndex.Hit::titleId).limit(10).toList();

            assertThat(results).extracting(SearchResult::titleId).as(query).containsExactlyElementsOf(plain);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.personal()).isZero();
                assertThat(r.score()).isEqualTo(r.relevance());
                assertThat(r.reasons()).isNotEmpty().noneMatch(s -> s.startsWith("You "));
            });
        }
        assertThat(ctx.history()).isEmpty();
    }

    @Test
    void titlesTheProfileDoesNotAllowAreDropped() {
        SearchContext ctx = context(plays(5, null, null, "t-haunted"), null, null);

        List<SearchResult> teen = search.search(index, catalog, "dark", ctx, MaturityRating.THIRTEEN_PLUS, 10);
        List<SearchResult> kid = search.search(index, catalog, "comedy", ctx, MaturityRating.SEVEN_PLUS, 10);

        assertThat(teen).extracting(SearchResult::titleId).contains("t-dark-garden")
                .doesNotContain("t-dark-harbor", "t-savage-tide");
        assertThat(teen.get(0).relevance()).isEqualTo(1.0);
        assertThat(kid).extracting(SearchResult::titleId).contains("t-laugh-track", "t-kids-club")
                .doesNotContain("t-dark-garden", "t-galaxy-quest");
        assertThat(kid).allSatisfy(r -> assertThat(MaturityRating.SEVEN_PLUS
                .allows(catalog.get(r.titleId()).maturityRating())).isTrue());
        assertThat(ids("horror", ctx)).contains("t-haunted");
    }

    @Test
    void aLowRatingDoesNotCountAsTaste() {
        List<HistoryEvent> history = List.of(new HistoryEvent(UUID.randomUUID(), "t-haunted", InteractionType.RATING,
                1.0, NOW.minus(Duration.ofDays(1)), null, null));

        List<SearchResult> results = search.search(index, catalog, "dark", context(history, null, null), ADULT, 10);

        assertThat(results).allSatisfy(r -> assertThat(r.personal()).isZero());
    }

    @Test
    void hitsOfTitlesMissingFromTheCatalogAreSkipped() {
        List<CatalogSearchIndex.Hit> hits = List.of(new CatalogSearchIndex.Hit("t-gone", 9.0, List.of("title: 'Gone'")),
                new CatalogSearchIndex.Hit("t-dark-garden", 3.0, List.of("title: 'Dark'")));

        List<SearchResult> results = search.rank(hits, catalog, SearchContext.notPersonalized(NOW), ADULT, 10);

        assertThat(results).extracting(SearchResult::titleId).containsExactly("t-dark-garden");
        assertThat(results.get(0).relevance()).isEqualTo(1.0);
    }

    @Test
    void parametersAreChecked() {
        assertThatThrownBy(() -> new PersonalSearch(1.5, Duration.ofDays(30), 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonalSearch(0.25, Duration.ZERO, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonalSearch(0.25, Duration.ofDays(30), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SearchContext(true, List.of(), null, 24, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
