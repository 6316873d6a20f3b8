package io.serenade.ranking.recommend.model;

import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Per-user top-k metrics with binary relevance, defined as RecBole and Microsoft Recommenders define them (see
 * docs/evaluation.md): {@code ranked} is the recommendation list best first, {@code relevant} the held-out items
 * and {@code relevantCount} their number. Positions past the end of a short list count as misses. A user with no
 * relevant item scores 0 everywhere; protocols leave such users out of the averages.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /** Relevant items among the first k. */
    public static int hits(int[] ranked, IntPredicate relevant, int k) {
        int hits = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (relevant.test(ranked[r])) {
                hits++;
            }
        }
        return hits;
    }

    /** DCG@k / IDCG@k with gain 1 and discount 1/log2(rank + 1); the ideal list puts min(|relevant|, k) hits first. */
    public static double ndcg(int[] ranked, IntPredicate relevant, int relevantCount, int k) {
        if (relevantCount <= 0) {
            return 0;
        }
        double dcg = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (relevant.test(ranked[r])) {
                dcg += discount(r + 1);
            }
        }
        double idcg = 0;
        for (int r = 1; r <= Math.min(relevantCount, k); r++) {
            idcg += discount(r);
        }
        return dcg / idcg;
    }

    /** hits@k / |relevant| (RecBole Recall, Microsoft recall_at_k). */
    public static double recall(int[] ranked, IntPredicate relevant, int relevantCount, int k) {
        return relevantCount <= 0 ? 0 : (double) hits(ranked, relevant, k) / relevantCount;
    }

    /** hits@k / k, even when the list is shorter than k (RecBole Precision, Microsoft precision_at_k). */
    public static double precision(int[] ranked, IntPredicate relevant, int k) {
        return (double) hits(ranked, relevant, k) / k;
    }

    /** 1 when any of the first k is relevant (RecBole Hit). */
    public static double hit(int[] ranked, IntPredicate relevant, int k) {
        return hits(ranked, relevant, k) > 0 ? 1 : 0;
    }

    /** 1 / rank of the first relevant item within the first k, else 0 (RecBole MRR). */
    public static double mrr(int[] ranked, IntPredicate relevant, int k) {
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (relevant.test(ranked[r])) {
                return 1.0 / (r + 1);
            }
        }
        return 0;
    }

    /**
     * Σ over hits in the first k of precision at that hit's rank, divided by |relevant|: Microsoft Recommenders'
     * {@code map} (older releases named it {@code map_at_k}), the MAP of their published MovieLens table.
     */
    public static double averagePrecision(int[] ranked, IntPredicate relevant, int relevantCount, int k) {
        return relevantCount <= 0 ? 0 : precisionSum(ranked, relevant, k) / relevantCount;
    }

    /** The same sum divided by min(|relevant|, k): Microsoft Recommenders' current {@code map_at_k}. */
    public static double averagePrecisionAtK(int[] ranked, IntPredicate relevant, int relevantCount, int k) {
        return relevantCount <= 0 ? 0 : precisionSum(ranked, relevant, k) / Math.min(relevantCount, k);
    }

    private static double precisionSum(int[] ranked, IntPredicate relevant, int k) {
        double sum = 0;
        int hits = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (relevant.test(ranked[r])) {
                hits++;
                sum += (double) hits / (r + 1);
            }
        }
        return sum;
    }

    private static double discount(int rank) {
        return 1.0 / (Math.log(rank + 1) / Math.log(2));
    }

    // Convenience forms for callers holding a set or a mask.

    public static double ndcg(int[] ranked, Set<Integer> relevant, int k) {
        return ndcg(ranked, relevant::contains, relevant.size(), k);
    }

    public static double recall(int[] ranked, Set<Integer> relevant, int k) {
        return recall(ranked, relevant::contains, relevant.size(), k);
    }

    public static double precision(int[] ranked, Set<Integer> relevant, int k) {
        return precision(ranked, relevant::contains, k);
    }

    public static double hit(int[] ranked, Set<Integer> relevant, int k) {
        return hit(ranked, relevant::contains, k);
    }

    public static double mrr(int[] ranked, Set<Integer> relevant, int k) {
        return mrr(ranked, relevant::contains, k);
    }

    public static double averagePrecision(int[] ranked, Set<Integer> relevant, int k) {
        return averagePrecision(ranked, relevant::contains, relevant.size(), k);
    }

    public static double averagePrecisionAtK(int[] ranked, Set<Integer> relevant, int k) {
        return averagePrecisionAtK(ranked, relevant::contains, relevant.size(), k);
    }

    public static double ndcg(int[] ranked, boolean[] relevant, int k) {
        return ndcg(ranked, i -> relevant[i], count(relevant), k);
    }

    public static double recall(int[] ranked, boolean[] relevant, int k) {
        return recall(ranked, i -> relevant[i], count(relevant), k);
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
