package io.serenade.bench.eval;

import io.serenade.ranking.recommend.model.InteractionMatrix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two published evaluation protocols the harness reproduces (docs/evaluation.md gives them in full):
 * RecBole's random 80/10/10 split with full ranking, and Microsoft Recommenders' stratified 75/25 split.
 */
public enum Protocol {

    /** RecBole {@code eval_args: {split: {RS: [0.8, 0.1, 0.1]}, group_by: user, order: RO, mode: full}}. */
    RANDOM_811("random-811", 3.0, List.of(Metric.NDCG, Metric.RECALL, Metric.HIT, Metric.MRR, Metric.PRECISION)),

    /** Microsoft Recommenders {@code python_stratified_split(ratio=0.75)}, every rating an interaction. */
    STRATIFIED_7525("stratified-7525", Double.NEGATIVE_INFINITY,
            List.of(Metric.NDCG, Metric.PRECISION, Metric.RECALL, Metric.MAP, Metric.MAP_AT_K));

    private final String cliName;
    /** Ratings below it are dropped before splitting. */
    private final double minRating;
    private final List<Metric> metrics;

    Protocol(String cliName, double minRating, List<Metric> metrics) {
        this.cliName = cliName;
        this.minRating = minRating;
        this.metrics = metrics;
    }

    public String cliName() {
        return cliName;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public static Protocol parse(String name) {
        for (Protocol p : values()) {
            if (p.cliName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol " + name + " (random-811, stratified-7525)");
    }

    /** Applies the rating filter, keeps each (user, item) pair once and re-indexes what remains. */
    Interactions prepare(Ratings ratings) {
        Map<Integer, Integer> userIndex = new HashMap<>();
        Map<Integer, Integer> itemIndex = new HashMap<>();
        List<List<Integer>> rows = new ArrayList<>();
        List<Set<Integer>> seen = new ArrayList<>();
        List<Integer> originalItems = new ArrayList<>();
        for (int r = 0; r < ratings.size(); r++) {
            if (ratings.rating(r) < minRating) {
                continue;
            }
            int u = userIndex.computeIfAbsent(ratings.user(r), x -> {
                rows.add(new ArrayList<>());
                seen.add(new HashSet<>());
                return rows.size() - 1;
            });
            int i = itemIndex.computeIfAbsent(ratings.item(r), x -> {
                originalItems.add(x);
                return originalItems.size() - 1;
            });
            if (seen.get(u).add(i)) {
                rows.get(u).add(i);
            }
        }
        int[][] itemsOfUser = new int[rows.size()][];
        for (int u = 0; u < rows.size(); u++) {
            itemsOfUser[u] = rows.get(u).stream().mapToInt(Integer::intValue).toArray();
        }
        List<Set<String>> genres = null;
        if (ratings.hasGenres()) {
            genres = new ArrayList<>();
            for (int original : originalItems) {
                genres.add(ratings.genres(original));
            }
        }
        return new Interactions(rows.size(), originalItems.size(), itemsOfUser, genres);
    }

    /** The validation stage hyperparameters are chosen on, and the test stage reported once. */
    Plan plan(Interactions d, long seed) {
        return switch (this) {
            case RANDOM_811 -> {
                int[][][] p = Splits.random811(d.itemsOfUser, seed);
                InteractionMatrix train = Interactions.matrix(d.users, d.items, p[0]);
                boolean[] all = Stage.all(d.items);
                // RecBole fits on train only, masks train items when validating and train + valid when testing.
                yield new Plan(
                        new Stage("valid", train, p[0], p[0], p[1], all),
                        new Stage("test", train, p[0], Splits.union(p[0], p[1]), p[2], all));
            }
            case STRATIFIED_7525 -> {
                int[][][] outer = Splits.stratified(d.itemsOfUser, 0.75, seed);
                // No validation split in the protocol: the same 75/25 rule carves one out of train.
                int[][][] inner = Splits.stratified(outer[0], 0.75, seed + 1);
                InteractionMatrix innerTrain = Interactions.matrix(d.users, d.items, inner[0]);
                InteractionMatrix train = Interactions.matrix(d.users, d.items, outer[0]);
                yield new Plan(
                        new Stage("valid", innerTrain, inner[0], inner[0], inner[1], Stage.seenIn(innerTrain)),
                        new Stage("test", train, outer[0], outer[0], outer[1], Stage.seenIn(train)));
            }
        };
    }

    /** A protocol's two stages; when both fit the same matrix, the tuned models are tested without refitting. */
    record Plan(Stage valid, Stage test) {
        boolean refit() {
            return valid.fit() != test.fit();
        }
    }
}
