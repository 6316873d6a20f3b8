package io.serenade.bench.eval;

import io.serenade.ranking.recommend.model.InteractionMatrix;

import java.util.List;
import java.util.Set;

/**
 * The interactions a protocol evaluates on, after its rating filter: per user the distinct items kept, users and
 * items re-indexed densely over what remains (an item nobody kept is not in the catalog).
 */
final class Interactions {

    final int users;
    final int items;
    /** Per user, distinct item indexes in file order. */
    final int[][] itemsOfUser;
    /** Per item index, or null when the data set has no genres. */
    final List<Set<String>> genres;

    Interactions(int users, int items, int[][] itemsOfUser, List<Set<String>> genres) {
        this.users = users;
        this.items = items;
        this.itemsOfUser = itemsOfUser;
        this.genres = genres;
    }

    int size() {
        int n = 0;
        for (int[] row : itemsOfUser) {
            n += row.length;
        }
        return n;
    }

    /** A binary users × items matrix of the given rows (the interaction value does not enter these protocols). */
    static InteractionMatrix matrix(int users, int items, int[][]... parts) {
        InteractionMatrix.Builder b = InteractionMatrix.builder(users, items);
        for (int[][] rows : parts) {
            for (int u = 0; u < users; u++) {
                for (int i : rows[u]) {
                    b.add(u, i, 1.0);
                }
            }
        }
        return b.build();
    }
}
