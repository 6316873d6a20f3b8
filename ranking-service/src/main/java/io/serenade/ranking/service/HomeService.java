package io.serenade.ranking.service;

import io.serenade.events.GrantedPurposes;
import io.serenade.events.MaturityRating;
import io.serenade.events.Purposes;
import io.serenade.ranking.api.HomeView;
import io.serenade.ranking.config.RankingConfig;
import io.serenade.ranking.mapping.TitleMapper;
import io.serenade.ranking.recommend.CatalogSnapshot;
import io.serenade.ranking.recommend.HistoryEvent;
import io.serenade.ranking.recommend.HomePage;
import io.serenade.ranking.recommend.HomeRanker;
import io.serenade.ranking.recommend.HomeRequest;
import io.serenade.ranking.repository.InteractionLogRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * A user's home rows from the current catalog snapshot, the current model and — only when the request
 * carries the personalization purpose — the user's history as it is right now.
 */
@ApplicationScoped
public class HomeService {

    private final CatalogService catalog;
    private final ModelService models;
    private final InteractionLogRepository history;
    private final HomeRanker ranker;
    private final int historyLimit;

    public HomeService(CatalogService catalog, ModelService models, InteractionLogRepository history, RankingConfig config) {
        this.catalog = catalog;
        this.models = models;
        this.history = history;
        this.historyLimit = config.historyLimit();
        this.ranker = new HomeRanker(new HomeRanker.Settings(config.rowSize(), config.minRowSize(), config.becauseRows(),
                config.themeRows(), config.popularityPrior(), config.tasteHalfLife(), config.newFor()));
    }

    public Uni<HomeView> home(String userId, GrantedPurposes purposes, MaturityRating maturity, List<String> statedGenres,
                              double diversity) {
        boolean personalization = purposes.allows(Purposes.PERSONALIZATION);
        // Without the purpose the history is not read at all, not merely left out of the scores.
        Uni<List<HistoryEvent>> events = personalization ? history.recent(userId, historyLimit) : Uni.createFrom().item(List.of());
        return events.map(h -> {
            CatalogSnapshot snapshot = catalog.snapshot();
            ModelService.Aligned aligned = models.aligned(snapshot);
            HomePage page = ranker.rank(new HomeRequest(snapshot, aligned == null ? null : aligned.model(),
                    aligned == null ? null : aligned.titles(), personalization, h, statedGenres, maturity, diversity,
                    Instant.now()));
            return new HomeView(userId, page.personalized(), page.notice(),
                    page.personalized() && aligned != null ? aligned.model().modelId() : null, Instant.now(),
                    page.rows().stream().map(TitleMapper::toRow).toList());
        });
    }
}
