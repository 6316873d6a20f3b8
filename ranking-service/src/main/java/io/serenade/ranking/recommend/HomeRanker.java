package io.serenade.ranking.recommend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a home page from popularity and genre affinity: Top picks, Trending now, one row per genre the user
 * cares about, New on Serenade. No title appears twice on a page; completed titles and titles above the
 * profile's maturity are never shown. This is the floor's ranker; collaborative models replace it later.
 */
public final class HomeRanker {

    /** How much of a Top-picks score comes from the user's taste rather than from popularity. */
    private static final double PERSONAL_SHARE = 0.65;
    /** A stated interest counts like a genre the user watches half as much as their favourite. */
    private static final double STATED_AFFINITY = 0.5;
    /** Top picks are scored among this many of the most popular titles of each of the user's genres. */
    private static final int CANDIDATES_PER_GENRE = 100;
    /**
     * Learned genres beyond the strongest few are mostly echoes (a title's other genres): they would widen
     * the candidate set for nothing.
     */
    private static final int MAX_LEARNED_INTERESTS = 5;
    private static final int GENRE_ROWS = 3;

    private final int rowSize;
    private final int minRowSize;

    public HomeRanker(int rowSize, int minRowSize) {
        if (rowSize < 1 || minRowSize < 1 || minRowSize > rowSize) {
            throw new IllegalArgumentException("need 1 <= minRowSize <= rowSize");
        }
        this.rowSize = rowSize;
        this.minRowSize = minRowSize;
    }

    public List<HomeRow> rank(CatalogSnapshot catalog, Taste taste) {
        Set<String> used = new HashSet<>();
        List<HomeRow> rows = new ArrayList<>();
        List<String> interests = interests(taste);
        boolean personal = !interests.isEmpty();

        if (personal) {
            add(rows, used, new HomeRow("top-picks", "Top picks for you", fill(topPicks(catalog, taste, interests), taste, used)));
        }
        add(rows, used, new HomeRow("trending", "Trending now",
                fill(scored(catalog.popular(), catalog, t -> Reason.trending()), taste, used)));

        List<String> rowGenres = new ArrayList<>(interests);
        catalog.genresBySize().stream().filter(g -> !rowGenres.contains(g)).forEach(rowGenres::add);
        int genreRows = 0;
        for (String genre : rowGenres) {
            if (genreRows == GENRE_ROWS) {
                break;
            }
            Reason reason = reasonForGenre(taste, genre);
            HomeRow row = new HomeRow("genre-" + genre, headingFor(reason, genre),
                    fill(scored(catalog.popularInGenre(genre), catalog, t -> reason), taste, used));
            if (add(rows, used, row)) {
                genreRows++;
            }
        }
        add(rows, used, new HomeRow("new", "New on Serenade",
                fill(scored(catalog.newest(), catalog, t -> Reason.fresh()), taste, used)));
        return rows;
    }

    /** The user's genres: learned from history first (strongest first), then stated ones not learned yet. */
    static List<String> interests(Taste taste) {
        Set<String> genres = new LinkedHashSet<>(taste.learnedGenres().stream().limit(MAX_LEARNED_INTERESTS).toList());
        genres.addAll(taste.statedGenres());
        return List.copyOf(genres);
    }

    private static Reason reasonForGenre(Taste taste, String genre) {
        if (taste.affinity(genre) > 0) {
            return Reason.learnedGenre(genre);
        }
        return taste.statedGenres().contains(genre) ? Reason.statedGenre(genre) : Reason.popularInGenre(genre);
    }

    private static String headingFor(Reason reason, String genre) {
        return switch (reason.code()) {
            case "genre-affinity" -> "Because you watch " + label(genre);
            case "stated-interest" -> label(genre) + " for you";
            default -> "Popular in " + label(genre);
        };
    }

    /** Scores candidates from the user's genres: popularity blended with the strongest matching interest. */
    private List<HomeRow.Item> topPicks(CatalogSnapshot catalog, Taste taste, List<String> interests) {
        // Titles are unique objects within one snapshot: identity is enough, and far cheaper than hashing records.
        Set<CatalogTitle> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String g : interests) {
            catalog.popularInGenre(g).stream().limit(CANDIDATES_PER_GENRE).forEach(candidates::add);
        }
        List<HomeRow.Item> items = new ArrayList<>(candidates.size());
        for (CatalogTitle t : candidates) {
            String bestGenre = null;
            double best = 0;
            boolean learned = false;
            for (String g : t.genres()) {
                double learnedAffinity = taste.affinity(g);
                double stated = taste.statedGenres().contains(g) ? STATED_AFFINITY : 0;
                double a = Math.max(learnedAffinity, stated);
                if (a > best) {
                    best = a;
                    bestGenre = g;
                    learned = learnedAffinity >= stated;
                }
            }
            double score = (1 - PERSONAL_SHARE) * catalog.normalizedPopularity(t) + PERSONAL_SHARE * best;
            Reason reason = bestGenre == null ? Reason.popular()
                    : learned ? Reason.learnedGenre(bestGenre) : Reason.statedGenre(bestGenre);
            items.add(new HomeRow.Item(t, score, reason));
        }
        items.sort(Comparator.comparingDouble(HomeRow.Item::score).reversed()
                .thenComparing(i -> i.title().titleId()));
        return items;
    }

    private static List<HomeRow.Item> scored(List<CatalogTitle> ordered, CatalogSnapshot catalog,
                                             Function<CatalogTitle, Reason> reason) {
        // Lazily: fill() stops after rowSize eligible titles, so only the head of a long list is mapped.
        return new java.util.AbstractList<>() {
            @Override
            public HomeRow.Item get(int index) {
                CatalogTitle t = ordered.get(index);
                return new HomeRow.Item(t, catalog.normalizedPopularity(t), reason.apply(t));
            }

            @Override
            public int size() {
                return ordered.size();
            }
        };
    }

    private List<HomeRow.Item> fill(List<HomeRow.Item> ordered, Taste taste, Set<String> used) {
        List<HomeRow.Item> row = new ArrayList<>(rowSize);
        for (int i = 0; i < ordered.size() && row.size() < rowSize; i++) {
            HomeRow.Item item = ordered.get(i);
            CatalogTitle t = item.title();
            if (used.contains(t.titleId()) || taste.completed().contains(t.titleId())
                    || !taste.maturity().allows(t.maturityRating())) {
                continue;
            }
            row.add(item);
        }
        return row;
    }

    /** Keeps a row only if it is full enough to show; its titles then count as used on this page. */
    private boolean add(List<HomeRow> rows, Set<String> used, HomeRow row) {
        if (row.items().size() < minRowSize) {
            return false;
        }
        rows.add(row);
        row.items().forEach(i -> used.add(i.title().titleId()));
        return true;
    }

    /** "sci-fi" → "Sci-fi": genre ids are lower-case slugs, headings start with a capital. */
    static String label(String genre) {
        return genre.substring(0, 1).toUpperCase(Locale.ROOT) + genre.substring(1);
    }
}
