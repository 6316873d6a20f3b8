package io.serenade.ranking.recommend;

import io.serenade.events.InteractionType;
import io.serenade.events.MaturityRating;
import io.serenade.ranking.recommend.model.ProgressListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The home page built from a real trained model: 300 titles in three genres, 600 users who each mostly watch
 * one genre, and a test user whose history is 70% drama and 30% comedy.
 */
class HomeRankerTest {

    private static final List<String> GENRES = List.of("drama", "comedy", "horror");
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final HomeRanker.Settings SETTINGS = new HomeRanker.Settings(15, 5, 3, 2, 0.05,
            Duration.ofDays(90), Duration.ofDays(120));

    private static final List<CatalogTitle> TITLES = titles();
    private static final CatalogSnapshot CATALOG = catalog();
    private static final ServingModel MODEL = model();

    private final HomeRanker ranker = new HomeRanker(SETTINGS);

    /** Every 9th title is 18+; titles 0-29 are new this month; each title has one of three themes. */
    private static List<CatalogTitle> titles() {
        List<CatalogTitle> titles = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            MaturityRating rating = i % 9 == 0 ? MaturityRating.EIGHTEEN_PLUS : MaturityRating.THIRTEEN_PLUS;
            Instant available = i < 30 ? NOW.minus(Duration.ofDays(i % 20)) : Instant.parse("2020-01-01T00:00:00Z");
            titles.add(new CatalogTitle("t-" + i, "Title " + i, List.of(GENRES.get(i % 3)), List.of("theme-" + (i % 4)),
                    List.of(), rating, 2000 + i % 25, available, 0));
        }
        return titles;
    }

    private static CatalogSnapshot catalog() {
        Map<String, Double> popularity = new HashMap<>();
        for (int i = 0; i < TITLES.size(); i++) {
            popularity.put("t-" + i, 300.0 - i);
        }
        return CatalogSnapshot.of(TITLES).withPopularity(popularity);
    }

    /** Users of genre g like random titles of g (and now and then another genre's). */
    private static ServingModel model() {
        Random random = new Random(7);
        List<Integer> users = new ArrayList<>(), items = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int u = 0; u < 600; u++) {
            int genre = u % 3;
            for (int k = 0; k < 15; k++) {
                int t = random.nextInt(10) < 9 ? genre + 3 * random.nextInt(100) : random.nextInt(300);
                if (seen.add((long) u << 32 | t)) {
                    users.add(u);
                    items.add(t);
                }
            }
        }
        ModelBuilder.Positives positives = new ModelBuilder.Positives(600, users.stream().mapToInt(i -> i).toArray(),
                items.stream().mapToInt(i -> i).toArray(), users.size());
        return ModelBuilder.build("m-test", NOW, TITLES, positives,
                new ModelBuilder.Params(50, 2, 10_000, 0.02, 20, 100, 1), ProgressListener.none()).model();
    }

    /** 14 drama plays and 6 comedy plays, newest first, an hour apart; the newest drama one is completed. */
    private static List<HistoryEvent> history() {
        List<HistoryEvent> h = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            int title = k < 14 ? 3 * (k + 1) : 1 + 3 * (k + 1);   // drama: multiples of 3; comedy: 1 mod 3
            h.add(event("t-" + title, k == 0 ? InteractionType.COMPLETE : InteractionType.PLAY, NOW.minus(Duration.ofHours(k + 1))));
        }
        return h;
    }

    private static HistoryEvent event(String title, InteractionType type, Instant at) {
        return new HistoryEvent(UUID.randomUUID(), title, type, null, at, "tv", 21);
    }

    private HomePage page(List<HistoryEvent> history, double diversity, MaturityRating maturity) {
        return ranker.rank(new HomeRequest(CATALOG, MODEL, MODEL.align(CATALOG), true, history, List.of(), maturity,
                diversity, NOW));
    }

    @Test
    void aPersonalPageHasTheRowsOfTheIssueAndNoTitleTwice() {
        HomePage page = page(history(), 0.3, MaturityRating.SIXTEEN_PLUS);
        assertThat(page.personalized()).isTrue();
        assertThat(page.notice()).isNull();
        assertThat(page.rows()).extracting(HomeRow::id)
                .contains("top-picks", "trending", "new-for-you", "something-different")
                .anyMatch(id -> id.startsWith("because-"))
                .anyMatch(id -> id.startsWith("theme-"));
        assertThat(page.rows().stream().filter(r -> r.id().startsWith("because-")).count()).isGreaterThanOrEqualTo(2);
        List<String> ids = page.rows().stream().flatMap(r -> r.items().stream()).map(i -> i.title().titleId()).toList();
        assertThat(new HashSet<>(ids)).as("no title twice").hasSameSizeAs(ids);
    }

    @Test
    void watchedCompletedAndTooMatureTitlesAreNeverShown() {
        HomePage page = page(history(), 0.3, MaturityRating.SIXTEEN_PLUS);
        Set<String> watched = new HashSet<>();
        history().forEach(e -> watched.add(e.titleId()));
        page.rows().stream().flatMap(r -> r.items().stream()).forEach(i -> {
            assertThat(i.title().maturityRating()).as(i.title().titleId()).isNotEqualTo(MaturityRating.EIGHTEEN_PLUS);
            if (i.reason().personal()) {
                assertThat(watched).as("already watched").doesNotContain(i.title().titleId());
            }
        });
        assertThat(page.rows().stream().flatMap(r -> r.items().stream()).map(i -> i.title().titleId()))
                .as("completed").doesNotContain("t-3");
    }

    @Test
    void explanationSharesAddUpToThePersonalScoreExactly() {
        HomePage page = page(history(), 0.3, MaturityRating.EIGHTEEN_PLUS);
        PersonalScores scores = PersonalScores.of(MODEL, history(), NOW, SETTINGS.tasteHalfLife());
        HomeRow top = page.rows().get(0);
        assertThat(top.id()).isEqualTo("top-picks");
        for (HomeRow.Item item : top.items()) {
            Explanation e = item.explanation();
            int j = MODEL.indexOf(item.title().titleId());
            assertThat(e.personalScore()).isCloseTo(scores.scores()[j], within(1e-9));
            assertThat(e.personalScore() + e.popularityScore()).isCloseTo(item.score(), within(1e-9));
            double shares = e.because().stream().mapToDouble(Explanation.Because::share).sum();
            assertThat(shares + e.otherShare()).isCloseTo(1.0, within(1e-9));
            assertThat(e.because()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
            for (Explanation.Because b : e.because()) {
                assertThat(b.contribution()).isCloseTo(b.share() * e.personalScore(), within(1e-9));
                assertThat(history()).extracting(HistoryEvent::titleId).contains(b.event().titleId());
            }
            // The sum of every event's contribution, computed independently from the model's weights.
            double total = 0;
            for (int k = 0; k < scores.events().size(); k++) {
                total += scores.weightOf(k) * MODEL.weights().weight(scores.indexOfEvent(k), j);
            }
            assertThat(total).isCloseTo(e.personalScore(), within(1e-9));
        }
    }

    @Test
    void aForgottenEventIsNeverCitedAndChangesThePage() {
        List<HistoryEvent> history = history();
        HomePage before = page(history, 0.3, MaturityRating.EIGHTEEN_PLUS);
        HistoryEvent cited = before.rows().get(0).items().get(0).explanation().because().get(0).event();

        List<HistoryEvent> after = history.stream().filter(e -> !e.eventId().equals(cited.eventId())).toList();
        HomePage page = page(after, 0.3, MaturityRating.EIGHTEEN_PLUS);
        page.rows().stream().flatMap(r -> r.items().stream()).filter(i -> i.explanation() != null)
                .flatMap(i -> i.explanation().because().stream())
                .forEach(b -> assertThat(b.event().eventId()).isNotEqualTo(cited.eventId()));
        assertThat(page.rows()).extracting(HomeRow::id).doesNotContain("because-" + cited.titleId());
        assertThat(scoresOf(page)).isNotEqualTo(scoresOf(before));
    }

    @Test
    void raisingTheDiversityDialMovesTheTopPicksGenreMixTowardTheHistoryMix() {
        Map<String, Double> target = Map.of("drama", 0.7, "comedy", 0.3);
        double previous = Double.MAX_VALUE;
        List<Double> divergences = new ArrayList<>();
        for (double dial : new double[] {0.0, 0.5, 1.0}) {
            HomeRow top = page(history(), dial, MaturityRating.EIGHTEEN_PLUS).rows().get(0);
            Map<String, Double> listMix = Calibrator.mix(top.items().stream().map(HomeRow.Item::title).toList(),
                    top.items().stream().map(i -> 1.0).toList());
            double kl = Calibrator.divergence(target, listMix);
            divergences.add(kl);
            assertThat(kl).as("KL at dial %s", dial).isLessThanOrEqualTo(previous + 1e-12);
            previous = kl;
        }
        assertThat(divergences.get(2)).as("the dial has an effect").isLessThan(divergences.get(0));
    }

    @Test
    void withoutConsentThePageIsNotPersonalAndSaysSo() {
        HomePage page = ranker.rank(new HomeRequest(CATALOG, MODEL, MODEL.align(CATALOG), false, List.of(),
                List.of("horror"), MaturityRating.EIGHTEEN_PLUS, 0.3, NOW));
        assertThat(page.personalized()).isFalse();
        assertThat(page.notice()).isEqualTo(HomeRanker.NOT_PERMITTED);
        assertThat(page.rows()).extracting(HomeRow::id).startsWith("trending").doesNotContain("stated-horror");
        page.rows().stream().flatMap(r -> r.items().stream()).forEach(i -> {
            assertThat(i.reason().personal()).isFalse();
            assertThat(i.explanation()).isNull();
        });
        assertThatThrownBy(() -> new HomeRequest(CATALOG, MODEL, null, false, history(), List.of(),
                MaturityRating.ALL, 0.3, NOW)).as("history cannot even be passed without the purpose")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewUserWithConsentGetsTheirStatedInterests() {
        HomePage page = ranker.rank(new HomeRequest(CATALOG, MODEL, MODEL.align(CATALOG), true, List.of(),
                List.of("horror"), MaturityRating.EIGHTEEN_PLUS, 0.3, NOW));
        assertThat(page.rows()).extracting(HomeRow::id).contains("stated-horror");
        assertThat(page.personalized()).isTrue();
    }

    private static List<Double> scoresOf(HomePage page) {
        return page.rows().stream().flatMap(r -> r.items().stream()).map(HomeRow.Item::score).toList();
    }
}
