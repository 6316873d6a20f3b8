package io.serenade.artwork.policy;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Ridge regression of reward on cross features, as LinUCB keeps it (Li et al. 2010): A = λI + Σ φφᵀ and
 * b = Σ rφ, with A⁻¹ maintained so that θ = A⁻¹b and the confidence width √(φᵀA⁻¹φ) are cheap. Learning one
 * observation is a Sherman–Morrison update, O(d²); a model rebuilt from stored sums is inverted once by EJML.
 * Not thread-safe while learning; a model no longer learning may be read from any thread.
 */
public final class LinearModel {

    private final int dim;
    private final double[] b;
    private final double[] inverse;
    private final double[] theta;
    private long observations;

    public LinearModel(int dim, double ridge) {
        if (dim < 1 || !(ridge > 0)) {
            throw new IllegalArgumentException("need dim ≥ 1 and ridge > 0");
        }
        this.dim = dim;
        this.b = new double[dim];
        this.inverse = new double[dim * dim];
        this.theta = new double[dim];
        for (int i = 0; i < dim; i++) {
            inverse[i * dim + i] = 1 / ridge;
        }
    }

    /** A model from stored sums (dense, row-major Σφφᵀ and Σrφ), inverted once. */
    public static LinearModel fromSums(int dim, double ridge, double[] gram, double[] b, long observations) {
        if (gram.length != dim * dim || b.length != dim) {
            throw new IllegalArgumentException("sums do not match the dimension " + dim);
        }
        LinearModel m = new LinearModel(dim, ridge);
        System.arraycopy(b, 0, m.b, 0, dim);
        m.observations = observations;
        DMatrixRMaj a = new DMatrixRMaj(dim, dim, true, gram);
        for (int i = 0; i < dim; i++) {
            a.add(i, i, ridge);
        }
        DMatrixRMaj inv = new DMatrixRMaj(dim, dim);
        if (!CommonOps_DDRM.invertSPD(a, inv)) {
            throw new IllegalStateException("the stored Gram matrix is not positive definite");
        }
        System.arraycopy(inv.data, 0, m.inverse, 0, inv.data.length);
        m.refreshTheta();
        return m;
    }

    public long observations() {
        return observations;
    }

    /** Learns that features φ earned reward r. */
    public void add(SparseVector phi, double reward) {
        int n = phi.size();
        if (n == 0) {
            return;
        }
        int[] idx = phi.indices();
        double[] val = phi.values();
        for (int a = 0; a < n; a++) {
            b[idx[a]] += reward * val[a];
        }
        // Sherman–Morrison: (A + φφᵀ)⁻¹ = A⁻¹ − (A⁻¹φ)(A⁻¹φ)ᵀ / (1 + φᵀA⁻¹φ), A⁻¹ being symmetric.
        double[] u = new double[dim];
        for (int row = 0; row < dim; row++) {
            double s = 0;
            for (int a = 0; a < n; a++) {
                s += inverse[row * dim + idx[a]] * val[a];
            }
            u[row] = s;
        }
        double denominator = 1 + phi.dot(u);
        for (int row = 0; row < dim; row++) {
            double f = u[row] / denominator;
            if (f != 0) {
                for (int col = 0; col < dim; col++) {
                    inverse[row * dim + col] -= f * u[col];
                }
            }
        }
        observations++;
        refreshTheta();
    }

    /** θ·φ: the model's estimate of the reward φ adds. */
    public double mean(SparseVector phi) {
        return phi.dot(theta);
    }

    /** √(φᵀA⁻¹φ): how unsure the model still is about φ; LinUCB's exploration bonus is α times this. */
    public double width(SparseVector phi) {
        int[] idx = phi.indices();
        double[] val = phi.values();
        double s = 0;
        for (int a = 0; a < idx.length; a++) {
            int rowOffset = idx[a] * dim;
            for (int c = 0; c < idx.length; c++) {
                s += val[a] * val[c] * inverse[rowOffset + idx[c]];
            }
        }
        return Math.sqrt(Math.max(0, s));
    }

    /** One coefficient of θ, for explanations. */
    public double coefficient(int index) {
        return theta[index];
    }

    private void refreshTheta() {
        for (int row = 0; row < dim; row++) {
            double s = 0;
            int offset = row * dim;
            for (int col = 0; col < dim; col++) {
                s += inverse[offset + col] * b[col];
            }
            theta[row] = s;
        }
    }
}
