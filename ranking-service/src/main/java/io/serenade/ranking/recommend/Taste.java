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
                    MaturityRating maturity, double strongestWeight) {

    public Taste {
        genreWeights = Map.copyOf(genreWeights);
        statedGenres = List.copyOf(statedGenres);
        completed = Set.copyOf(completed);
    }

    /** The strongest weight is computed once: affinity() runs for every genre of every candidate title. */
    public Taste(Map<String, Double> genreWeights, List<String> statedGenres, Set<String> completed,
                 MaturityRating maturity) {
        this(genreWeights, statedGenres, completed, maturity,
                genreWeights.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    public static Taste anonymous(MaturityRating maturity) {
        return new Taste(Map.of(), List.of(), Set.of(), maturity);
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
        Double w = genreWeights.get(genre);
        return strongestWeight <= 0 || w == null || w <= 0 ? 0 : w / strongestWeight;
    }
}
