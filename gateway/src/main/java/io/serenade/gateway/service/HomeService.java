package io.serenade.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.events.InteractionContext;
import io.serenade.gateway.api.ArtworkChoices;
import io.serenade.gateway.api.HomePage;
import io.serenade.gateway.api.RankingHome;
import io.serenade.gateway.client.Downstream;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Composes a home page: the profile says what may be shown (maturity) and what the user said they like,
 * ranking-service builds the rows, artwork-service picks one image per title for this user.
 */
@ApplicationScoped
public class HomeService {

    /** When the profile cannot say, show only what suits everyone. */
    private static final String SAFEST_MATURITY = "all";

    private final Downstream downstream;

    public HomeService(Downstream downstream) {
        this.downstream = downstream;
    }

    public Uni<HomePage> home(String userId, InteractionContext context) {
        return downstream.profile(userId)
                .flatMap(profile -> downstream.home(userId, maturity(profile), statedGenres(profile)))
                .flatMap(rows -> downstream.artwork(new ArtworkChoices.Request(userId, titleIds(rows), context))
                        .map(choices -> compose(rows, choices)));
    }

    private static String maturity(JsonNode profile) {
        JsonNode m = profile.get("maturityRating");
        return m == null || !m.isTextual() ? SAFEST_MATURITY : m.asText();
    }

    private static List<String> statedGenres(JsonNode profile) {
        List<String> genres = new ArrayList<>();
        JsonNode g = profile.get("favouriteGenres");
        if (g != null && g.isArray()) {
            g.forEach(n -> genres.add(n.asText()));
        }
        return genres;
    }

    private static List<String> titleIds(RankingHome rows) {
        return rows.rows().stream().flatMap(r -> r.items().stream()).map(RankingHome.Item::titleId).toList();
    }

    static HomePage compose(RankingHome ranked, ArtworkChoices.Response choices) {
        Map<String, ArtworkChoices.Choice> byTitle = new HashMap<>();
        choices.choices().forEach(c -> byTitle.put(c.titleId(), c));
        List<HomePage.Row> rows = ranked.rows().stream()
                .map(r -> new HomePage.Row(r.id(), r.heading(), r.items().stream().map(i -> {
                    ArtworkChoices.Choice c = byTitle.get(i.titleId());
                    HomePage.Artwork art = c == null ? null
                            : new HomePage.Artwork(c.artworkId(), c.imageUrl(), c.impressionId(), c.propensity(), c.policy());
                    return new HomePage.Item(i.titleId(), i.name(), i.genres(), i.maturityRating(), i.reason(), art);
                }).toList()))
                .toList();
        return new HomePage(ranked.personalized(), ranked.generatedAt(), rows);
    }
}
