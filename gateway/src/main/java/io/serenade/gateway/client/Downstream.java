package io.serenade.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.serenade.events.GrantedPurposes;
import io.serenade.gateway.api.ArtworkChoices;
import io.serenade.gateway.api.RankingHome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/**
 * Every call the gateway makes to a service, with its resilience: a timeout on each, a retry on reads,
 * a circuit breaker per service so a failing one is not hammered. A service's 4xx (a rejection) is the
 * client's mistake: it is neither retried nor counted against the breaker.
 */
@ApplicationScoped
public class Downstream {

    private final RankingApi ranking;
    private final ProfileApi profile;
    private final ArtworkApi artwork;
    private final ConsentApi consent;

    public Downstream(@RestClient RankingApi ranking, @RestClient ProfileApi profile, @RestClient ArtworkApi artwork,
                      @RestClient ConsentApi consent) {
        this.ranking = ranking;
        this.profile = profile;
        this.artwork = artwork;
        this.consent = consent;
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public Uni<RankingHome> home(String userId, String maturity, List<String> genres, double diversity,
                                 GrantedPurposes purposes) {
        return ranking.home(userId, maturity, genres, diversity, purposes.header());
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public Uni<JsonNode> search(String userId, String query, String maturity, String device, int hour, int limit,
                                GrantedPurposes purposes) {
        return ranking.search(userId, query, maturity, device, hour, limit, purposes.header());
    }

    @Timeout(1000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public Uni<JsonNode> profile(String userId) {
        return profile.profile(userId);
    }

    /** Without artwork a home page is still a home page: on failure, titles go out without a chosen image. */
    @Timeout(1000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    @Fallback(fallbackMethod = "noArtwork", skipOn = DownstreamRejection.class)
    public Uni<ArtworkChoices.Response> artwork(ArtworkChoices.Request request, GrantedPurposes purposes) {
        return artwork.choose(request, purposes.header());
    }

    Uni<ArtworkChoices.Response> noArtwork(ArtworkChoices.Request request, GrantedPurposes purposes) {
        Log.warn("artwork-service unavailable: home page served without chosen artwork");
        return Uni.createFrom().item(new ArtworkChoices.Response(List.of()));
    }

    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public Uni<JsonNode> putProfile(String userId, JsonNode body) {
        return profile.putProfile(userId, body);
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    public Uni<JsonNode> history(String userId, int page, int size) {
        return profile.history(userId, page, size);
    }

    /** Not retried: had a timed-out first attempt succeeded, the retry would answer 404 for a forgotten event. */
    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public Uni<Void> forget(String userId, String eventId) {
        return profile.forget(userId, eventId);
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    public Uni<JsonNode> consents(String userId) {
        return consent.consents(userId);
    }

    /**
     * The same read, made on every personalized request alongside the profile: as short a timeout as the
     * profile's and a breaker of its own. Its caller (ConsentLookup) turns any failure into nothing granted.
     */
    @Timeout(1000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public Uni<JsonNode> currentConsents(String userId) {
        return consent.consents(userId);
    }

    @Timeout(2000)
    public Uni<JsonNode> putConsents(String userId, JsonNode body) {
        return consent.putConsents(userId, body);
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    public Uni<JsonNode> consentHistory(String userId, int page, int size) {
        return consent.history(userId, page, size);
    }

    @Timeout(2000)
    public Uni<JsonNode> titles(int page, int size) {
        return ranking.titles(page, size);
    }

    @Timeout(2000)
    public Uni<JsonNode> title(String titleId) {
        return ranking.title(titleId);
    }

    @Timeout(5000)
    public Uni<JsonNode> putTitle(String titleId, JsonNode body) {
        return ranking.putTitle(titleId, body);
    }

    @Timeout(2000)
    public Uni<JsonNode> models() {
        return ranking.models();
    }

    @Timeout(2000)
    public Uni<JsonNode> training() {
        return ranking.training();
    }

    /** Not retried: a second start would find the first running and answer 409. */
    @Timeout(5000)
    public Uni<JsonNode> startTraining() {
        return ranking.startTraining();
    }

    @Timeout(2000)
    public Uni<JsonNode> variants(String titleId) {
        return artwork.variants(titleId);
    }

    @Timeout(5000)
    public Uni<JsonNode> putVariant(String titleId, String artworkId, JsonNode body) {
        return artwork.putVariant(titleId, artworkId, body);
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    public Uni<String> poster(String artworkId) {
        return artwork.poster(artworkId);
    }
}
