package io.serenade.ranking.recommend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable view of the catalog with its orderings precomputed (most popular overall, per genre, newest),
 * so a home page walks ready lists instead of sorting thousands of titles per request. Rebuilt off the
 * request path and swapped in whole.
 */
public final class CatalogSnapshot {

    /** Popularity ties break on the title id, so equal inputs always give the same page. */
    private static final Comparator<CatalogTitle> BY_POPULARITY = Comparator
            .comparingDouble(CatalogTitle::popularity).reversed()
            .thenComparing(CatalogTitle::titleId);

    private static final Comparator<CatalogTitle> BY_NEWEST = Comparator
            .comparing((CatalogTitle t) -> t.availableFrom() == null ? Instant.EPOCH : t.availableFrom()).reversed()
            .thenComparing(t -> t.releaseYear() == null ? 0 : t.releaseYear(), Comparator.reverseOrder())
            .thenComparing(CatalogTitle::titleId);

    private final Map<String, CatalogTitle> byId;
    private final List<CatalogTitle> popular;
    private final List<CatalogTitle> newest;
    private final Map<String, List<CatalogTitle>> popularByGenre;
    private final List<String> genresBySize;
    private final double maxPopularity;

    private CatalogSnapshot(Collection<CatalogTitle> titles) {
        Map<String, CatalogTitle> ids = new HashMap<>();
        titles.forEach(t -> ids.put(t.titleId(), t));
        this.byId = Map.copyOf(ids);
        this.popular = ids.values().stream().sorted(BY_POPULARITY).toList();
        this.newest = ids.values().stream().sorted(BY_NEWEST).toList();
        Map<String, List<CatalogTitle>> genres = new HashMap<>();
        for (CatalogTitle t : popular) {
            for (String g : t.genres()) {
                genres.computeIfAbsent(g, k -> new ArrayList<>()).add(t);
            }
        }
        genres.replaceAll((g, list) -> List.copyOf(list));
        this.popularByGenre = Map.copyOf(genres);
        this.genresBySize = genres.entrySet().stream()
                .sorted(Map.Entry.<String, List<CatalogTitle>>comparingByValue(Comparator.comparingInt(List::size)).reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
        this.maxPopularity = popular.isEmpty() ? 0 : popular.get(0).popularity();
    }

    public static CatalogSnapshot of(Collection<CatalogTitle> titles) {
        return new CatalogSnapshot(titles);
    }

    public static CatalogSnapshot empty() {
        return new CatalogSnapshot(List.of());
    }

    /** The same titles with new popularity figures; titles absent from the map have none. */
    public CatalogSnapshot withPopularity(Map<String, Double> popularity) {
        return new CatalogSnapshot(byId.values().stream()
                .map(t -> t.withPopularity(popularity.getOrDefault(t.titleId(), 0.0)))
                .toList());
    }

    public CatalogTitle get(String titleId) {
        return byId.get(titleId);
    }

    public int size() {
        return byId.size();
    }

    public List<CatalogTitle> popular() {
        return popular;
    }

    public List<CatalogTitle> newest() {
        return newest;
    }

    public List<CatalogTitle> popularInGenre(String genre) {
        return popularByGenre.getOrDefault(genre, List.of());
    }

    /** Genres ordered by how many titles carry them, most first: the fallback interests of a stranger. */
    public List<String> genresBySize() {
        return genresBySize;
    }

    /** Popularity scaled to [0, 1] against the most popular title. */
    public double normalizedPopularity(CatalogTitle t) {
        return maxPopularity <= 0 ? 0 : t.popularity() / maxPopularity;
    }
}
