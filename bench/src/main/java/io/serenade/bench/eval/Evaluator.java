package io.serenade.bench.eval;

import io.serenade.ranking.recommend.model.TopK;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Runs one stage for one scorer: full ranking over the allowed items, per-user metrics averaged over users. */
final class Evaluator {

    private Evaluator() {
    }

    /** Averages, the evaluated users' top-k lists (null rows for users left out), and how many were evaluated. */
    record Evaluation(Map<Metric, Double> metrics, int[][] lists, int users) {

        double get(Metric m) {
            return metrics.get(m);
        }
    }

    static Evaluation evaluate(Stage stage, Scorer scorer, List<Metric> metrics) {
        int users = stage.relevant().length;
        int items = stage.candidate().length;
        double[][] perUser = new double[users][];
        int[][] lists = new int[users][];
        ThreadLocal<double[]> scoresBuffer = ThreadLocal.withInitial(() -> new double[items]);
        ThreadLocal<boolean[]> maskBuffer = ThreadLocal.withInitial(() -> new boolean[items]);
        // Users are independent: the two cores of a bench machine score them in parallel.
        IntStream.range(0, users).parallel().forEach(u -> {
            int[] relevant = stage.relevant()[u];
            if (relevant.length == 0) {
                return;
            }
            double[] scores = scoresBuffer.get();
            Arrays.fill(scores, 0);
            scorer.score(stage.history()[u], scores);
            boolean[] masked = maskBuffer.get();
            for (int i : stage.masked()[u]) {
                masked[i] = true;
            }
            boolean[] candidate = stage.candidate();
            int[] top = TopK.top(scores, Metric.K, j -> candidate[j] && !masked[j]);
            for (int i : stage.masked()[u]) {
                masked[i] = false;
            }
            int[] sorted = relevant.clone();
            Arrays.sort(sorted);
            double[] values = new double[metrics.size()];
            for (int m = 0; m < values.length; m++) {
                values[m] = metrics.get(m).of(top, j -> Arrays.binarySearch(sorted, j) >= 0, sorted.length);
            }
            perUser[u] = values;
            lists[u] = top;
        });
        double[] sums = new double[metrics.size()];
        int evaluated = 0;
        for (double[] values : perUser) {
            if (values != null) {
                evaluated++;
                for (int m = 0; m < sums.length; m++) {
                    sums[m] += values[m];
                }
            }
        }
        Map<Metric, Double> averages = new LinkedHashMap<>();
        for (int m = 0; m < sums.length; m++) {
            averages.put(metrics.get(m), evaluated == 0 ? 0 : sums[m] / evaluated);
        }
        return new Evaluation(averages, lists, evaluated);
    }

    /** Share of the stage's candidate items that appear in at least one evaluated top-k list. */
    static double coverage(Stage stage, int[][] lists) {
        boolean[] shown = new boolean[stage.candidate().length];
        int distinct = 0;
        for (int[] list : lists) {
            if (list == null) {
                continue;
            }
            for (int i : list) {
                if (!shown[i]) {
                    shown[i] = true;
                    distinct++;
                }
            }
        }
        int catalog = stage.candidates();
        return catalog == 0 ? 0 : (double) distinct / catalog;
    }
}
