package io.serenade.gateway.service;

import io.serenade.events.DataCategories;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.InteractionContext;
import io.serenade.events.Purposes;
import io.serenade.events.Services;
import io.serenade.gateway.api.ArtworkChoices;
import io.serenade.gateway.api.HomePage;
import io.serenade.gateway.api.RankingHome;
import io.serenade.gateway.client.ArtworkClient;
import io.serenade.gateway.client.ProfileClient;
import io.serenade.gateway.client.RankingClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Composes a home page: the profile says what may be shown (maturity), what the user said they like and how
 * much variety they want, their consents say what ranking may use, ranking-service builds the rows, and
 * artwork-service picks one image per title for this user. What of the user's data the page used, and for which
 * purpose, goes to the data-use log.
 */
@ApplicationScoped
public class HomeService {

    private final RankingClient rankingService;
    private final ProfileClient profileService;
    private final ArtworkClient artworkService;
    private final ConsentLookup consents;
    private final DataUseLog dataUse;

    static final int MAX_TITLES_PER_CHOICE = 100;

    public HomeService(RankingClient rankingService, ProfileClient profileService, ArtworkClient artworkService,
                       ConsentLookup consents, DataUseLog dataUse) {
        this.rankingService = rankingService;
        this.profileService = profileService;
        this.artworkService = artworkService;
        this.consents = consents;
        this.dataUse = dataUse;
    }

    /**
     * The maturity limit applies to everyone (it is what may be shown, not a preference), so it is always sent;
     * the genres the user said they like are their profile used for personalization, sent only with it granted.
     * A page that used personal data goes out only with its data-use record written; when the ledger cannot take
     * it, the page is built again with nothing granted and says why.
     */
    public Uni<Personalized<HomePage>> home(String userId, InteractionContext context) {
        return Uni.combine().all().unis(profileService.profile(userId), consents.granted(userId)).asTuple()
                .flatMap(profileAndGrants -> {
                    ProfileSettings settings = ProfileSettings.of(profileAndGrants.getItem1());
                    return page(userId, settings, profileAndGrants.getItem2(), context)
                            .onFailure(DataUseLog.LedgerUnavailable.class).recoverWithUni(() ->
                                    page(userId, settings, GrantedPurposes.NONE, context).map(p -> new Personalized<>(
                                            p.body().withoutPersonalization(DataUseLog.LedgerUnavailable.NOTICE), null)));
                });
    }

    private Uni<Personalized<HomePage>> page(String userId, ProfileSettings settings, GrantedPurposes granted,
                                             InteractionContext context) {
        List<String> genres = granted.allows(Purposes.PERSONALIZATION) ? settings.genres() : List.of();
        return rankingService.home(userId, settings.maturity(), genres, settings.diversity(), granted)
                .flatMap(rows -> artwork(userId, titleIds(rows), context, granted)
                        .flatMap(choices -> dataUse.record(userId, used(granted, !genres.isEmpty(), rows, choices))
                                .map(requestId -> new Personalized<>(compose(rows, choices), requestId))));
    }

    /**
     * What the page used: personalization when ranking says it personalized the rows (history and what was
     * inferred from it) or was given the user's genres; artwork-personalization when artwork-service chose
     * images for the user under it (a choice with an impression id). Nothing granted, nothing used: a non-personalized page records nothing.
     */
    static DataUse used(GrantedPurposes granted, boolean genresSent, RankingHome rows, ArtworkChoices.Response choices) {
        DataUse use = new DataUse();
        if (granted.allows(Purposes.PERSONALIZATION)) {
            if (rows.personalized()) {
                use.add(Purposes.PERSONALIZATION, List.of(Services.RANKING),
                        DataCategories.INTERACTION_HISTORY, DataCategories.INFERRED_AFFINITIES);
            }
            if (genresSent) {
                use.add(Purposes.PERSONALIZATION, List.of(Services.PROFILE, Services.RANKING), DataCategories.PROFILE);
            }
        }
        // Only a choice with an impression id was personalized and logged: artwork-service serves the global
        // image without one (e.g. its Redis down), and that used nothing of the user's.
        if (granted.allows(Purposes.ARTWORK_PERSONALIZATION) && choices.choices().stream()
                .anyMatch(c -> c.impressionId() != null && !c.impressionId().isBlank())) {
            use.add(Purposes.ARTWORK_PERSONALIZATION, List.of(Services.ARTWORK),
                    DataCategories.ARTWORK_CONTEXT, DataCategories.INTERACTION_HISTORY);
        }
        return use;
    }

    /**
     * One artwork choice per title. artwork-service takes at most {@value #MAX_TITLES_PER_CHOICE} titles per call
     * (its latency target is per call), and a full page has more: the calls go out in parallel.
     */
    private Uni<ArtworkChoices.Response> artwork(String userId, List<String> titles, InteractionContext context,
                                                 GrantedPurposes granted) {
        if (titles.isEmpty()) {
            return Uni.createFrom().item(new ArtworkChoices.Response(List.of()));
        }
        List<Uni<ArtworkChoices.Response>> calls = new ArrayList<>();
        for (int from = 0; from < titles.size(); from += MAX_TITLES_PER_CHOICE) {
            List<String> chunk = titles.subList(from, Math.min(titles.size(), from + MAX_TITLES_PER_CHOICE));
            calls.add(artworkService.choose(new ArtworkChoices.Request(userId, List.copyOf(chunk), context), granted));
        }
        return Uni.join().all(calls).andFailFast().map(responses -> new ArtworkChoices.Response(
                responses.stream().flatMap(r -> r.choices().stream()).toList()));
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
                            : new HomePage.Artwork(c.artworkId(), c.imageUrl(), c.impressionId(), c.propensity(), c.policy(), c.why());
                    return new HomePage.Item(i.titleId(), i.name(), i.genres(), i.maturityRating(), i.reason(),
                            i.explanation(), art);
                }).toList()))
                .toList();
        return new HomePage(ranked.personalized(), ranked.notice(), ranked.modelId(), ranked.generatedAt(), rows);
    }
}
