package io.serenade.bench.eval;

import io.serenade.bench.eval.Evaluator.Evaluation;
import io.serenade.ranking.recommend.model.Ease;
import io.serenade.ranking.recommend.model.ItemKnn;
import io.serenade.ranking.recommend.model.Popularity;
import io.serenade.ranking.recommend.model.ProgressListener;
import org.ejml.data.DMatrixRMaj;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tunes each model on the validation stage only (by NDCG@10, the first of equal scores winning), then evaluates
 * the chosen setting once on the test stage, refitting on the test stage's training data when it differs.
 */
final class ModelSearch {

    /** The models eval-recs knows, in report order. */
    static final List<String> MODELS = List.of("popularity", "itemknn", "ease", "blend");

    /** Hyperparameter grids; EASE λ, item-kNN k × shrink, and the blend's popularity weight β. */
    record Grids(double[] lambdas, int[] knnK, double[] knnShrink, double[] betas) {
        static Grids defaults() {
            return new Grids(new double[] {50, 100, 200, 500, 1000, 2000, 3000}, new int[] {20, 50, 100, 200},
                    new double[] {0, 10, 50}, new double[] {0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1});
        }
    }

    /** One model's line of the report. */
    record ModelResult(String model, Map<String, Object> params, double validNdcg, Evaluation test, double coverage,
                       double diversity, double seconds) {
    }

    private final Protocol.Plan plan;
    private final List<Metric> metrics;
    private final Grids grids;
    private final Diversity diversity;
    private final PrintStream log;

    private Ease easeOnValid;
    private double easeValidNdcg;
    private Ease easeOnTest;

    ModelSearch(Protocol.Plan plan, List<Metric> metrics, Grids grids, Diversity diversity, PrintStream log) {
        this.plan = plan;
        this.metrics = metrics;
        this.grids = grids;
        this.diversity = diversity;
        this.log = log;
    }

    List<ModelResult> run(List<String> models) {
        List<ModelResult> results = new ArrayList<>();
        for (String model : MODELS) {
            if (!models.contains(model)) {
                continue;
            }
            long start = System.nanoTime();
            Tuned tuned = switch (model) {
                case "popularity" -> popularity();
                case "itemknn" -> itemKnn();
                case "ease" -> ease();
                case "blend" -> blend();
                default -> throw new IllegalStateException(model);
            };
            Evaluation test = Evaluator.evaluate(plan.test(), tuned.testScorer, metrics);
            double seconds = (System.nanoTime() - start) / 1e9;
            results.add(new ModelResult(model, tuned.params, tuned.validNdcg, test,
                    Evaluator.coverage(plan.test(), test.lists()), diversity.intraList(test.lists()), seconds));
            log.printf("[%s] test %s %.4f (%.1f s)%n", model, Metric.NDCG.label(), test.get(Metric.NDCG), seconds);
        }
        return results;
    }

    private record Tuned(Map<String, Object> params, double validNdcg, Scorer testScorer) {
    }

    private double validate(Scorer scorer) {
        return Evaluator.evaluate(plan.valid(), scorer, List.of(Metric.NDCG)).get(Metric.NDCG);
    }

    private Tuned popularity() {
        double valid = validate(Scorer.popularity(Popularity.counts(plan.valid().fit())));
        return new Tuned(Map.of(), valid, Scorer.popularity(Popularity.counts(plan.test().fit())));
    }

    private Tuned itemKnn() {
        ItemKnn best = null;
        double bestScore = -1;
        for (int k : grids.knnK()) {
            for (double shrink : grids.knnShrink()) {
                ItemKnn m = ItemKnn.train(plan.valid().fit(), k, shrink, ProgressListener.none());
                double score = validate(Scorer.itemItem(m));
                log.printf("[itemknn] k=%d shrink=%s: valid %s %.4f%n", k, num(shrink), Metric.NDCG.label(), score);
                if (score > bestScore) {
                    best = m;
                    bestScore = score;
                }
            }
        }
        ItemKnn onTest = plan.refit()
                ? ItemKnn.train(plan.test().fit(), best.k(), best.shrink(), ProgressListener.none())
                : best;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("k", best.k());
        params.put("shrink", best.shrink());
        return new Tuned(params, bestScore, Scorer.itemItem(onTest));
    }

    /** Searches λ once, reusing one Gram matrix for the whole grid; ease and blend share the result. */
    private void searchEase() {
        if (easeOnValid != null) {
            return;
        }
        long start = System.nanoTime();
        DMatrixRMaj gram = Ease.gram(plan.valid().fit(), ProgressListener.none());
        log.printf("[ease] gram %d × %d (%.1f s)%n", gram.numRows, gram.numCols, (System.nanoTime() - start) / 1e9);
        for (double lambda : grids.lambdas()) {
            long t = System.nanoTime();
            Ease m = Ease.fromGram(gram, lambda, ProgressListener.none());
            double score = validate(Scorer.itemItem(m));
            log.printf("[ease] λ=%s: valid %s %.4f (%.1f s)%n", num(lambda), Metric.NDCG.label(), score,
                    (System.nanoTime() - t) / 1e9);
            if (score > easeValidNdcg || easeOnValid == null) {
                easeOnValid = m;
                easeValidNdcg = score;
            }
        }
        easeOnTest = plan.refit()
                ? Ease.train(plan.test().fit(), easeOnValid.lambda(), ProgressListener.none())
                : easeOnValid;
    }

    private Tuned ease() {
        searchEase();
        return new Tuned(Map.of("lambda", easeOnValid.lambda()), easeValidNdcg, Scorer.itemItem(easeOnTest));
    }

    private Tuned blend() {
        searchEase();
        double[] validPopularity = Popularity.normalized(Popularity.counts(plan.valid().fit()));
        double bestBeta = 0;
        double bestScore = -1;
        for (double beta : grids.betas()) {
            double score = validate(Scorer.withPrior(Scorer.itemItem(easeOnValid), validPopularity, beta));
            log.printf("[blend] λ=%s β=%s: valid %s %.4f%n", num(easeOnValid.lambda()), num(beta),
                    Metric.NDCG.label(), score);
            if (score > bestScore) {
                bestBeta = beta;
                bestScore = score;
            }
        }
        double[] testPopularity = Popularity.normalized(Popularity.counts(plan.test().fit()));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lambda", easeOnValid.lambda());
        params.put("beta", bestBeta);
        return new Tuned(params, bestScore, Scorer.withPrior(Scorer.itemItem(easeOnTest), testPopularity, bestBeta));
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
