package io.serenade.ranking.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.MaturityRating;
import io.serenade.events.Purposes;
import io.serenade.ranking.api.SearchView;
import io.serenade.ranking.config.RankingConfig;
import io.serenade.ranking.recommend.CatalogSnapshot;
import io.serenade.ranking.recommend.CatalogTitle;
import io.serenade.ranking.recommend.HistoryEvent;
import io.serenade.ranking.repository.InteractionLogRepository;
import io.serenade.ranking.search.CatalogSearchIndex;
import io.serenade.ranking.search.PersonalSearch;
import io.serenade.ranking.search.SearchContext;
import io.serenade.ranking.search.SearchResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Personalized search: a Lucene index over the catalog, rebuilt off the request path when the titles change,
 * and the user's history (only with the personalization purpose) to break near-ties toward their taste in
 * this context (device, hour of their day).
 */
@ApplicationScoped
public class SearchService {

    static final String NOT_PERMITTED = "Not personalized: results are ranked by relevance only, because you have not"
            + " allowed Serenade to use your activity (purpose 'personalization').";

    static final String WARMING_UP = "The search index is being built; try again in a few seconds.";

    /** An index and the catalog version it was built from. */
    private record Indexed(Instant version, CatalogSearchIndex index) {
    }

    private final CatalogService catalog;
    private final InteractionLogRepository history;
    private final PersonalSearch ranker = new PersonalSearch();
    private final int historyLimit;
    private volatile Indexed indexed;

    public SearchService(CatalogService catalog, InteractionLogRepository history, RankingConfig config) {
        this.catalog = catalog;
        this.history = history;
        this.historyLimit = config.historyLimit();
    }

    /**
     * Rebuilds the index when the catalog's titles changed, swaps it in, and closes the old one (closing
     * lets searches in flight finish first).
     */
    @Scheduled(every = "${serenade.ranking.snapshot-refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Instant version = catalog.titlesVersion();
        Indexed current = indexed;
        if (!catalog.loaded() || current != null && current.version().equals(version)) {
            return;
        }
        long start = System.nanoTime();
        List<CatalogTitle> titles = catalog.snapshot().popular();
        indexed = new Indexed(version, CatalogSearchIndex.build(titles));
        if (current != null) {
            current.index().close();
        }
        Log.infof("search index rebuilt: %d titles in %d ms", titles.size(), (System.nanoTime() - start) / 1_000_000);
    }

    public Uni<SearchView> search(String userId, GrantedPurposes purposes, String query, MaturityRating maturity,
                                  String device, Integer localHour, int limit) {
        boolean personalization = purposes.allows(Purposes.PERSONALIZATION);
        Uni<List<HistoryEvent>> events = personalization ? history.recent(userId, historyLimit) : Uni.createFrom().item(List.of());
        return events.map(h -> {
            CatalogSnapshot snapshot = catalog.snapshot();
            SearchContext context = new SearchContext(personalization, h, device, localHour, Instant.now());
            List<SearchResult> results;
            try {
                results = run(query, snapshot, context, maturity, limit);
            } catch (IllegalStateException closed) {
                // The index was swapped and closed between reading it and searching it: the new one answers.
                results = run(query, snapshot, context, maturity, limit);
            }
            String notice = indexed == null ? WARMING_UP : personalization ? null : NOT_PERMITTED;
            return new SearchView(query, personalization, notice,
                    results.stream().map(r -> view(r, snapshot.get(r.titleId()))).toList());
        });
    }

    private List<SearchResult> run(String query, CatalogSnapshot snapshot, SearchContext context, MaturityRating maturity,
                                   int limit) {
        Indexed current = indexed;
        return current == null ? List.of() : ranker.search(current.index(), snapshot, query, context, maturity, limit);
    }

    private static SearchView.Result view(SearchResult r, CatalogTitle t) {
        return new SearchView.Result(r.titleId(), t == null ? null : t.name(), t == null ? List.of() : t.genres(),
                t == null ? null : t.maturityRating().label(), r.score(), r.relevance(), r.personal(), r.reasons());
    }
}
