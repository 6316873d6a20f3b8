package io.serenade.bench.recs;

import io.serenade.events.MaturityRating;
import io.serenade.ranking.recommend.CatalogSnapshot;
import io.serenade.ranking.recommend.CatalogTitle;
import io.serenade.ranking.recommend.Explanation;
import io.serenade.ranking.recommend.HistoryEvent;
import io.serenade.ranking.recommend.HomePage;
import io.serenade.ranking.recommend.HomeRanker;
import io.serenade.ranking.recommend.HomeRequest;
import io.serenade.ranking.recommend.InteractionWeights;
import io.serenade.ranking.recommend.ModelBuilder;
import io.serenade.ranking.recommend.PersonalScores;
import io.serenade.ranking.recommend.ServingModel;
import io.serenade.ranking.recommend.model.ItemItemModel;
import io.serenade.ranking.recommend.model.ProgressListener;
import io.serenade.ranking.recommend.model.TopK;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Request-time cost of personal recommendations on a model of 10,000 × 10,000 titles: scoring every title from
 * a history and explaining the best 100, and a whole home page. The model is trained once per fork, outside
 * the measurement; requests rotate over {@link #USERS} different users so no single history stays in cache.
 * {@code scoreTop100}, {@code explainTop100} and {@code weightLookupsTop100} split the first benchmark into its
 * parts, to see where its time goes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScoringBenchmark {

    /** The service's page settings (RankingConfig defaults). */
    static final HomeRanker.Settings SETTINGS = new HomeRanker.Settings(15, 5, 3, 2, 0.05,
            Duration.ofDays(90), Duration.ofDays(120));
    static final int USERS = 32;
    static final int TOP = 100;
    static final int EXPLAINED_EVENTS = 3;

    @Param({"50", "500"})
    public int historySize;

    /** Smaller catalogs are for smoke runs; the target is stated for 10,000. */
    @Param({"10000"})
    public int titles;

    @Param({"20000"})
    public int trainingUsers;

    ServingModel model;
    CatalogSnapshot catalog;
    CatalogTitle[] aligned;
    double[] popularityScore;
    List<HistoryEvent>[] histories;
    HomeRanker ranker;
    PersonalScores[] scored;
    int[][] top;
    int next;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void train() {
        SyntheticCatalog data = SyntheticCatalog.generate(titles, trainingUsers, 3, 42);
        ModelBuilder.Result result = ModelBuilder.build("bench", SyntheticCatalog.NOW, data.titles(), data.positives(),
                SyntheticCatalog.PARAMS, ProgressListener.none());
        if (result.easeTitles() != titles) {
            throw new IllegalStateException("only " + result.easeTitles() + " of " + titles + " titles entered EASE");
        }
        model = result.model();
        catalog = data.snapshot();
        aligned = model.align(catalog);
        popularityScore = new double[aligned.length];
        for (int j = 0; j < aligned.length; j++) {
            popularityScore[j] = aligned[j] == null ? 0 : SETTINGS.popularityPrior() * catalog.normalizedPopularity(aligned[j]);
        }
        histories = new List[USERS];
        for (int u = 0; u < USERS; u++) {
            histories[u] = data.history(historySize, 1_000 + u);
        }
        ranker = new HomeRanker(SETTINGS);
        scored = new PersonalScores[USERS];
        top = new int[USERS][];
        for (int u = 0; u < USERS; u++) {
            scored[u] = PersonalScores.of(model, histories[u], SyntheticCatalog.NOW, SETTINGS.tasteHalfLife());
            top[u] = top(scored[u], histories[u]);
        }
    }

    private List<HistoryEvent> nextHistory() {
        List<HistoryEvent> history = histories[next];
        next = (next + 1) % USERS;
        return history;
    }

    /** PersonalScores.of + TopK.top(100) over the titles the user has not watched + explain(j, …, 3) for each. */
    @Benchmark
    public Explanation[] scoreAndExplainTop100() {
        return scoreAndExplain(nextHistory());
    }

    Explanation[] scoreAndExplain(List<HistoryEvent> history) {
        PersonalScores scores = PersonalScores.of(model, history, SyntheticCatalog.NOW, SETTINGS.tasteHalfLife());
        return explain(scores, top(scores, history));
    }

    /** The titles the user has not watched, best 100 first. */
    private int[] top(PersonalScores scores, List<HistoryEvent> history) {
        boolean[] seen = new boolean[aligned.length];
        for (HistoryEvent e : history) {
            int i = model.indexOf(e.titleId());
            if (i >= 0 && InteractionWeights.taste(e.type(), e.value()) > 0) {
                seen[i] = true;
            }
        }
        return TopK.top(scores.scores(), TOP, j -> !seen[j] && aligned[j] != null);
    }

    private Explanation[] explain(PersonalScores scores, int[] top) {
        Explanation[] explained = new Explanation[top.length];
        for (int k = 0; k < top.length; k++) {
            explained[k] = scores.explain(top[k], popularityScore[top[k]], EXPLAINED_EVENTS, aligned);
        }
        return explained;
    }

    /** Part 1 of scoreAndExplainTop100: PersonalScores.of and TopK.top alone. */
    @Benchmark
    public int[] scoreTop100() {
        List<HistoryEvent> history = nextHistory();
        return top(PersonalScores.of(model, history, SyntheticCatalog.NOW, SETTINGS.tasteHalfLife()), history);
    }

    /** Part 2: the 100 explanations alone, from scores computed at setup. */
    @Benchmark
    public Explanation[] explainTop100() {
        int u = next;
        next = (next + 1) % USERS;
        return explain(scored[u], top[u]);
    }

    /**
     * The floor of part 2 as stored today: only the model weights the 100 explanations read (one per event and
     * title), without building explanations.
     */
    @Benchmark
    public double weightLookupsTop100() {
        int u = next;
        next = (next + 1) % USERS;
        PersonalScores scores = scored[u];
        ItemItemModel w = model.weights();
        int events = scores.events().size();
        double sum = 0;
        for (int j : top[u]) {
            for (int e = 0; e < events; e++) {
                sum += scores.weightOf(e) * w.weight(scores.indexOfEvent(e), j);
            }
        }
        return sum;
    }

    /** HomeRanker.rank for the same users: every row of a personal page, with its explanations. */
    @Benchmark
    public HomePage homePage() {
        return homePage(nextHistory());
    }

    HomePage homePage(List<HistoryEvent> history) {
        return ranker.rank(new HomeRequest(catalog, model, aligned, true, history, List.of(),
                MaturityRating.SIXTEEN_PLUS, 0.5, SyntheticCatalog.NOW));
    }
}
