package io.serenade.consent.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.events.Services;
import io.serenade.events.userdata.UserDataSummary;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.function.Function;

/**
 * The calls consent-service makes to the services that hold a user's data, with their resilience. A summary
 * feeds an interactive view, so it gets a short timeout and no retry: a slow service is reported unavailable.
 * An export part is worth waiting for, so it gets a long timeout and two retries. No circuit breaker: these
 * calls are made once per user request, far too rarely to protect a failing service from load.
 */
@ApplicationScoped
public class UserDataClients {

    /** One service that holds personal data, and how to ask it. */
    public record Holder(String service, Function<String, Uni<UserDataSummary>> summary, Function<String, Uni<JsonNode>> export) {
    }

    private final ProfileApi profile;
    private final RankingApi ranking;
    private final ArtworkApi artwork;

    public UserDataClients(@RestClient ProfileApi profile, @RestClient RankingApi ranking, @RestClient ArtworkApi artwork) {
        this.profile = profile;
        this.ranking = ranking;
        this.artwork = artwork;
    }

    @Timeout(2000)
    public Uni<UserDataSummary> summary(UserDataApi service, String userId) {
        return service.data(userId);
    }

    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200)
    public Uni<JsonNode> export(UserDataApi service, String userId) {
        return service.export(userId);
    }

    /**
     * profile-, ranking- and artwork-service, each with its calls. ArC intercepts self-invocation (the bean
     * instance is its intercepting subclass), so these references keep their timeouts and retries.
     */
    public List<Holder> holders() {
        return List.of(holder(Services.PROFILE, profile), holder(Services.RANKING, ranking), holder(Services.ARTWORK, artwork));
    }

    private Holder holder(String service, UserDataApi api) {
        return new Holder(service, userId -> summary(api, userId), userId -> export(api, userId));
    }
}
