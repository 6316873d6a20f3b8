package io.serenade.ranking.recommend.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_MT_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EASE^R (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data"): the item-item weights B that best
 * reconstruct X from X·B under a ridge penalty λ with a zero diagonal, in closed form:
 * G = XᵀX + λI, P = G⁻¹, B = I − P·diagMat(1/diag(P)), i.e. B[i][j] = −P[i][j] / P[j][j] and B[j][j] = 0.
 *
 * <p>Memory: serving keeps B as floats, 4·n² bytes (400 MB at n = 10,000 items). Training holds, at its peak,
 * three n × n double matrices: the Gram matrix (which then receives the inverse) and the block Cholesky solver's
 * factor and inverse, 3 · 8·n² bytes = 2.4 GB at n = 10,000; the float B (0.4 GB) is filled after the solver is
 * released. Measured on the 2-core bench machine: 10,000 items train in about 5 minutes within -Xmx3g;
 * MovieLens-1M's 3,706 items in about 9 s and 330 MB.
 * {@link #fromGram} keeps the caller's Gram matrix intact and so needs one more n² doubles.
 */
public final class Ease implements ItemItemModel {

    /** Beyond this a row-major n × n array no longer fits in one Java array. */
    static final int MAX_ITEMS = 46_340;

    private final int n;
    private final double lambda;
    private final float[] b;

    private Ease(int n, double lambda, float[] b) {
        this.n = n;
        this.lambda = lambda;
        this.b = b;
    }

    /** Trains on an interaction matrix; progress goes through the stages gram, invert, finish. */
    public static Ease train(InteractionMatrix x, double lambda, ProgressListener progress) {
        DMatrixRMaj g = gram(x, scaled(progress, 0.0, 0.4));
        // The Gram matrix is ours alone here, so the ridge is added in place instead of on a copy.
        return solve(g, lambda, scaled(progress, 0.4, 1.0));
    }

    /**
     * XᵀX as a dense double matrix, computed from the sparse rows (Σ over users of |row|² work, no dense X).
     * Exposed so a hyperparameter search computes it once and tries many λ with {@link #fromGram}.
     */
    public static DMatrixRMaj gram(InteractionMatrix x, ProgressListener progress) {
        int n = x.items();
        if (n > MAX_ITEMS) {
            throw new IllegalArgumentException(n + " items: a dense item-item model holds at most " + MAX_ITEMS);
        }
        Training.checkInterrupted("gram");
        progress.progress("gram", 0.0);
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        double[] d = g.data;
        int users = x.users();
        int chunk = Math.max(1, users / 50);
        for (int u = 0; u < users; u++) {
            int start = x.rowStart(u);
            int end = x.rowStart(u + 1);
            // Rows are sorted by item, so only the upper triangle (i <= j) is accumulated here.
            for (int a = start; a < end; a++) {
                int base = x.column(a) * n;
                double va = x.value(a);
                for (int c = a; c < end; c++) {
                    d[base + x.column(c)] += va * x.value(c);
                }
            }
            if ((u + 1) % chunk == 0) {
                Training.checkInterrupted("gram");
                progress.progress("gram", 0.95 * (u + 1) / users);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[j * n + i] = d[i * n + j];
            }
        }
        progress.progress("gram", 1.0);
        return g;
    }

    /** Trains from a precomputed Gram matrix, which is left unchanged (the search reuses it). */
    public static Ease fromGram(DMatrixRMaj gram, double lambda, ProgressListener progress) {
        return solve(gram.copy(), lambda, progress);
    }

    private static Ease solve(DMatrixRMaj g, double lambda, ProgressListener progress) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("lambda must be > 0, got " + lambda);
        }
        int n = g.numRows;
        Training.checkInterrupted("invert");
        for (int i = 0; i < n; i++) {
            g.data[i * n + i] += lambda;
        }
        progress.progress("invert", 0.0);
        // Cholesky: G + λI is symmetric positive definite for λ > 0. The multi-threaded solver uses the
        // machine's cores; the inversion is one call, so progress can only be reported before and after it.
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_MT_DDRM.symmPosDef(n);
        if (!solver.setA(g)) {
            throw new IllegalStateException("XᵀX + λI is not positive definite (λ = " + lambda + ")");
        }
        // The block solver decomposes its own copy of G, so G's array can receive the inverse: one n × n
        // double matrix less at the peak (10,000 items: 2.4 GB instead of 3.2 GB).
        DMatrixRMaj p = solver.modifiesA() ? new DMatrixRMaj(n, n) : g;
        solver.invert(p);
        // Dropping the reference lets the solver's two n² copies be collected before B is allocated
        // (this method runs once per training, mostly interpreted, where a dead local still pins its object).
        solver = null;
        Training.checkInterrupted("invert");
        progress.progress("invert", 0.85);

        double[] pd = p.data;
        double[] inverseDiagonal = new double[n];
        for (int j = 0; j < n; j++) {
            inverseDiagonal[j] = 1.0 / pd[j * n + j];
        }
        float[] b = new float[n * n];
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                b[row + j] = (float) (-pd[row + j] * inverseDiagonal[j]);
            }
            b[row + i] = 0f;
        }
        Training.checkInterrupted("finish");
        progress.progress("finish", 1.0);
        return new Ease(n, lambda, b);
    }

    /** Maps a stage's own 0..1 onto a slice of the whole training. */
    static ProgressListener scaled(ProgressListener listener, double from, double to) {
        return (stage, fraction) -> listener.progress(stage, from + (to - from) * fraction);
    }

    public double lambda() {
        return lambda;
    }

    @Override
    public int items() {
        return n;
    }

    @Override
    public void accumulate(int fromItem, double weight, double[] scores) {
        int row = fromItem * n;
        for (int j = 0; j < n; j++) {
            scores[j] += weight * b[row + j];
        }
    }

    @Override
    public double weight(int fromItem, int toItem) {
        return b[fromItem * n + toItem];
    }
}
