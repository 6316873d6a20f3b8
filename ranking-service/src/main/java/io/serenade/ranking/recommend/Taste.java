package io.serenade.ranking.recommend;

import io.serenade.events.MaturityRating;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the ranker knows of one user for one request: genre weights learned from their history, genres they
 * stated, titles they completed (never shown again) and the maturity their profile allows.
 */
public record Taste(Map<String, Double> genreWeights, List<String> statedGenres, Set<String> completed,
                    MaturityRating maturity) {

    public Taste {
        genreWeights = Map.copyOf(genreWeights);
        statedGenres = List.copyOf(statedGenres);
        completed = Set.copyOf(completed);
    }

    public static Taste anonymous(MaturityRating maturity) {
        return new Taste(Map.of(), List.of(), Set.of(), maturity);
    }

    public boolean hasHistory() {
        return genreWeights.values().stream().anyMatch(w -> w > 0);
    }

    /** Genres with positive learned weight, strongest first (ties by name, for stable pages). */
    public List<String> learnedGenres() {
        return genreWeights.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Learned weight of a genre scaled to [0, 1] against the user's strongest genre. */
    public double affinity(String genre) {
        double max = genreWeights.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double w = genreWeights.getOrDefault(genre, 0.0);
        return max <= 0 || w <= 0 ? 0 : w / max;
    }
}
