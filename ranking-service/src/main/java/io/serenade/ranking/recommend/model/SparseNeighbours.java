package io.serenade.ranking.recommend.model;

import java.util.Arrays;

/** Top-k neighbour lists per item in compressed-row form, the storage of the sparse item-item models. */
final class SparseNeighbours {

    private final int items;
    private final int[] rowStart;
    /** Neighbour indexes, ascending within a row so a single weight is a binary search. */
    private final int[] neighbours;
    private final float[] weights;

    private SparseNeighbours(int items, int[] rowStart, int[] neighbours, float[] weights) {
        this.items = items;
        this.rowStart = rowStart;
        this.neighbours = neighbours;
        this.weights = weights;
    }

    int items() {
        return items;
    }

    int nnz() {
        return neighbours.length;
    }

    void accumulate(int fromItem, double weight, double[] scores) {
        for (int k = rowStart[fromItem]; k < rowStart[fromItem + 1]; k++) {
            scores[neighbours[k]] += weight * weights[k];
        }
    }

    double weight(int fromItem, int toItem) {
        int k = Arrays.binarySearch(neighbours, rowStart[fromItem], rowStart[fromItem + 1], toItem);
        return k >= 0 ? weights[k] : 0.0;
    }

    int[] neighboursOf(int item) {
        return Arrays.copyOfRange(neighbours, rowStart[item], rowStart[item + 1]);
    }

    /** Rows are added in item order. */
    static final class Builder {

        private final int items;
        private final int[] rowStart;
        private int[] neighbours = new int[64];
        private float[] weights = new float[64];
        private int size;
        private int next;

        Builder(int items) {
            this.items = items;
            this.rowStart = new int[items + 1];
        }

        /** Adds the next item's row: {@code chosen} indexes into {@code scores}. */
        void addRow(int[] chosen, double[] scores) {
            int[] sorted = chosen.clone();
            Arrays.sort(sorted);
            if (size + sorted.length > neighbours.length) {
                int capacity = Math.max(neighbours.length * 2, size + sorted.length);
                neighbours = Arrays.copyOf(neighbours, capacity);
                weights = Arrays.copyOf(weights, capacity);
            }
            for (int j : sorted) {
                neighbours[size] = j;
                weights[size] = (float) scores[j];
                size++;
            }
            rowStart[++next] = size;
        }

        SparseNeighbours build() {
            if (next != items) {
                throw new IllegalStateException(next + " rows added for " + items + " items");
            }
            return new SparseNeighbours(items, rowStart, Arrays.copyOf(neighbours, size), Arrays.copyOf(weights, size));
        }
    }
}
