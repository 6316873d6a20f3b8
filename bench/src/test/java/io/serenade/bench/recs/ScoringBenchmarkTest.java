package io.serenade.bench.recs;

import io.serenade.ranking.recommend.Explanation;
import io.serenade.ranking.recommend.HistoryEvent;
import io.serenade.ranking.recommend.HomePage;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The benchmark's own work is right on a small catalog: what it measures is a real page, not an empty one. */
class ScoringBenchmarkTest {

    @Test
    void scoresExplainsAndRanksForASmallCatalog() {
        ScoringBenchmark bench = new ScoringBenchmark();
        bench.titles = 400;
        bench.trainingUsers = 2_000;
        bench.historySize = 50;
        bench.train();
        assertThat(bench.model.size()).isEqualTo(400);

        List<HistoryEvent> history = bench.histories[0];
        Set<String> watched = new HashSet<>();
        history.forEach(e -> watched.add(e.titleId()));
        Explanation[] explained = bench.scoreAndExplain(history);
        assertThat(explained).hasSize(ScoringBenchmark.TOP);
        for (Explanation e : explained) {
            assertThat(e.because()).isNotEmpty().hasSizeLessThanOrEqualTo(ScoringBenchmark.EXPLAINED_EVENTS);
            double shares = e.because().stream().mapToDouble(Explanation.Because::share).sum() + e.otherShare();
            assertThat(shares).isCloseTo(1.0, within(1e-9));
        }

        HomePage page = bench.homePage(history);
        assertThat(page.personalized()).isTrue();
        assertThat(page.rows()).extracting(r -> r.id()).contains("top-picks", "trending");
        assertThat(page.rows().get(0).items()).noneMatch(i -> watched.contains(i.title().titleId()));
    }

    @Test
    void rotatesOverDifferentUsers() {
        ScoringBenchmark bench = new ScoringBenchmark();
        bench.titles = 200;
        bench.trainingUsers = 1_000;
        bench.historySize = 10;
        bench.train();
        assertThat(new HashSet<>(List.of(bench.histories))).hasSize(ScoringBenchmark.USERS);
        bench.homePage();
        assertThat(bench.next).isEqualTo(1);
        for (int k = 1; k < ScoringBenchmark.USERS; k++) {
            bench.scoreAndExplainTop100();
        }
        assertThat(bench.next).isZero();
    }
}
