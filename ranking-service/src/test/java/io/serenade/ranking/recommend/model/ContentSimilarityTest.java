package io.serenade.ranking.recommend.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ContentSimilarityTest {

    @Test
    void titlesSharingMoreTagsComeFirst() {
        List<Set<String>> tags = List.of(
                Set.of("drama", "crime", "heist"),
                Set.of("Drama", "crime", "heist "),   // same tags, other spelling
                Set.of("drama", "crime"),
                Set.of("drama", "comedy"),
                Set.of("comedy"),
                Set.of());
        ContentSimilarity content = ContentSimilarity.of(tags, 3);
        double[] scores = content.score(new int[] {0}, null);
        int[] ranked = TopK.top(scores, 3, j -> j != 0);
        assertThat(ranked).containsExactly(1, 2, 3);
        assertThat(content.weight(0, 1)).isCloseTo(1.0, within(1e-6));
        assertThat(content.weight(0, 4)).isZero();
        assertThat(content.neighboursOf(5)).isEmpty();
        assertThat(content.weight(0, 0)).isZero();
    }

    @Test
    void aRareSharedTagCountsMoreThanACommonOne() {
        List<Set<String>> tags = new ArrayList<>();
        tags.add(Set.of("drama", "heist"));
        tags.add(Set.of("drama"));
        tags.add(Set.of("heist"));
        for (int i = 0; i < 7; i++) {
            tags.add(Set.of("drama"));
        }
        ContentSimilarity content = ContentSimilarity.of(tags, 10);
        assertThat(content.weight(0, 2)).isGreaterThan(content.weight(0, 1));
        // Hand check: N = 10, df(drama) = 9, df(heist) = 2; cos(0, 2) = idf(heist) / √(idf(drama)² + idf(heist)²).
        double drama = Math.log(1 + 10.0 / 9);
        double heist = Math.log(1 + 10.0 / 2);
        assertThat(content.weight(0, 2)).isCloseTo(heist / Math.sqrt(drama * drama + heist * heist), within(1e-6));
    }
}
