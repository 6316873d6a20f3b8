package io.serenade.ranking.recommend.model;

/**
 * Item-based kNN baseline (Deshpande and Karypis 2004): every history item adds its k most similar items, with
 * cosine similarity between item columns shrunk towards zero for items seen by few users:
 * sim(a, b) = a·b / (‖a‖‖b‖ + shrink). Stored sparse: k weights per item.
 */
public final class ItemKnn implements ItemItemModel {

    private final SparseNeighbours neighbours;
    private final int k;
    private final double shrink;

    private ItemKnn(SparseNeighbours neighbours, int k, double shrink) {
        this.neighbours = neighbours;
        this.k = k;
        this.shrink = shrink;
    }

    public static ItemKnn train(InteractionMatrix x, int k, double shrink, ProgressListener progress) {
        if (k < 1 || shrink < 0) {
            throw new IllegalArgumentException("need k >= 1 and shrink >= 0, got k=" + k + " shrink=" + shrink);
        }
        int n = x.items();
        Training.checkInterrupted("similarity");
        progress.progress("similarity", 0.0);
        InteractionMatrix byItem = x.transpose();
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int a = byItem.rowStart(i); a < byItem.rowStart(i + 1); a++) {
                sum += byItem.value(a) * byItem.value(a);
            }
            norm[i] = Math.sqrt(sum);
        }
        // One dense accumulator row reused for every item: O(items) memory, Σ over users of |row|² work.
        double[] acc = new double[n];
        int[] touched = new int[n];
        boolean[] seen = new boolean[n];
        SparseNeighbours.Builder rows = new SparseNeighbours.Builder(n);
        int chunk = Math.max(1, n / 50);
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int a = byItem.rowStart(i); a < byItem.rowStart(i + 1); a++) {
                int u = byItem.column(a);
                double vu = byItem.value(a);
                for (int c = x.rowStart(u); c < x.rowStart(u + 1); c++) {
                    int j = x.column(c);
                    if (j == i) {
                        continue;
                    }
                    if (!seen[j]) {
                        seen[j] = true;
                        touched[count++] = j;
                    }
                    acc[j] += vu * x.value(c);
                }
            }
            for (int t = 0; t < count; t++) {
                int j = touched[t];
                acc[j] = acc[j] / (norm[i] * norm[j] + shrink);
            }
            rows.addRow(positive(TopK.top(touched, count, acc, k), acc), acc);
            for (int t = 0; t < count; t++) {
                acc[touched[t]] = 0;
                seen[touched[t]] = false;
            }
            if ((i + 1) % chunk == 0) {
                Training.checkInterrupted("similarity");
                progress.progress("similarity", (double) (i + 1) / n);
            }
        }
        progress.progress("similarity", 1.0);
        return new ItemKnn(rows.build(), k, shrink);
    }

    /** Drops non-positive similarities (possible only with negative interaction values). */
    static int[] positive(int[] chosen, double[] scores) {
        int keep = 0;
        for (int j : chosen) {
            if (scores[j] > 0) {
                keep++;
            }
        }
        if (keep == chosen.length) {
            return chosen;
        }
        int[] out = new int[keep];
        int at = 0;
        for (int j : chosen) {
            if (scores[j] > 0) {
                out[at++] = j;
            }
        }
        return out;
    }

    public int k() {
        return k;
    }

    public double shrink() {
        return shrink;
    }

    /** The stored neighbours of an item, ascending by index. */
    public int[] neighboursOf(int item) {
        return neighbours.neighboursOf(item);
    }

    @Override
    public int items() {
        return neighbours.items();
    }

    @Override
    public void accumulate(int fromItem, double weight, double[] scores) {
        neighbours.accumulate(fromItem, weight, scores);
    }

    @Override
    public double weight(int fromItem, int toItem) {
        return neighbours.weight(fromItem, toItem);
    }
}
