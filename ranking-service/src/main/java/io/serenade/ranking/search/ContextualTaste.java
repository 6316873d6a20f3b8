package io.serenade.ranking.search;

import io.serenade.ranking.recommend.CatalogSnapshot;
import io.serenade.ranking.recommend.CatalogTitle;
import io.serenade.ranking.recommend.HistoryEvent;
import io.serenade.ranking.recommend.InteractionWeights;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A user's taste for one search: genre and theme affinities learned from the whole history, blended with the
 * affinities learned only from events in the request's context (same time of day, same device). The context
 * share grows with the evidence: n context events give it n / (n + smoothing), so a context seen twice barely
 * moves the overall taste and a context seen every day dominates it.
 */
final class ContextualTaste {

    /** Times of day in the user's own clock. */
    enum Bucket {
        NIGHT("at night"), MORNING("in the morning"), AFTERNOON("in the afternoon"), EVENING("in the evening");

        final String phrase;

        Bucket(String phrase) {
            this.phrase = phrase;
        }

        static Bucket of(int hour) {
            return values()[hour / 6];
        }
    }

    enum TagKind { GENRE, THEME }

    record Tag(TagKind kind, String name) {
    }

    /** A title's affinity, the tag that gave it, and whether the current context is what made it strong. */
    record Affinity(double value, Tag tag, boolean contextual) {
        static final Affinity NONE = new Affinity(0, null, false);
    }

    private final Map<Tag, Double> overall;
    private final Map<Tag, Double> context;
    private final double contextShare;
    private final Bucket bucket;
    private final String device;

    private ContextualTaste(Map<Tag, Double> overall, Map<Tag, Double> context, double contextShare, Bucket bucket,
                            String device) {
        this.overall = overall;
        this.context = context;
        this.contextShare = contextShare;
        this.bucket = bucket;
        this.device = device;
    }

    static ContextualTaste none() {
        return new ContextualTaste(Map.of(), Map.of(), 0, null, null);
    }

    /**
     * Each event adds {@code InteractionWeights.taste × 0.5^(age / halfLife)} to every genre and theme of its
     * title. Events without a time, of unknown titles or saying nothing about taste are skipped. A context
     * dimension the request does not know (no device, no local hour) is not used to select events; with neither,
     * there is no context and the overall taste is used alone.
     */
    static ContextualTaste learn(SearchContext ctx, CatalogSnapshot catalog, Duration halfLife, double smoothing) {
        if (!ctx.personalized() || ctx.history().isEmpty()) {
            return none();
        }
        Bucket bucket = ctx.localHour() == null ? null : Bucket.of(ctx.localHour());
        String device = ctx.device();
        boolean hasContext = bucket != null || device != null;
        double halfLifeSeconds = halfLife.toMillis() / 1000.0;

        Map<Tag, Double> overall = new HashMap<>();
        Map<Tag, Double> context = new HashMap<>();
        int contextEvents = 0;
        for (HistoryEvent e : ctx.history()) {
            if (e.type() == null || e.titleId() == null || e.occurredAt() == null) {
                continue;
            }
            double weight = InteractionWeights.taste(e.type(), e.value());
            CatalogTitle title = catalog.get(e.titleId());
            if (weight == 0 || title == null) {
                continue;
            }
            // A clock running ahead of ours must not make an event count more than a fresh one.
            double ageSeconds = Math.max(0, Duration.between(e.occurredAt(), ctx.now()).toMillis() / 1000.0);
            weight *= Math.pow(0.5, ageSeconds / halfLifeSeconds);
            boolean inContext = hasContext
                    && (bucket == null || (e.localHour() != null && e.localHour() >= 0 && e.localHour() <= 23
                            && Bucket.of(e.localHour()) == bucket))
                    && (device == null || device.equalsIgnoreCase(e.device()));
            if (inContext) {
                contextEvents++;
            }
            add(overall, title, weight);
            if (inContext) {
                add(context, title, weight);
            }
        }
        double share = contextEvents == 0 ? 0 : contextEvents / (contextEvents + smoothing);
        return new ContextualTaste(normalize(overall), normalize(context), share, bucket, device);
    }

    private static void add(Map<Tag, Double> weights, CatalogTitle title, double weight) {
        for (String g : nonNull(title.genres())) {
            weights.merge(new Tag(TagKind.GENRE, g), weight, Double::sum);
        }
        for (String t : nonNull(title.themes())) {
            weights.merge(new Tag(TagKind.THEME, t), weight, Double::sum);
        }
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values;
    }

    /**
     * Scales weights to [0, 1] against the strongest tag. Negative weights (disliked genres) become 0:
     * search only promotes what a user likes, it never hides a match for their dislikes.
     */
    private static Map<Tag, Double> normalize(Map<Tag, Double> weights) {
        double max = weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (max <= 0) {
            return Map.of();
        }
        Map<Tag, Double> scaled = new HashMap<>();
        weights.forEach((tag, w) -> {
            if (w > 0) {
                scaled.put(tag, w / max);
            }
        });
        return scaled;
    }

    /** The title's strongest blended tag affinity; genres win ties over themes, earlier tags over later ones. */
    Affinity of(CatalogTitle title) {
        if (overall.isEmpty()) {
            return Affinity.NONE;
        }
        Affinity best = Affinity.NONE;
        for (String g : nonNull(title.genres())) {
            best = better(best, new Tag(TagKind.GENRE, g));
        }
        for (String t : nonNull(title.themes())) {
            best = better(best, new Tag(TagKind.THEME, t));
        }
        return best;
    }

    private Affinity better(Affinity best, Tag tag) {
        double fromContext = contextShare * context.getOrDefault(tag, 0.0);
        double fromOverall = (1 - contextShare) * overall.getOrDefault(tag, 0.0);
        double value = fromContext + fromOverall;
        // "in the evening on tv" is said only when the context carries at least half of the affinity.
        return value > best.value() ? new Affinity(value, tag, fromContext > 0 && fromContext >= fromOverall) : best;
    }

    /** The context in words, e.g. "in the evening on tv"; empty when the request has no context. */
    String contextPhrase() {
        String phrase = bucket == null ? "" : bucket.phrase;
        if (device != null) {
            phrase = (phrase.isEmpty() ? "" : phrase + " ") + "on " + device.toLowerCase(Locale.ROOT);
        }
        return phrase;
    }
}
