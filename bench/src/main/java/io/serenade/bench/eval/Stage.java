package io.serenade.bench.eval;

import io.serenade.ranking.recommend.model.InteractionMatrix;

/**
 * One evaluation: models are fitted on {@code fit}, each user is scored from their {@code fit} row, the items in
 * {@code masked} and items outside {@code candidate} are never recommended, and the top-k is judged against
 * {@code relevant}. Users with no relevant item are left out.
 */
record Stage(String name, InteractionMatrix fit, int[][] history, int[][] masked, int[][] relevant, boolean[] candidate) {

    int candidates() {
        int n = 0;
        for (boolean c : candidate) {
            if (c) {
                n++;
            }
        }
        return n;
    }

    static boolean[] all(int items) {
        boolean[] all = new boolean[items];
        java.util.Arrays.fill(all, true);
        return all;
    }

    /** Items with at least one interaction in the matrix: the only items a model fitted on it knows. */
    static boolean[] seenIn(InteractionMatrix fit) {
        int[] counts = fit.itemCounts();
        boolean[] seen = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            seen[i] = counts[i] > 0;
        }
        return seen;
    }
}
