package io.serenade.ranking.recommend.model;

import java.util.function.IntPredicate;

/** Selection of the k best-scored indexes without sorting everything: a bounded heap, O(n log k). */
public final class TopK {

    private TopK() {
    }

    /**
     * Indexes of the k highest allowed scores, best first; equal scores are ordered by lower index, so pages are
     * stable. NaN scores are never returned. Fewer than k come back when fewer are allowed.
     */
    public static int[] top(double[] scores, int k, IntPredicate allowed) {
        Heap heap = new Heap(scores, k);
        for (int i = 0; i < scores.length; i++) {
            if (allowed.test(i)) {
                heap.offer(i);
            }
        }
        return heap.drainBestFirst();
    }

    /** Same as {@link #top(double[], int, IntPredicate)} over the first {@code count} entries of {@code candidates}. */
    public static int[] top(int[] candidates, int count, double[] scores, int k) {
        Heap heap = new Heap(scores, k);
        for (int c = 0; c < count; c++) {
            heap.offer(candidates[c]);
        }
        return heap.drainBestFirst();
    }

    /** Min-heap on "goodness": the root is the worst of the kept indexes, the one a better candidate evicts. */
    private static final class Heap {

        private final double[] scores;
        private final int[] slots;
        private int size;

        Heap(double[] scores, int k) {
            if (k < 0) {
                throw new IllegalArgumentException("k must be >= 0, got " + k);
            }
            this.scores = scores;
            this.slots = new int[Math.min(k, scores.length)];
        }

        /** True when index a ranks below index b. */
        private boolean worse(int a, int b) {
            return scores[a] < scores[b] || (scores[a] == scores[b] && a > b);
        }

        void offer(int index) {
            if (Double.isNaN(scores[index]) || slots.length == 0) {
                return;
            }
            if (size < slots.length) {
                slots[size] = index;
                siftUp(size++);
            } else if (worse(slots[0], index)) {
                slots[0] = index;
                siftDown(0);
            }
        }

        private void siftUp(int at) {
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (!worse(slots[at], slots[parent])) {
                    return;
                }
                swap(at, parent);
                at = parent;
            }
        }

        private void siftDown(int at) {
            while (true) {
                int left = 2 * at + 1;
                if (left >= size) {
                    return;
                }
                int child = left + 1 < size && worse(slots[left + 1], slots[left]) ? left + 1 : left;
                if (!worse(slots[child], slots[at])) {
                    return;
                }
                swap(at, child);
                at = child;
            }
        }

        private void swap(int a, int b) {
            int t = slots[a];
            slots[a] = slots[b];
            slots[b] = t;
        }

        /** Pops the worst first, filling the result from the back. */
        int[] drainBestFirst() {
            int[] result = new int[size];
            for (int pos = size - 1; pos >= 0; pos--) {
                result[pos] = slots[0];
                slots[0] = slots[--size];
                siftDown(0);
            }
            return result;
        }
    }
}
