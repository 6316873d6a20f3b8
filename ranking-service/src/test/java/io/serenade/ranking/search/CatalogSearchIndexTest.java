package io.serenade.ranking.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogSearchIndexTest {

    private static CatalogSearchIndex index;

    @BeforeAll
    static void build() {
        index = SearchCatalog.index();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static List<String> ids(String query) {
        return index.search(query, 50).stream().map(CatalogSearchIndex.Hit::titleId).toList();
    }

    private static CatalogSearchIndex.Hit hit(String query, String titleId) {
        return index.search(query, 50).stream().filter(h -> h.titleId().equals(titleId)).findFirst()
                .orElseThrow(() -> new AssertionError(titleId + " not found for '" + query + "'"));
    }

    @Test
    void aTypoFindsTheTitleAndSaysItWasCorrected() {
        List<CatalogSearchIndex.Hit> hits = index.search("galxy", 10);

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).titleId()).isEqualTo("t-galaxy-quest");
        assertThat(hits.get(0).matched()).contains("title: 'Galaxy' (you typed 'galxy')");
    }

    @Test
    void longWordsTolerateTwoEditsAndTagsAreSearchedToo() {
        // "documntery" is two edits from "documentary": allowed from 8 letters on.
        assertThat(ids("documntery")).containsAll(SearchCatalog.idsWithGenre("documentary"));
        assertThat(hit("documntery", "t-music-box").matched()).contains("genre: 'documentary' (you typed 'documntery')");
    }

    @Test
    void shortWordsAreNotFuzzed() {
        // "bix" is one edit from "box", but three letters are too few to guess a typo.
        assertThat(ids("bix")).doesNotContain("t-music-box");
    }

    @Test
    void anExactNameMatchRanksAboveATypoCorrection() {
        List<String> ids = ids("galaxy");

        assertThat(ids).containsSubsequence("t-galaxy-quest", "t-galaxa");
        assertThat(hit("galaxy", "t-galaxy-quest").matched()).containsExactly("title: 'Galaxy'");
        assertThat(hit("galaxy", "t-galaxa").matched()).containsExactly("title: 'Galaxa' (you typed 'galaxy')");
    }

    @Test
    void aPrefixCompletesAWord() {
        assertThat(ids("midni")).first().isEqualTo("t-midnight-heist");
        assertThat(hit("midni", "t-midnight-heist").matched()).contains("title: 'Midnight' (starts with 'midni')");
    }

    @Test
    void multiWordSynonymsFindTaggedTitles() {
        List<String> sciFi = SearchCatalog.idsWithGenre("sci-fi");

        assertThat(ids("science fiction")).containsAll(sciFi);
        assertThat(ids("scifi")).containsAll(sciFi);
        assertThat(ids("science fiction").subList(0, sciFi.size())).containsExactlyInAnyOrderElementsOf(sciFi);
        assertThat(hit("science fiction", "t-orbit").matched()).contains("genre: 'sci-fi' (synonym of 'science fiction')");
    }

    @Test
    void romcomFindsRomanticComediesWhetherOneTagOrTwo() {
        List<String> ids = ids("romcom");

        assertThat(ids).contains("t-love-paris", "t-wedding");
        assertThat(ids).doesNotContain("t-lost-letter", "t-laugh-track");
        assertThat(hit("romcom", "t-love-paris").matched()).contains("genre: 'romantic-comedy' (synonym of 'romcom')");
    }

    @Test
    void singleWordSynonymsMapEverydayWordsToGenres() {
        assertThat(ids("scary")).containsAll(SearchCatalog.idsWithGenre("horror"));
        assertThat(ids("cartoon")).containsAll(SearchCatalog.idsWithGenre("animation"));
        assertThat(ids("doc")).containsAll(SearchCatalog.idsWithGenre("documentary"));
        assertThat(ids("kids")).contains("t-kids-club", "t-frozen-kingdom");
        // The second tag of a title: offsets of multi-valued fields map back to the right value.
        assertThat(hit("funny", "t-wedding").matched()).contains("genre: 'comedy' (synonym of 'funny')");
    }

    @Test
    void theNameWeighsMoreThanATag() {
        assertThat(ids("horror")).first().isEqualTo("t-horror-hotel");
        assertThat(ids("horror")).containsAll(SearchCatalog.idsWithGenre("horror"));
    }

    @Test
    void caseAccentsPossessivesAndPluralsDoNotMatter() {
        assertThat(ids("amelie")).first().isEqualTo("t-amelie");
        assertThat(ids("AMÉLIE'S")).first().isEqualTo("t-amelie");
        assertThat(ids("galaxies")).first().isEqualTo("t-galaxy-quest");
        assertThat(hit("galaxies", "t-galaxy-quest").matched()).contains("title: 'Galaxy'");
    }

    @Test
    void stopWordsAreNotGivenAsAReasonWhenSomethingElseMatched() {
        assertThat(hit("the dark", "t-silent-witness").matched()).containsExactly("mood: 'dark'");
        assertThat(hit("the dark", "t-quiet-river").matched()).containsExactly("title: 'The'");
    }

    @Test
    void moreMatchingWordsRankHigher() {
        assertThat(ids("dark harbor")).first().isEqualTo("t-dark-harbor");
        assertThat(ids("galaxy AND quest")).first().isEqualTo("t-galaxy-quest");
    }

    @Test
    void noInputMakesTheIndexThrow() {
        List<String> weird = new ArrayList<>(List.of("", " ", "\"", "\"unclosed", "*", "?", "~", "galaxy~2", "gal*",
                "AND", "OR NOT", "NOT", "title:galaxy", "name:(x OR y)", "(((", ")", "[a TO z]", "{}", "\\", "/regex/",
                "+-&&||!(){}[]^\"~*?:\\/", "💥🚀", "ß", "日本語のタイトル", "\u0000", "\uD800", "\uDC00x", "\t\n\r",
                "a", "%s %n", "' OR 1=1 --", "<script>alert(1)</script>"));
        weird.add("galaxy ".repeat(72).substring(0, 500));
        weird.add("x".repeat(500));
        weird.add("documentary ".repeat(42).substring(0, 500));
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; mixed.length() < 500; i++) {
            mixed.append(List.of("galxy", "scienc", "fiction", "romcom", "horor", "*", "~", "AND", "\"", "é", "世界")
                    .get(i % 11)).append(i).append(' ');
        }
        weird.add(mixed.substring(0, 500));
        for (String q : weird) {
            assertThatCode(() -> assertThat(index.search(q, 20)).hasSizeLessThanOrEqualTo(20))
                    .as("query %s", q).doesNotThrowAnyException();
        }
        assertThat(index.search(null, 10)).isEmpty();
        assertThat(index.search("galaxy", 0)).isEmpty();
        assertThat(index.search("   ", 10)).isEmpty();
        assertThat(ids("\"galaxy\"")).first().isEqualTo("t-galaxy-quest");
    }

    @Test
    void concurrentSearchesAgreeWithSequentialOnes() throws Exception {
        List<String> queries = List.of("galxy", "science fiction", "romcom", "dark", "horror", "midni", "doc");
        List<List<CatalogSearchIndex.Hit>> expected = queries.stream().map(q -> index.search(q, 10)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < queries.size(); i++) {
                            if (!index.search(queries.get(i), 10).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : futures) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedIndexRefusesSearchesAndClosesOnce() {
        CatalogSearchIndex own = SearchCatalog.index();
        assertThat(own.search("galaxy", 5)).isNotEmpty();

        own.close();
        own.close();

        assertThatThrownBy(() -> own.search("galaxy", 5)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tenThousandTitlesAreIndexedAndFound() {
        // Build time is measured in bench (docs/benchmarks.md), never asserted in a test.
        var titles = SearchCatalog.generated(10_000);
        try (CatalogSearchIndex big = CatalogSearchIndex.build(titles)) {
            assertThat(big.size()).isEqualTo(10_000);
            assertThat(big.search("River Harbor 42", 10)).first()
                    .satisfies(h -> assertThat(h.titleId()).isEqualTo("g-42"));
            assertThat(big.search("lantrn", 10)).isNotEmpty();
        }
    }
}
