package io.serenade.bench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serenade.bench.eval.ModelSearch.Grids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EvalRecsTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private static Report synthetic(Protocol protocol) {
        Ratings ratings = SyntheticRatings.generate(600, 400, 6, 7);
        return EvalRecs.run(ratings, protocol, 7, ModelSearch.MODELS, Grids.defaults(), QUIET);
    }

    @Test
    void easeAndBlendBeatPopularityClearlyOnPlantedClusters() {
        for (Protocol protocol : Protocol.values()) {
            Report report = synthetic(protocol);
            double popularity = report.result("popularity").test().get(Metric.NDCG);
            assertThat(popularity).as("%s popularity", protocol).isGreaterThan(0);
            assertThat(report.result("ease").test().get(Metric.NDCG)).as("%s ease", protocol)
                    .isGreaterThanOrEqualTo(1.5 * popularity);
            assertThat(report.result("blend").test().get(Metric.NDCG)).as("%s blend", protocol)
                    .isGreaterThanOrEqualTo(1.5 * popularity);
            assertThat(report.result("itemknn").test().get(Metric.NDCG)).as("%s itemknn", protocol)
                    .isGreaterThan(popularity);
            // Personal lists spread over the catalog; popularity shows everyone the same few items.
            assertThat(report.result("ease").coverage()).isGreaterThan(3 * report.result("popularity").coverage());
            assertThat(report.result("ease").params()).containsKey("lambda");
        }
    }

    @Test
    void recommendationsNeverRepeatMaskedItemsAndOnlyShowCandidates() {
        Interactions d = Protocol.STRATIFIED_7525.prepare(SyntheticRatings.generate(120, 90, 3, 2));
        Protocol.Plan plan = Protocol.STRATIFIED_7525.plan(d, 9);
        Stage test = plan.test();
        // A scorer that prefers exactly the items the user already has: masking must still remove them all.
        Scorer greedy = (history, out) -> {
            for (int i : history) {
                out[i] = 100;
            }
        };
        Evaluator.Evaluation e = Evaluator.evaluate(test, greedy, List.of(Metric.NDCG));
        for (int u = 0; u < d.users; u++) {
            if (e.lists()[u] == null) {
                assertThat(test.relevant()[u]).isEmpty();
                continue;
            }
            Set<Integer> masked = new HashSet<>();
            for (int i : test.masked()[u]) {
                masked.add(i);
            }
            for (int i : e.lists()[u]) {
                assertThat(masked).doesNotContain(i);
                assertThat(test.candidate()[i]).isTrue();
            }
            assertThat(e.lists()[u]).hasSize(10);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "ml-100k, ml-100k/u.data, random-811",
            "ml-100k, ml-100k, stratified-7525",
            "ml-1m, ml-1m/ratings.dat, random-811",
            "ml-1m, ml-1m, stratified-7525",
            "ml-latest, ml-latest/ratings.csv, random-811",
            "ml-latest, ml-latest, stratified-7525",
            "csv, csv/ratings.csv, random-811",
            "csv, csv/ratings.csv, stratified-7525",
    })
    void everyFixtureRunsEndToEnd(String format, String input, String protocol, @TempDir Path dir) throws IOException {
        Path json = dir.resolve("out.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = EvalRecs.execute(new String[] {
                "--format", format, "--input", RatingsReaderTest.fixture(input).toString(), "--protocol", protocol,
                "--seed", "42", "--json", json.toString(), "--lambdas", "10,100", "--knn-k", "5,20", "--betas", "0,0.1"},
                new PrintStream(out, true, StandardCharsets.UTF_8), QUIET);
        assertThat(code).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("popularity", "itemknn", "ease", "blend", "NDCG@10", "Coverage@10", "ILD@10");

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("protocol").asText()).isEqualTo(protocol);
        // The fixtures have genres except the generic CSV, which falls back to co-occurrence.
        assertThat(root.get("diversityBasis").asText()).isEqualTo(format.equals("csv") ? "co-occurrence" : "genres");
        List<String> models = new ArrayList<>();
        for (JsonNode m : root.get("models")) {
            models.add(m.get("model").asText());
            JsonNode test = m.get("test");
            for (Metric metric : Protocol.parse(protocol).metrics()) {
                assertThat(test.get(metric.label()).asDouble()).isBetween(0.0, 1.0);
            }
            assertThat(m.get("testUsers").asInt()).isPositive();
        }
        assertThat(models).containsExactly("popularity", "itemknn", "ease", "blend");
    }

    @Test
    void badArgumentsAndBadFilesExitWithAMessage(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(EvalRecs.execute(new String[] {"--format", "synthetic", "--protocol", "leave-one-out"}, QUIET, errStream))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown protocol leave-one-out");

        Path bad = dir.resolve("u.data");
        Files.writeString(bad, "1\t2\t5\t880000000\n1\t2\n");
        err.reset();
        assertThat(EvalRecs.execute(new String[] {"--format", "ml-100k", "--input", bad.toString()}, QUIET, errStream))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(bad + ":2:");

        err.reset();
        assertThat(EvalRecs.execute(new String[0], QUIET, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }
}
