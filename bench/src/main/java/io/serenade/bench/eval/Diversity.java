package io.serenade.bench.eval;

import io.serenade.ranking.recommend.model.InteractionMatrix;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Intra-list diversity of top-k lists: per list the mean over item pairs of 1 − cosine(a, b), averaged over lists
 * of at least two items. Cosine between binary genre vectors when the data set has genres, else between the items'
 * user vectors in the training data (co-occurrence / √(count_a · count_b)).
 */
final class Diversity {

    private final String basis;
    private final int[][] vectors;

    private Diversity(String basis, int[][] vectors) {
        this.basis = basis;
        this.vectors = vectors;
    }

    static Diversity of(Interactions d, InteractionMatrix fit) {
        if (d.genres != null) {
            Map<String, Integer> ids = new HashMap<>();
            int[][] vectors = new int[d.items][];
            for (int i = 0; i < d.items; i++) {
                Set<String> g = d.genres.get(i);
                vectors[i] = g.stream().mapToInt(name -> ids.computeIfAbsent(name, n -> ids.size())).sorted().toArray();
            }
            return new Diversity("genres", vectors);
        }
        InteractionMatrix byItem = fit.transpose();
        int[][] vectors = new int[d.items][];
        for (int i = 0; i < d.items; i++) {
            vectors[i] = byItem.itemsOf(i);
        }
        return new Diversity("co-occurrence", vectors);
    }

    String basis() {
        return basis;
    }

    double intraList(int[][] lists) {
        double sum = 0;
        int counted = 0;
        for (int[] list : lists) {
            if (list == null || list.length < 2) {
                continue;
            }
            double pairs = 0;
            double distance = 0;
            for (int a = 0; a < list.length; a++) {
                for (int b = a + 1; b < list.length; b++) {
                    distance += 1 - cosine(vectors[list[a]], vectors[list[b]]);
                    pairs++;
                }
            }
            sum += distance / pairs;
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /** Cosine of two binary vectors given as sorted index lists; 0 when either is empty. */
    static double cosine(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common / Math.sqrt((double) a.length * b.length);
    }
}
