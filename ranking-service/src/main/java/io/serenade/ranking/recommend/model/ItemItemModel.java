package io.serenade.ranking.recommend.model;

/**
 * A linear item-to-item model: a user's score for item j is {@code sum over history items i of value(i) * W[i][j]},
 * so every score splits exactly into per-history-item contributions, which is what makes explanations exact.
 * W has a zero diagonal: an item never recommends itself.
 */
public interface ItemItemModel {

    /** Number of items; W is items × items. */
    int items();

    /** {@code scores[j] += weight * W[fromItem][j]} for every item j. */
    void accumulate(int fromItem, double weight, double[] scores);

    /** {@code W[fromItem][toItem]}. */
    double weight(int fromItem, int toItem);

    /** Scores of every item for a history given as parallel arrays of item indexes and values. */
    default double[] score(int[] historyItems, double[] historyValues) {
        double[] scores = new double[items()];
        for (int k = 0; k < historyItems.length; k++) {
            accumulate(historyItems[k], historyValues == null ? 1.0 : historyValues[k], scores);
        }
        return scores;
    }
}
