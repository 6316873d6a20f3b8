package io.serenade.bench.eval;

import io.serenade.bench.WeightedDraw;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded ratings with planted taste clusters, for tests and for trying the harness without MovieLens: every item
 * and every user belongs to one of the clusters; a user mostly takes items of their own cluster, the rest at
 * random, both drawn with a Zipf-like popularity skew; in-cluster items are rated high, the others anywhere.
 * A personal model should find the clusters; popularity alone cannot.
 */
public final class SyntheticRatings {

    /** Share of a user's interactions drawn from their own cluster; the rest is noise over the whole catalog. */
    static final double IN_CLUSTER = 0.75;
    private static final long START = 880_000_000L;

    private SyntheticRatings() {
    }

    public static Ratings generate(int users, int items, int clusters, long seed) {
        if (users < 1 || clusters < 1 || items < 2 * clusters) {
            throw new IllegalArgumentException("need users >= 1, clusters >= 1 and items >= 2 × clusters");
        }
        Random random = new Random(seed);
        // Popularity: a random permutation of Zipf weights 1/(rank+1)^0.9, so popular items are spread over clusters.
        double[] weight = new double[items];
        int[] rank = shuffled(items, random);
        for (int i = 0; i < items; i++) {
            weight[i] = 1.0 / Math.pow(rank[i] + 1, 0.9);
        }
        List<List<Integer>> clusterItems = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            clusterItems.add(new ArrayList<>());
        }
        for (int i = 0; i < items; i++) {
            clusterItems.get(i % clusters).add(i);
        }
        double[][] clusterCumulative = new double[clusters][];
        for (int c = 0; c < clusters; c++) {
            clusterCumulative[c] = WeightedDraw.cumulative(
                    clusterItems.get(c).stream().mapToInt(Integer::intValue).toArray(), weight);
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            all.add(i);
        }
        double[] allCumulative = WeightedDraw.cumulative(all.stream().mapToInt(Integer::intValue).toArray(), weight);

        Ratings.Builder b = Ratings.builder("synthetic users=" + users + " items=" + items + " clusters=" + clusters + " seed=" + seed);
        for (int u = 0; u < users; u++) {
            int cluster = u % clusters;
            int length = Math.min(items / 2, 12 + random.nextInt(40));
            Set<Integer> taken = new HashSet<>();
            long at = START + u * 10_000L;
            for (int attempt = 0; taken.size() < length && attempt < 20 * length; attempt++) {
                boolean inCluster = random.nextDouble() < IN_CLUSTER;
                int i = inCluster
                        ? clusterItems.get(cluster).get(WeightedDraw.draw(clusterCumulative[cluster], random))
                        : WeightedDraw.draw(allCumulative, random);
                if (!taken.add(i)) {
                    continue;
                }
                boolean own = i % clusters == cluster;
                // Own-cluster items are liked (3-5, mostly 4-5); others get any rating.
                int stars = own ? 3 + Math.min(2, random.nextInt(4)) : 1 + random.nextInt(5);
                b.add("u" + (u + 1), "i" + (i + 1), stars, at);
                at += 60 + random.nextInt(3_600);
            }
        }
        Map<String, Set<String>> genres = new HashMap<>();
        for (int i = 0; i < items; i++) {
            Set<String> g = new HashSet<>();
            g.add("genre-" + (i % clusters));
            if (random.nextDouble() < 0.2) {
                g.add("genre-" + ((i + 1) % clusters));
            }
            genres.put("i" + (i + 1), g);
        }
        return b.build(genres);
    }

    private static int[] shuffled(int n, Random random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
