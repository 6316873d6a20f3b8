package io.serenade.ranking.recommend;

import io.serenade.events.InteractionType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What ranking infers about a user's taste: the share of their taste per genre and per theme, computed from their
 * history exactly as the home page uses it. Each event weighs {@link InteractionWeights#taste} halved every taste
 * half-life; only events that speak for a title count (a low rating says what the user does not like, and is no
 * affinity). The genre shares are the mix Top picks are calibrated to ({@link Calibrator#mix}: a title spreads its
 * weight over its genres); the theme shares order the per-theme rows (a title gives its weight to each theme).
 * Each affinity says which events produced it, so it can be shown and exported with its explanation.
 */
public record Affinities(List<Affinity> genres, List<Affinity> themes, int basedOnEvents) {

    /**
     * @param weight      the share of the user's taste, in [0, 1]; the shares of all genres (or themes) sum to 1
     * @param events      how many events of each kind of the user's produced it
     * @param explanation the same in words
     */
    public record Affinity(String name, double weight, Map<InteractionType, Integer> events, String explanation) {
    }

    public static final Affinities NONE = new Affinities(List.of(), List.of(), 0);

    public Affinities {
        genres = List.copyOf(genres);
        themes = List.copyOf(themes);
    }

    /** The {@code limit} strongest genres and themes. */
    public Affinities top(int limit) {
        return new Affinities(genres.subList(0, Math.min(limit, genres.size())),
                themes.subList(0, Math.min(limit, themes.size())), basedOnEvents);
    }

    public static Affinities of(List<HistoryEvent> history, CatalogSnapshot catalog, Instant now, Duration tasteHalfLife) {
        Tally genres = new Tally();
        Tally themes = new Tally();
        double halfLife = Math.max(1, tasteHalfLife.toSeconds());
        int based = 0;
        for (HistoryEvent e : history) {
            CatalogTitle t = e.titleId() == null ? null : catalog.get(e.titleId());
            double taste = InteractionWeights.taste(e.type(), e.value());
            if (t == null || taste <= 0) {
                continue;
            }
            double age = Math.max(0, Duration.between(e.occurredAt(), now).toSeconds());
            double w = taste * Math.pow(0.5, age / halfLife);
            based++;
            for (String g : t.genres()) {
                genres.add(g, w / t.genres().size(), e.type());
            }
            for (String th : t.themes()) {
                themes.add(th, w, e.type());
            }
        }
        return new Affinities(genres.ranked(g -> "titles in " + g), themes.ranked(th -> "titles about " + th), based);
    }

    /** Weight and event counts per tag. */
    private static final class Tally {
        final Map<String, Double> mass = new HashMap<>();
        final Map<String, Map<InteractionType, Integer>> counts = new HashMap<>();

        void add(String tag, double w, InteractionType type) {
            mass.merge(tag, w, Double::sum);
            counts.computeIfAbsent(tag, k -> new EnumMap<>(InteractionType.class)).merge(type, 1, Integer::sum);
        }

        List<Affinity> ranked(Function<String, String> what) {
            double total = mass.values().stream().mapToDouble(Double::doubleValue).sum();
            List<Affinity> list = new ArrayList<>(mass.size());
            mass.forEach((tag, m) -> list.add(new Affinity(tag, round(total == 0 ? 0 : m / total), Map.copyOf(counts.get(tag)),
                    "from " + words(counts.get(tag)) + " of " + what.apply(tag))));
            list.sort(Comparator.comparingDouble(Affinity::weight).reversed().thenComparing(Affinity::name));
            return list;
        }
    }

    private static double round(double share) {
        return Math.round(share * 10_000) / 10_000.0;
    }

    /** {PLAY=12, COMPLETE=1} → "12 plays and 1 completion". */
    static String words(Map<InteractionType, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (InteractionType type : InteractionType.values()) {
            Integer n = counts.get(type);
            if (n != null) {
                parts.add(n + " " + noun(type) + (n == 1 ? "" : "s"));
            }
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String noun(InteractionType type) {
        return switch (type) {
            case PLAY -> "play";
            case COMPLETE -> "completion";
            case CLICK -> "click";
            case RATING -> "good rating";
            case IMPRESSION -> "impression";
            case SEARCH -> "search";
        };
    }
}
