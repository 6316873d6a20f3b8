package io.serenade.ranking.search;

import io.serenade.events.MaturityRating;
import io.serenade.ranking.recommend.CatalogSnapshot;
import io.serenade.ranking.recommend.CatalogTitle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Re-ranks catalog search hits for one user: text relevance first, the user's taste (in the request's context)
 * to break near-ties, and titles their maturity does not allow removed.
 *
 * <p>{@code score = relevance × (1 + α × personal)}, where relevance is the hit's score divided by the best
 * allowed candidate's (so in (0, 1]) and personal is the title's affinity in [0, 1]. Taste can therefore lift a
 * title by at most a factor (1 + α): with the default α = 0.25 a title only overtakes another whose relevance is
 * less than 1.25 times its own, and the most relevant title (score ≥ 1) is only ever passed by titles with
 * relevance above 1 / 1.25 = 0.8. Without consent personal is 0 and the order is plain relevance.
 */
public final class PersonalSearch {

    public static final double DEFAULT_ALPHA = 0.25;
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(30);
    /** Context events needed for the context to count as much as the whole history (n / (n + m) = 1/2). */
    public static final double DEFAULT_CONTEXT_SMOOTHING = 5;
    /** Re-ranking and the maturity filter need candidates beyond the page: ask the index for this many times more. */
    public static final int CANDIDATE_FACTOR = 5;
    private static final int MAX_CANDIDATES = 500;
    /** Below this affinity a taste is real but not "often". */
    private static final double OFTEN = 0.5;

    private final double alpha;
    private final Duration halfLife;
    private final double contextSmoothing;

    public PersonalSearch() {
        this(DEFAULT_ALPHA, DEFAULT_HALF_LIFE, DEFAULT_CONTEXT_SMOOTHING);
    }

    /**
     * @param alpha            how much taste may lift a title, 0 (none) to 1 (doubles its score)
     * @param halfLife         age at which an event counts half as much as a fresh one
     * @param contextSmoothing m in n / (n + m): how many context events it takes to trust the context half
     */
    public PersonalSearch(double alpha, Duration halfLife, double contextSmoothing) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], was " + alpha);
        }
        if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("halfLife must be positive, was " + halfLife);
        }
        if (!(contextSmoothing >= 0) || Double.isInfinite(contextSmoothing)) {
            throw new IllegalArgumentException("contextSmoothing must be finite and >= 0, was " + contextSmoothing);
        }
        this.alpha = alpha;
        this.halfLife = halfLife;
        this.contextSmoothing = contextSmoothing;
    }

    /** Searches the index for candidates and ranks the best {@code limit} of them for this user. */
    public List<SearchResult> search(CatalogSearchIndex index, CatalogSnapshot catalog, String query,
                                     SearchContext context, MaturityRating maturity, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        int candidates = (int) Math.min(MAX_CANDIDATES, (long) limit * CANDIDATE_FACTOR);
        return rank(index.search(query, Math.max(limit, candidates)), catalog, context, maturity, limit);
    }

    /**
     * Ranks hits for this user. Hits whose title is not in the catalog (the index and the snapshot are rebuilt
     * separately) or not allowed by {@code maturity} are dropped; a title without a rating counts as 18+.
     */
    public List<SearchResult> rank(List<CatalogSearchIndex.Hit> hits, CatalogSnapshot catalog, SearchContext context,
                                   MaturityRating maturity, int limit) {
        Objects.requireNonNull(maturity, "maturity");
        Objects.requireNonNull(context, "context");
        if (limit <= 0 || hits.isEmpty()) {
            return List.of();
        }
        List<CatalogSearchIndex.Hit> allowed = new ArrayList<>();
        List<CatalogTitle> titles = new ArrayList<>();
        for (CatalogSearchIndex.Hit hit : hits) {
            CatalogTitle t = catalog.get(hit.titleId());
            MaturityRating rating = t == null ? null
                    : t.maturityRating() == null ? MaturityRating.EIGHTEEN_PLUS : t.maturityRating();
            if (t != null && maturity.allows(rating)) {
                allowed.add(hit);
                titles.add(t);
            }
        }
        double best = allowed.stream().mapToDouble(CatalogSearchIndex.Hit::relevance).max().orElse(0);
        if (best <= 0) {
            return List.of();
        }
        // Without consent the history is never read: the taste is empty by construction, not by filtering.
        ContextualTaste taste = context.personalized()
                ? ContextualTaste.learn(context, catalog, halfLife, contextSmoothing)
                : ContextualTaste.none();

        List<SearchResult> results = new ArrayList<>(allowed.size());
        for (int i = 0; i < allowed.size(); i++) {
            CatalogSearchIndex.Hit hit = allowed.get(i);
            double relevance = hit.relevance() / best;
            ContextualTaste.Affinity affinity = taste.of(titles.get(i));
            List<String> reasons = new ArrayList<>(hit.matched());
            if (affinity.value() > 0) {
                reasons.add(personalReason(affinity, taste));
            }
            results.add(new SearchResult(hit.titleId(), relevance * (1 + alpha * affinity.value()), relevance,
                    affinity.value(), reasons));
        }
        results.sort(Comparator.comparingDouble(SearchResult::score).reversed()
                .thenComparing(Comparator.comparingDouble(SearchResult::relevance).reversed())
                .thenComparing(SearchResult::titleId));
        return List.copyOf(results.subList(0, Math.min(limit, results.size())));
    }

    private static String personalReason(ContextualTaste.Affinity affinity, ContextualTaste taste) {
        String how = affinity.value() >= OFTEN ? "You often watch " : "You sometimes watch ";
        String what = switch (affinity.tag().kind()) {
            case GENRE -> capitalize(affinity.tag().name());
            case THEME -> "stories about " + affinity.tag().name().replace('-', ' ');
        };
        String where = affinity.contextual() ? taste.contextPhrase() : "";
        return how + what + (where.isEmpty() ? "" : " " + where);
    }

    private static String capitalize(String tag) {
        return tag.isEmpty() ? tag : tag.substring(0, 1).toUpperCase(Locale.ROOT) + tag.substring(1);
    }
}
