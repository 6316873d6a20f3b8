package io.serenade.ranking.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The filter-bubble guard: calibrated re-ranking (Steck, "Calibrated Recommendations", RecSys 2018). A list
 * is chosen greedily to maximise {@code (1−λ)·Σ relevance − λ·KL(p ‖ q̃) + λ·ν·Σ novelty}, where p is the
 * genre mix of the user's history, q the genre mix of the list, q̃ = (1−α)q + αp keeps KL finite, and novelty
 * is 1 − normalised popularity. λ is the user's diversity dial: at 0 the list is pure relevance (and tends to
 * pile onto the dominant genre); as it rises the list's genre mix moves toward the whole history's mix, and
 * less-known titles get a small lift.
 */
public final class Calibrator {

    /** Steck's smoothing of q toward p. */
    static final double ALPHA = 0.01;
    /** Weight of novelty relative to calibration: a nudge, so that it never overrides the genre mix. */
    static final double NOVELTY = 0.1;

    private Calibrator() {
    }

    /** Genre mix of a set of titles weighted by their weights; a title spreads its weight over its genres. */
    public static Map<String, Double> mix(List<CatalogTitle> titles, List<Double> weights) {
        Map<String, Double> mass = new HashMap<>();
        double total = 0;
        for (int k = 0; k < titles.size(); k++) {
            CatalogTitle t = titles.get(k);
            double w = weights.get(k);
            if (t == null || w <= 0 || t.genres().isEmpty()) {
                continue;
            }
            for (String g : t.genres()) {
                mass.merge(g, w / t.genres().size(), Double::sum);
            }
            total += w;
        }
        if (total > 0) {
            double sum = total;
            mass.replaceAll((g, m) -> m / sum);
        }
        return mass;
    }

    /** KL(p ‖ q̃), with q̃ = (1−α)q + αp; 0 when p is empty. */
    public static double divergence(Map<String, Double> p, Map<String, Double> q) {
        double kl = 0;
        for (Map.Entry<String, Double> e : p.entrySet()) {
            double pg = e.getValue();
            if (pg <= 0) {
                continue;
            }
            double qg = (1 - ALPHA) * q.getOrDefault(e.getKey(), 0.0) + ALPHA * pg;
            kl += pg * Math.log(pg / qg);
        }
        return kl;
    }

    /**
     * Picks {@code size} of the candidates (indexes into {@code relevance}, {@code novelty} and
     * {@code titles}), in order. Relevance should be scaled to about [0, 1] so λ means the same for every user.
     */
    public static List<Integer> rerank(int[] candidates, double[] relevance, double[] novelty, CatalogTitle[] titles,
                                       Map<String, Double> target, double lambda, int size) {
        List<Integer> chosen = new ArrayList<>(size);
        boolean[] taken = new boolean[candidates.length];
        Map<String, Double> listMass = new HashMap<>();
        double listRelevance = 0;
        double listNovelty = 0;
        while (chosen.size() < size) {
            int best = -1;
            double bestObjective = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < candidates.length; c++) {
                if (taken[c]) {
                    continue;
                }
                int i = candidates[c];
                double objective = (1 - lambda) * (listRelevance + relevance[i])
                        - lambda * divergence(target, mixWith(listMass, chosen.size() + 1, titles[i]))
                        + lambda * NOVELTY * (listNovelty + novelty[i]);
                if (objective > bestObjective) {
                    bestObjective = objective;
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            int i = candidates[best];
            chosen.add(i);
            listRelevance += relevance[i];
            listNovelty += novelty[i];
            addTo(listMass, titles[i]);
        }
        return chosen;
    }

    /** The list's genre mix if {@code extra} joined it (the list has {@code count} titles with it). */
    private static Map<String, Double> mixWith(Map<String, Double> listMass, int count, CatalogTitle extra) {
        Map<String, Double> q = new HashMap<>(listMass);
        addTo(q, extra);
        q.replaceAll((g, m) -> m / count);
        return q;
    }

    private static void addTo(Map<String, Double> mass, CatalogTitle t) {
        if (t == null || t.genres().isEmpty()) {
            return;
        }
        for (String g : t.genres()) {
            mass.merge(g, 1.0 / t.genres().size(), Double::sum);
        }
    }
}
