package io.serenade.bench.eval;

import io.serenade.ranking.recommend.model.RankingMetrics;

import java.util.function.IntPredicate;

/** The per-user top-k metrics a protocol reports, by the names its reference tables use. */
public enum Metric {
    NDCG("NDCG@10"),
    RECALL("Recall@10"),
    PRECISION("Precision@10"),
    HIT("Hit@10"),
    MRR("MRR@10"),
    MAP("MAP"),
    MAP_AT_K("MAP@10");

    static final int K = 10;

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    double of(int[] ranked, IntPredicate relevant, int relevantCount) {
        return switch (this) {
            case NDCG -> RankingMetrics.ndcg(ranked, relevant, relevantCount, K);
            case RECALL -> RankingMetrics.recall(ranked, relevant, relevantCount, K);
            case PRECISION -> RankingMetrics.precision(ranked, relevant, K);
            case HIT -> RankingMetrics.hit(ranked, relevant, K);
            case MRR -> RankingMetrics.mrr(ranked, relevant, K);
            case MAP -> RankingMetrics.averagePrecision(ranked, relevant, relevantCount, K);
            case MAP_AT_K -> RankingMetrics.averagePrecisionAtK(ranked, relevant, relevantCount, K);
        };
    }
}
