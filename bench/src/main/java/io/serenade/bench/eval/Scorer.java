package io.serenade.bench.eval;

import io.serenade.ranking.recommend.model.ItemItemModel;

/** Scores every item for one user's history; {@code out} arrives zeroed. */
@FunctionalInterface
interface Scorer {

    void score(int[] history, double[] out);

    /** The same scores for everyone. */
    static Scorer popularity(double[] popularity) {
        return (history, out) -> System.arraycopy(popularity, 0, out, 0, out.length);
    }

    /** Σ over history items of their W rows (binary interactions, value 1). */
    static Scorer itemItem(ItemItemModel model) {
        return (history, out) -> {
            for (int i : history) {
                model.accumulate(i, 1.0, out);
            }
        };
    }

    /** The served blend: personal score + β × popularity scaled to [0, 1] (Popularity.normalized). */
    static Scorer withPrior(Scorer personal, double[] normalizedPopularity, double beta) {
        return (history, out) -> {
            personal.score(history, out);
            for (int j = 0; j < out.length; j++) {
                out[j] += beta * normalizedPopularity[j];
            }
        };
    }
}
