package io.serenade.artwork.policy;

import java.util.Arrays;

/**
 * A feature vector stored as its non-zero entries, indices ascending. Contexts and arm features are mostly zeros
 * (one device, one time of day, a few tags), so the contextual model's products cost the square of the non-zeros
 * rather than of the dimension.
 */
public record SparseVector(int[] indices, double[] values) {

    public static final SparseVector EMPTY = new SparseVector(new int[0], new double[0]);

    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length");
        }
        for (int i = 1; i < indices.length; i++) {
            if (indices[i] <= indices[i - 1]) {
                throw new IllegalArgumentException("indices must ascend strictly");
            }
        }
    }

    public int size() {
        return indices.length;
    }

    /**
     * The outer product x ⊗ z flattened row by row into a vector of dimension {@code dim(x) · zDim}: feature
     * (i, j) is "the user has context feature i and the arm has feature j", the cross terms a contextual model
     * learns (a fan of horror × ominous art).
     */
    public static SparseVector outer(SparseVector x, SparseVector z, int zDim) {
        if (z.size() > 0 && z.indices[z.size() - 1] >= zDim) {
            throw new IllegalArgumentException("an arm feature index is outside the arm dimension " + zDim);
        }
        int n = x.size() * z.size();
        int[] idx = new int[n];
        double[] val = new double[n];
        int k = 0;
        for (int a = 0; a < x.size(); a++) {
            for (int b = 0; b < z.size(); b++) {
                idx[k] = x.indices[a] * zDim + z.indices[b];
                val[k++] = x.values[a] * z.values[b];
            }
        }
        return new SparseVector(idx, val);
    }

    /** A vector from dense values, keeping the non-zeros. */
    public static SparseVector ofDense(double[] dense) {
        int n = 0;
        for (double v : dense) {
            if (v != 0) {
                n++;
            }
        }
        int[] idx = new int[n];
        double[] val = new double[n];
        int k = 0;
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] != 0) {
                idx[k] = i;
                val[k++] = dense[i];
            }
        }
        return new SparseVector(idx, val);
    }

    public double dot(double[] dense) {
        double s = 0;
        for (int i = 0; i < indices.length; i++) {
            s += values[i] * dense[indices[i]];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector v && Arrays.equals(indices, v.indices) && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SparseVector" + Arrays.toString(indices) + Arrays.toString(values);
    }
}
