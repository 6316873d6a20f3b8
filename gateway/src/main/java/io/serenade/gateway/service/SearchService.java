package io.serenade.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * @param query already trimmed; {@code device} may be null. Results ordered by the user's history go out only
     * with their data-use record written; when the ledger cannot take it, the search runs again with nothing
     * granted and its notice says why.
     */
    public Uni<Personalized<JsonNode>> search(String userId, String query, String device, int limit) {
        return Uni.combine().all().unis(profileService.profile(userId), consents.granted(userId)).asTuple()
                .flatMap(profileAndGrants -> {
                    ProfileSettings settings = ProfileSettings.of(profileAndGrants.getItem1());
                    return search(userId, query, device, limit, settings, profileAndGrants.getItem2())
                            .onFailure(DataUseLog.LedgerUnavailable.class).recoverWithUni(() ->
                                    search(userId, query, device, limit, settings, GrantedPurposes.NONE)
                                            .map(p -> new Personalized<>(withNotice(p.body()), null)));
                });
    }

    private Uni<Personalized<JsonNode>> search(String userId, String query, String device, int limit,
                                               ProfileSettings settings, GrantedPurposes granted) {
        return rankingService.search(userId, query, settings.maturity(), device, settings.localHour(Instant.now()), limit, granted)
                .flatMap(results -> dataUse.record(userId, used(granted, results))
                        .map(requestId -> new Personalized<>(results, requestId)));
    }

    private static JsonNode withNotice(JsonNode results) {
        if (results instanceof ObjectNode object) {
            object.put("personalized", false);
            object.put("notice", DataUseLog.LedgerUnavailable.NOTICE);
        }
        return results;
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
