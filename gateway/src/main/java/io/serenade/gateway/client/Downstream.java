package io.serenade.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.serenade.events.GrantedPurposes;
import io.serenade.gateway.api.ArtworkChoices;
import io.serenade.gateway.api.ConsentChoices;
import io.serenade.gateway.api.NotificationDecisionRequest;
import io.serenade.gateway.api.NotificationSettings;
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
 * client's mistake: it is neither retried nor counted against the breaker. Every call that may use personal data
 * for a purpose carries the user's granted purposes as a token signed for that user ({@link PurposeSigner}).
 */
@ApplicationScoped
public class Downstream {

    private final RankingApi ranking;
    private final ProfileApi profile;
    private final ArtworkApi artwork;
    private final ConsentApi consent;
    private final PurposeSigner signer;

    public Downstream(@RestClient RankingApi ranking, @RestClient ProfileApi profile, @RestClient ArtworkApi artwork,
                      @RestClient ConsentApi consent, PurposeSigner signer) {
        this.ranking = ranking;
        this.profile = profile;
        this.artwork = artwork;
        this.consent = consent;
        this.signer = signer;
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public Uni<RankingHome> home(String userId, String maturity, List<String> genres, double diversity,
                                 GrantedPurposes purposes) {
        return ranking.home(userId, maturity, genres, diversity, signer.sign(userId, purposes));
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public Uni<JsonNode> search(String userId, String query, String maturity, String device, int hour, int limit,
                                GrantedPurposes purposes) {
        return ranking.search(userId, query, maturity, device, hour, limit, signer.sign(userId, purposes));
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
        return artwork.choose(request, signer.sign(request.userId(), purposes));
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
    public Uni<JsonNode> putConsents(String userId, ConsentChoices body) {
        return consent.putConsents(userId, body);
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    public Uni<JsonNode> consentHistory(String userId, int page, int size) {
        return consent.history(userId, page, size);
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public Uni<JsonNode> affinities(String userId, int limit, GrantedPurposes purposes) {
        return ranking.affinities(userId, limit, signer.sign(userId, purposes));
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    public Uni<JsonNode> purposes() {
        return consent.purposes();
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    public Uni<JsonNode> transparency(String userId) {
        return consent.transparency(userId);
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    public Uni<JsonNode> dataUse(String userId, String from, String to, int page, int size) {
        return consent.dataUse(userId, from, to, page, size);
    }

    /** Not retried: a timed-out first attempt may have started a job, and a retry would start a second. */
    @Timeout(5000)
    public Uni<JsonNode> startExport(String userId) {
        return consent.startExport(userId);
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    public Uni<JsonNode> export(String userId, String exportId) {
        return consent.export(userId, exportId);
    }

    /** An archive of 10,000 events is megabytes: a longer timeout than a status read. */
    @Timeout(30000)
    public Uni<byte[]> exportArchive(String userId, String exportId) {
        return consent.exportArchive(userId, exportId);
    }

    /** Not retried, like the export: consent-service answers a second request with the erasure already running. */
    @Timeout(5000)
    public Uni<JsonNode> startErasure(String userId) {
        return consent.startErasure(userId);
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    public Uni<JsonNode> erasure(String userId, String erasureId) {
        return consent.erasure(userId, erasureId);
    }

    /**
     * Not retried: a decision to allow counts against the user's caps, and a retry would count it twice.
     * 3 s: profile-service may take up to ~1.5 s to publish the decision before it answers. No purposes token:
     * profile-service decides with its own consent view and ignores one.
     */
    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public Uni<JsonNode> decide(NotificationDecisionRequest request) {
        return profile.decide(request);
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    public Uni<JsonNode> notificationSettings(String userId) {
        return profile.notificationSettings(userId);
    }

    @Timeout(2000)
    public Uni<JsonNode> putNotificationSettings(String userId, NotificationSettings settings) {
        return profile.putNotificationSettings(userId, settings);
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = DownstreamRejection.class)
    public Uni<JsonNode> notificationDecisions(String userId, int page, int size) {
        return profile.notificationDecisions(userId, page, size);
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
