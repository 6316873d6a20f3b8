package io.serenade.ranking.recommend;

import io.serenade.ranking.recommend.model.Blend;
import io.serenade.ranking.recommend.model.ContentSimilarity;
import io.serenade.ranking.recommend.model.Ease;
import io.serenade.ranking.recommend.model.InteractionMatrix;
import io.serenade.ranking.recommend.model.ItemItemModel;
import io.serenade.ranking.recommend.model.ProgressListener;
import io.serenade.ranking.recommend.model.RankingMetrics;
import io.serenade.ranking.recommend.model.TopK;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Trains the served model from users' positive interactions: EASE^R over the titles with enough users,
 * blended with genre/theme/mood similarity so titles without interactions (new ones) can still be
 * recommended from a history. Before training, one positive of a sample of users is held out; the model
 * is evaluated on them (HR@10, NDCG@10, against popularity) and those cells stay out of the served model,
 * which costs nothing at serving time: scores come from each user's current history.
 */
public final class ModelBuilder {

    /** Tuning of a training run. {@code seed} makes the held-out sample reproducible. */
    public record Params(double lambda, int minUsersPerTitle, int maxTitles, double contentWeight,
                         int contentNeighbours, int evaluationUsers, long seed) {
    }

    /** The served model and what the version record says about it. */
    public record Result(ServingModel model, int users, int easeTitles, long interactions, Map<String, Double> metrics) {
    }

    /**
     * Positive interactions as pairs: {@code pairUser[k]} (0 .. users−1) liked {@code titles.get(pairTitle[k])};
     * each pair at most once.
     */
    public record Positives(int users, int[] pairUser, int[] pairTitle, int pairs) {
    }

    private static final int K = 10;

    private ModelBuilder() {
    }

    public static Result build(String modelId, Instant trainedAt, List<CatalogTitle> titles, Positives positives,
                               Params params, ProgressListener progress) {
        int n = titles.size();
        int[] support = new int[n];
        for (int k = 0; k < positives.pairs(); k++) {
            support[positives.pairTitle()[k]]++;
        }
        // EASE titles first (most supported first), then every other title: the served index is one order.
        Integer[] byIndex = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(byIndex, (a, b) -> support[a] != support[b] ? Integer.compare(support[b], support[a]) : Integer.compare(a, b));
        int supported = 0;
        while (supported < n && supported < params.maxTitles() && support[byIndex[supported]] >= params.minUsersPerTitle()) {
            supported++;
        }
        int easeCount = supported;
        int[] position = new int[n];
        List<String> order = new ArrayList<>(n);
        List<Set<String>> tags = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            CatalogTitle t = titles.get(byIndex[p]);
            position[byIndex[p]] = p;
            order.add(t.titleId());
            Set<String> tagSet = new HashSet<>();
            t.genres().forEach(g -> tagSet.add("g:" + g));
            t.themes().forEach(th -> tagSet.add("t:" + th));
            t.moods().forEach(m -> tagSet.add("m:" + m));
            tags.add(tagSet);
        }

        // Each user's positives, in served positions; then the held-out sample.
        List<List<Integer>> liked = new ArrayList<>(positives.users());
        for (int u = 0; u < positives.users(); u++) {
            liked.add(new ArrayList<>());
        }
        for (int k = 0; k < positives.pairs(); k++) {
            liked.get(positives.pairUser()[k]).add(position[positives.pairTitle()[k]]);
        }
        Random random = new Random(params.seed());
        int[] heldOut = new int[positives.users()];
        Arrays.fill(heldOut, -1);
        List<Integer> eligible = new ArrayList<>();
        for (int u = 0; u < positives.users(); u++) {
            // Users with too few positives would be left with too little history to predict from.
            if (liked.get(u).size() >= 3) {
                eligible.add(u);
            }
        }
        Collections.shuffle(eligible, random);
        List<Integer> evaluated = new ArrayList<>();
        for (int u : eligible) {
            if (evaluated.size() == params.evaluationUsers()) {
                break;
            }
            List<Integer> inEase = liked.get(u).stream().filter(p -> p < easeCount).toList();
            if (inEase.isEmpty()) {
                continue;
            }
            heldOut[u] = inEase.get(random.nextInt(inEase.size()));
            evaluated.add(u);
        }

