package io.serenade.ranking.recommend.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Item-item similarity from catalog tags (genres, themes, moods), for titles with few or no interactions (cold
 * start): IDF-weighted cosine between tag sets, idf(t) = ln(1 + N / df(t)), so a tag on every title still counts
 * a little and a rare shared tag counts much more. Top-k neighbours per item, stored sparse.
 */
public final class ContentSimilarity implements ItemItemModel {

    private final SparseNeighbours neighbours;

    private ContentSimilarity(SparseNeighbours neighbours) {
        this.neighbours = neighbours;
    }

    /** Tags are compared case-insensitively after trimming; an item with no tags gets no neighbours. */
    public static ContentSimilarity of(List<Set<String>> tagsPerItem, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        int n = tagsPerItem.size();
        Map<String, Integer> tagIndex = new HashMap<>();
        int[][] tagsOf = new int[n][];
        List<List<Integer>> itemsOfTag = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<String> tags = tagsPerItem.get(i);
            List<Integer> ids = new ArrayList<>();
            if (tags != null) {
                for (String raw : tags) {
                    String tag = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
                    if (tag.isEmpty()) {
                        continue;
                    }
                    int id = tagIndex.computeIfAbsent(tag, t -> {
                        itemsOfTag.add(new ArrayList<>());
                        return itemsOfTag.size() - 1;
                    });
                    if (!ids.contains(id)) {
                        ids.add(id);
                        itemsOfTag.get(id).add(i);
                    }
                }
            }
            tagsOf[i] = ids.stream().mapToInt(Integer::intValue).toArray();
        }
        double[] idfSquared = new double[itemsOfTag.size()];
        for (int t = 0; t < idfSquared.length; t++) {
            double idf = Math.log(1.0 + (double) n / itemsOfTag.get(t).size());
            idfSquared[t] = idf * idf;
        }
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int t : tagsOf[i]) {
                sum += idfSquared[t];
            }
            norm[i] = Math.sqrt(sum);
        }
        double[] acc = new double[n];
        int[] touched = new int[n];
        boolean[] seen = new boolean[n];
        SparseNeighbours.Builder rows = new SparseNeighbours.Builder(n);
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int t : tagsOf[i]) {
                for (int j : itemsOfTag.get(t)) {
                    if (j == i) {
                        continue;
                    }
                    if (!seen[j]) {
                        seen[j] = true;
                        touched[count++] = j;
                    }
                    acc[j] += idfSquared[t];
                }
            }
            for (int c = 0; c < count; c++) {
                int j = touched[c];
                acc[j] = acc[j] / (norm[i] * norm[j]);
            }
            rows.addRow(ItemKnn.positive(TopK.top(touched, count, acc, k), acc), acc);
            for (int c = 0; c < count; c++) {
                acc[touched[c]] = 0;
                seen[touched[c]] = false;
            }
        }
        return new ContentSimilarity(rows.build());
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
