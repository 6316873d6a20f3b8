package io.serenade.ranking.service;

import io.serenade.events.MaturityRating;
import io.serenade.ranking.api.HomeView;
import io.serenade.ranking.config.RankingConfig;
import io.serenade.ranking.mapping.TitleMapper;
import io.serenade.ranking.recommend.HomeRanker;
import io.serenade.ranking.recommend.HomeRow;
import io.serenade.ranking.recommend.Taste;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** A user's home rows from the current catalog snapshot and the user's online state. */
@ApplicationScoped
public class HomeService {

    private final CatalogService catalog;
    private final OnlineState state;
    private final HomeRanker ranker;

    public HomeService(CatalogService catalog, OnlineState state, RankingConfig config) {
        this.catalog = catalog;
        this.state = state;
        this.ranker = new HomeRanker(config.rowSize(), config.minRowSize());
    }

    public Uni<HomeView> home(String userId, MaturityRating maturity, List<String> statedGenres) {
        return state.read(userId).map(user -> {
            Taste taste = new Taste(user.genreWeights(), statedGenres, user.completed(), maturity);
            List<HomeRow> rows = ranker.rank(catalog.snapshot(), taste);
            boolean personalized = rows.stream().flatMap(r -> r.items().stream()).anyMatch(i -> i.reason().personal());
            return new HomeView(userId, personalized, Instant.now(), rows.stream().map(TitleMapper::toRow).toList());
        });
    }
}
