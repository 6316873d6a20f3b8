package io.serenade.ranking.recommend.model;

import java.util.Arrays;

/**
 * Sparse users × items matrix of interaction strengths in compressed-row form, the input of every model.
 * Users and items are dense indexes (0..users-1, 0..items-1); the caller keeps the mapping to real ids.
 */
public final class InteractionMatrix {

    private final int users;
    private final int items;
    /** Row u occupies [rowStart[u], rowStart[u + 1]) of {@link #columns} and {@link #values}. */
    private final int[] rowStart;
    private final int[] columns;
    private final double[] values;

    private InteractionMatrix(int users, int items, int[] rowStart, int[] columns, double[] values) {
        this.users = users;
        this.items = items;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    public static Builder builder(int users, int items) {
        return new Builder(users, items);
    }

    public int users() {
        return users;
    }

    public int items() {
        return items;
    }

    public int nnz() {
        return columns.length;
    }

    /** Items of a user, ascending. A copy: callers may keep or change it. */
    public int[] itemsOf(int user) {
        return Arrays.copyOfRange(columns, rowStart[user], rowStart[user + 1]);
    }

    /** Values of a user, in the order of {@link #itemsOf(int)}. */
    public double[] valuesOf(int user) {
        return Arrays.copyOfRange(values, rowStart[user], rowStart[user + 1]);
    }

    /** Number of items of a user, without copying them. */
    public int rowLength(int user) {
        return rowStart[user + 1] - rowStart[user];
    }

    /** Number of users per item. */
    public int[] itemCounts() {
        int[] counts = new int[items];
        for (int c : columns) {
            counts[c]++;
        }
        return counts;
    }

    /** The items × users matrix: item-based models walk the users of an item. */
    public InteractionMatrix transpose() {
        int[] start = new int[items + 1];
        for (int c : columns) {
            start[c + 1]++;
        }
        for (int i = 0; i < items; i++) {
            start[i + 1] += start[i];
        }
        int[] next = Arrays.copyOf(start, items);
        int[] cols = new int[columns.length];
        double[] vals = new double[columns.length];
        // Rows are visited in user order, so every transposed row comes out sorted by user.
        for (int u = 0; u < users; u++) {
            for (int k = rowStart[u]; k < rowStart[u + 1]; k++) {
                int at = next[columns[k]]++;
                cols[at] = u;
                vals[at] = values[k];
            }
        }
        return new InteractionMatrix(items, users, start, cols, vals);
    }

    /** Calls {@code visitor} for every stored cell of a user, without allocating. */
    public void forEachInRow(int user, CellVisitor visitor) {
        for (int k = rowStart[user]; k < rowStart[user + 1]; k++) {
            visitor.visit(columns[k], values[k]);
        }
    }

    /** One stored cell of a row. */
    @FunctionalInterface
    public interface CellVisitor {
        void visit(int column, double value);
    }

    // Package-private raw access for the trainings' inner loops, which must not copy rows.
    int rowStart(int user) {
        return rowStart[user];
    }

    int column(int k) {
        return columns[k];
    }

    double value(int k) {
        return values[k];
    }

    /** Collects (user, item, value) triples in any order. */
    public static final class Builder {

        private final int users;
        private final int items;
        private int size;
        private int[] rowOf = new int[16];
        private int[] colOf = new int[16];
        private double[] valueOf = new double[16];

        private Builder(int users, int items) {
            if (users < 0 || items < 0) {
                throw new IllegalArgumentException("negative size " + users + " × " + items);
            }
            this.users = users;
            this.items = items;
        }

        /** Adds a cell; when a (user, item) pair comes twice, the larger value is kept (strongest signal wins). */
        public Builder add(int user, int item, double value) {
            if (user < 0 || user >= users || item < 0 || item >= items) {
                throw new IndexOutOfBoundsException("cell (" + user + ", " + item + ") outside " + users + " × " + items);
            }
            if (size == rowOf.length) {
                int capacity = size * 2;
                rowOf = Arrays.copyOf(rowOf, capacity);
                colOf = Arrays.copyOf(colOf, capacity);
                valueOf = Arrays.copyOf(valueOf, capacity);
            }
            rowOf[size] = user;
            colOf[size] = item;
            valueOf[size] = value;
            size++;
            return this;
        }

        public InteractionMatrix build() {
            // Counting sort by row, then sort each row by column and merge duplicates.
            int[] start = new int[users + 1];
            for (int k = 0; k < size; k++) {
                start[rowOf[k] + 1]++;
            }
            for (int u = 0; u < users; u++) {
                start[u + 1] += start[u];
            }
            int[] next = Arrays.copyOf(start, users);
            long[] packed = new long[size];
            int[] order = new int[size];
            for (int k = 0; k < size; k++) {
                order[next[rowOf[k]]++] = k;
            }
            int[] outStart = new int[users + 1];
            int[] outCols = new int[size];
            double[] outVals = new double[size];
            int out = 0;
            for (int u = 0; u < users; u++) {
                int from = start[u];
                int to = start[u + 1];
                // Pack (column, original position) so a primitive sort orders the row by column.
                for (int p = from; p < to; p++) {
                    int k = order[p];
                    packed[p] = ((long) colOf[k] << 32) | k;
                }
                Arrays.sort(packed, from, to);
                outStart[u] = out;
                int last = -1;
                for (int p = from; p < to; p++) {
                    int k = (int) packed[p];
                    int c = (int) (packed[p] >>> 32);
                    if (c == last) {
                        outVals[out - 1] = Math.max(outVals[out - 1], valueOf[k]);
                    } else {
                        outCols[out] = c;
                        outVals[out] = valueOf[k];
                        out++;
                        last = c;
                    }
                }
            }
            outStart[users] = out;
            return new InteractionMatrix(users, items, outStart, Arrays.copyOf(outCols, out), Arrays.copyOf(outVals, out));
        }
    }
}
