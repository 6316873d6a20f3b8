package io.serenade.gateway.service;

import io.serenade.events.InteractionContext;
import io.serenade.gateway.api.ArtworkChoices;
import io.serenade.gateway.api.HomePage;
import io.serenade.gateway.api.RankingHome;
import io.serenade.gateway.client.Downstream;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Composes a home page: the profile says what may be shown (maturity), what the user said they like and how
 * much variety they want, their consents say what ranking may use, ranking-service builds the rows, and
 * artwork-service picks one image per title for this user.
 */
@ApplicationScoped
public class HomeService {

    private final Downstream downstream;
    private final ConsentLookup consents;

    public HomeService(Downstream downstream, ConsentLookup consents) {
        this.downstream = downstream;
        this.consents = consents;
    }

    public Uni<HomePage> home(String userId, InteractionContext context) {
        return Uni.combine().all().unis(downstream.profile(userId), consents.granted(userId)).asTuple()
                .flatMap(profileAndGrants -> {
                    ProfileSettings settings = ProfileSettings.of(profileAndGrants.getItem1());
                    return downstream.home(userId, settings.maturity(), settings.genres(), settings.diversity(),
                            profileAndGrants.getItem2());
                })
                .flatMap(rows -> downstream.artwork(new ArtworkChoices.Request(userId, titleIds(rows), context))
                        .map(choices -> compose(rows, choices)));
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
                    return new HomePage.Item(i.titleId(), i.name(), i.genres(), i.maturityRating(), i.reason(),
                            i.explanation(), art);
                }).toList()))
                .toList();
        return new HomePage(ranked.personalized(), ranked.notice(), ranked.modelId(), ranked.generatedAt(), rows);
    }
}
