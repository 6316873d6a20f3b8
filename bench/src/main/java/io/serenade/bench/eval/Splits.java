package io.serenade.bench.eval;

import java.util.Arrays;
import java.util.Random;

/** The per-user splitting rules of the two protocols, kept apart so their rounding can be tested directly. */
final class Splits {

    private Splits() {
    }

    /**
     * RecBole's split of one user's n interactions by ratios (Dataset._calcu_split_ids): every part but the first
     * gets floor(ratio·n), the first the rest; then, from the last part backwards, a part whose ratio·n is in
     * (0, 1) takes one interaction from the first part while the first part still has more than one.
     */
    static int[] recBoleCounts(int n, double[] ratios) {
        double total = 0;
        for (double r : ratios) {
            total += r;
        }
        double[] normalized = new double[ratios.length];
        for (int p = 0; p < ratios.length; p++) {
            normalized[p] = ratios[p] / total;
        }
        int[] count = new int[ratios.length];
        int rest = n;
        for (int p = 1; p < ratios.length; p++) {
            count[p] = (int) (normalized[p] * n);
            rest -= count[p];
        }
        count[0] = rest;
        for (int back = 1; back < ratios.length; back++) {
            if (count[0] <= 1) {
                break;
            }
            int p = ratios.length - back;
            double share = normalized[p] * n;
            if (share > 0 && share < 1) {
                count[p]++;
                count[0]--;
            }
        }
        return count;
    }

    /**
     * Microsoft Recommenders' python_stratified_split: the first round(ratio·n) of a user's shuffled interactions
     * train, with Python/NumPy rounding (half to even: 4.5 → 4, 7.5 → 8), the rest test.
     */
    static int stratifiedTrainCount(int n, double ratio) {
        return (int) Math.rint(ratio * n);
    }

    /** Per user: shuffle, then train / valid / test = 80 / 10 / 10 by {@link #recBoleCounts}. */
    static int[][][] random811(int[][] itemsOfUser, long seed) {
        Random random = new Random(seed);
        int users = itemsOfUser.length;
        int[][][] parts = new int[3][users][];
        double[] ratios = {0.8, 0.1, 0.1};
        for (int u = 0; u < users; u++) {
            int[] order = shuffle(itemsOfUser[u], random);
            int[] count = recBoleCounts(order.length, ratios);
            parts[0][u] = Arrays.copyOfRange(order, 0, count[0]);
            parts[1][u] = Arrays.copyOfRange(order, count[0], count[0] + count[1]);
            parts[2][u] = Arrays.copyOfRange(order, count[0] + count[1], order.length);
        }
        return parts;
    }

    /** Per user: shuffle, then train = first {@link #stratifiedTrainCount}, test = the rest. */
    static int[][][] stratified(int[][] itemsOfUser, double ratio, long seed) {
        Random random = new Random(seed);
        int users = itemsOfUser.length;
        int[][][] parts = new int[2][users][];
        for (int u = 0; u < users; u++) {
            int[] order = shuffle(itemsOfUser[u], random);
            int train = stratifiedTrainCount(order.length, ratio);
            parts[0][u] = Arrays.copyOfRange(order, 0, train);
            parts[1][u] = Arrays.copyOfRange(order, train, order.length);
        }
        return parts;
    }

    private static int[] shuffle(int[] items, Random random) {
        int[] a = items.clone();
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** Row-wise union of two splits, as the history masked at test time. */
    static int[][] union(int[][] a, int[][] b) {
        int[][] out = new int[a.length][];
        for (int u = 0; u < a.length; u++) {
            out[u] = Arrays.copyOf(a[u], a[u].length + b[u].length);
            System.arraycopy(b[u], 0, out[u], a[u].length, b[u].length);
        }
        return out;
    }
}
