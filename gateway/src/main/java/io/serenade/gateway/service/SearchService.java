package io.serenade.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.gateway.client.Downstream;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Catalog search for one user: the profile gives the maturity limit and the local hour, the consents say
 * whether ranking-service may use the user's history to order the matches.
 */
@ApplicationScoped
public class SearchService {

    private final Downstream downstream;
    private final ConsentLookup consents;

    public SearchService(Downstream downstream, ConsentLookup consents) {
        this.downstream = downstream;
        this.consents = consents;
    }

    /** @param query already trimmed; {@code device} may be null */
    public Uni<JsonNode> search(String userId, String query, String device, int limit) {
        return Uni.combine().all().unis(downstream.profile(userId), consents.granted(userId)).asTuple()
                .flatMap(profileAndGrants -> {
                    ProfileSettings settings = ProfileSettings.of(profileAndGrants.getItem1());
                    return downstream.search(userId, query, settings.maturity(), device,
                            settings.localHour(Instant.now()), limit, profileAndGrants.getItem2());
                });
    }
}
