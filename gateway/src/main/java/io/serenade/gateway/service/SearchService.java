package io.serenade.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.events.DataCategories;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.Purposes;
import io.serenade.events.Services;
import io.serenade.gateway.client.ProfileClient;
import io.serenade.gateway.client.RankingClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Catalog search for one user: the profile gives the maturity limit and the local hour, the consents say
 * whether ranking-service may use the user's history to order the matches; that use goes to the data-use log.
 */
@ApplicationScoped
public class SearchService {

    private final RankingClient rankingService;
    private final ProfileClient profileService;
    private final ConsentLookup consents;
    private final DataUseLog dataUse;

    public SearchService(RankingClient rankingService, ProfileClient profileService, ConsentLookup consents,
                         DataUseLog dataUse) {
        this.rankingService = rankingService;
        this.profileService = profileService;
        this.consents = consents;
        this.dataUse = dataUse;
    }

    /** @param query already trimmed; {@code device} may be null */
    public Uni<Personalized<JsonNode>> search(String userId, String query, String device, int limit) {
        return Uni.combine().all().unis(profileService.profile(userId), consents.granted(userId)).asTuple()
                .flatMap(profileAndGrants -> {
                    ProfileSettings settings = ProfileSettings.of(profileAndGrants.getItem1());
                    GrantedPurposes granted = profileAndGrants.getItem2();
                    return rankingService.search(userId, query, settings.maturity(), device,
                                    settings.localHour(Instant.now()), limit, granted)
                            .map(results -> new Personalized<>(results, dataUse.record(userId, used(granted, results))));
                });
    }

    /** Personalization, when granted and ranking-service says it ordered the matches by the user's history. */
    static DataUse used(GrantedPurposes granted, JsonNode results) {
        DataUse use = new DataUse();
        if (granted.allows(Purposes.PERSONALIZATION) && results != null && results.path("personalized").asBoolean(false)) {
            use.add(Purposes.PERSONALIZATION, List.of(Services.RANKING),
                    DataCategories.INTERACTION_HISTORY, DataCategories.INFERRED_AFFINITIES);
        }
        return use;
    }
}
