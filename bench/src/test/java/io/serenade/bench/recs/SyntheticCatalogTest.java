package io.serenade.bench.recs;

import io.serenade.ranking.recommend.CatalogTitle;
import io.serenade.ranking.recommend.HistoryEvent;
import io.serenade.ranking.recommend.ModelBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticCatalogTest {

    private static final SyntheticCatalog DATA = SyntheticCatalog.generate(2_000, 3_000, 3, 42);

    @Test
    void hasTheRequestedSizesAndAboutThirtyPositivesPerUser() {
        ModelBuilder.Positives p = DATA.positives();
        assertThat(DATA.titles()).hasSize(2_000);
        assertThat(p.users()).isEqualTo(3_000);
        assertThat(p.pairUser()).hasSize(p.pairs());
        assertThat(p.pairTitle()).hasSize(p.pairs());
        assertThat(p.pairs() / 3_000.0).isBetween(28.0, 34.0);
    }

    @Test
    void everyTitleReachesTheMinimumSupportAndPairsAreUnique() {
        ModelBuilder.Positives p = DATA.positives();
        int[] support = new int[DATA.titles().size()];
        Set<Long> pairs = new HashSet<>();
        for (int k = 0; k < p.pairs(); k++) {
            assertThat(p.pairUser()[k]).isBetween(0, p.users() - 1);
            support[p.pairTitle()[k]]++;
            assertThat(pairs.add((long) p.pairUser()[k] << 32 | p.pairTitle()[k])).isTrue();
        }
        for (int t = 0; t < support.length; t++) {
            assertThat(support[t]).isGreaterThanOrEqualTo(3);
            // The catalog's popularity is the title's number of users.
            assertThat(DATA.titles().get(t).popularity()).isEqualTo(support[t]);
        }
    }

    @Test
    void popularityIsSkewed() {
        double[] sorted = DATA.titles().stream().mapToDouble(CatalogTitle::popularity).sorted().toArray();
        double top = 0;
        double all = 0;
        for (int i = 0; i < sorted.length; i++) {
            all += sorted[i];
            if (i >= sorted.length * 0.9) {
                top += sorted[i];
            }
        }
        // The most popular 10% of titles hold far more than 10% of the positives.
        assertThat(top / all).isGreaterThan(0.3);
    }

    @Test
    void titlesCarryTheirClustersGenreAndTheme() {
        CatalogTitle t = DATA.titles().get(123);
        int cluster = DATA.clusterOf(123);
        assertThat(t.genres()).contains(SyntheticCatalog.GENRES.get(cluster % SyntheticCatalog.GENRES.size()));
        assertThat(t.themes()).contains("theme-" + cluster % SyntheticCatalog.THEMES);
        assertThat(t.moods()).isNotEmpty();
    }

    @Test
    void historiesHaveTheRequestedNumberOfDistinctKnownTitlesNewestFirst() {
        Set<String> ids = new HashSet<>();
        DATA.titles().forEach(t -> ids.add(t.titleId()));
        for (int size : new int[] {50, 500}) {
            List<HistoryEvent> history = DATA.history(size, 7);
            assertThat(history).hasSize(size);
            assertThat(history.stream().map(HistoryEvent::titleId).distinct().count()).isEqualTo(size);
            assertThat(history).allSatisfy(e -> assertThat(ids).contains(e.titleId()));
            for (int k = 1; k < size; k++) {
                assertThat(history.get(k).occurredAt()).isBefore(history.get(k - 1).occurredAt());
            }
        }
    }

    @Test
    void isReproducibleFromTheSeed() {
        SyntheticCatalog again = SyntheticCatalog.generate(2_000, 3_000, 3, 42);
        assertThat(again.positives().pairTitle()).isEqualTo(DATA.positives().pairTitle());
        assertThat(again.titles()).isEqualTo(DATA.titles());
        assertThat(again.history(50, 3)).isEqualTo(DATA.history(50, 3));
    }
}