        InteractionMatrix.Builder x = InteractionMatrix.builder(positives.users(), Math.max(1, easeCount));
        long cells = 0;
        for (int u = 0; u < positives.users(); u++) {
            for (int p : liked.get(u)) {
                if (p < easeCount && p != heldOut[u]) {
                    x.add(u, p, 1.0);
                    cells++;
                }
            }
        }
        progress.progress("gram", 0.02);
        ItemItemModel ease = easeCount == 0 ? null
                : Ease.train(x.build(), params.lambda(), (stage, f) -> progress.progress(stage, 0.02 + 0.83 * f));
        progress.progress("content", 0.86);
        ContentSimilarity content = ContentSimilarity.of(tags, params.contentNeighbours());
        ItemItemModel weights = ease == null ? content
                : Blend.of(List.of(new Prefix(ease, n), content), new double[] {1.0, params.contentWeight()});
        progress.progress("evaluate", 0.93);
        Map<String, Double> metrics = evaluate(weights, liked, heldOut, evaluated, support, position);
        progress.progress("done", 1.0);
        ServingModel model = new ServingModel(modelId, ease == null ? "content" : "ease+content", trainedAt, order, weights);
        return new Result(model, positives.users(), easeCount, cells, metrics);
    }

    /** Leave-one-out on the held-out users: the held-out title's rank among titles the user has not liked. */
    private static Map<String, Double> evaluate(ItemItemModel weights, List<List<Integer>> liked, int[] heldOut,
                                                List<Integer> evaluated, int[] support, int[] position) {
        double[] popularity = new double[weights.items()];
        for (int t = 0; t < support.length; t++) {
            popularity[position[t]] = support[t];
        }
        double hit = 0, ndcg = 0, popHit = 0, popNdcg = 0;
        for (int u : evaluated) {
            Set<Integer> train = new HashSet<>(liked.get(u));
            train.remove(heldOut[u]);
            double[] scores = new double[weights.items()];
            for (int p : train) {
                weights.accumulate(p, 1.0, scores);
            }
            int target = heldOut[u];
            int[] top = TopK.top(scores, K, j -> !train.contains(j));
            int[] popTop = TopK.top(popularity, K, j -> !train.contains(j));
            hit += RankingMetrics.hit(top, j -> j == target, K);
            ndcg += RankingMetrics.ndcg(top, j -> j == target, 1, K);
            popHit += RankingMetrics.hit(popTop, j -> j == target, K);
            popNdcg += RankingMetrics.ndcg(popTop, j -> j == target, 1, K);
        }
        int users = Math.max(1, evaluated.size());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("heldOutUsers", (double) evaluated.size());
        metrics.put("hitRate@10", hit / users);
        metrics.put("ndcg@10", ndcg / users);
        metrics.put("popularityHitRate@10", popHit / users);
        metrics.put("popularityNdcg@10", popNdcg / users);
        return metrics;
    }

    /** A model over the first {@code inner.items()} of {@code items} titles; zero weights elsewhere. */
    static final class Prefix implements ItemItemModel {
        private final ItemItemModel inner;
        private final int items;

        Prefix(ItemItemModel inner, int items) {
            this.inner = inner;
            this.items = items;
        }

        @Override
        public int items() {
            return items;
        }

        @Override
        public void accumulate(int fromItem, double weight, double[] scores) {
            if (fromItem < inner.items()) {
                inner.accumulate(fromItem, weight, scores);
            }
        }

        @Override
        public double weight(int fromItem, int toItem) {
            int m = inner.items();
            return fromItem < m && toItem < m ? inner.weight(fromItem, toItem) : 0;
        }
    }
}
