package io.serenade.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.Startup;
import io.serenade.gateway.api.NotificationDecisionRequest;
import io.serenade.gateway.api.NotificationSettings;
import io.serenade.gateway.api.ProfileUpdate;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import static io.serenade.gateway.client.Calls.guarded;

/** The gateway's calls to profile-service, each under the guard of its kind (Calls). */
@Startup // its guards are built now: a kind missing from configuration stops the gateway at start-up
@ApplicationScoped
public class ProfileClient {

    private final ProfileApi profile;
    private final Guard profileRead;
    private final Guard profileWrite;
    private final Guard read;
    private final Guard write;
    private final Guard forgetting;
    private final Guard deciding;

    public ProfileClient(@RestClient ProfileApi profile, Calls calls) {
        this.profile = profile;
        this.profileRead = calls.guard("profile-page");
        this.profileWrite = calls.guard("profile-write");
        this.read = calls.guard("profile-read");
        this.write = calls.guard("profile-settings-write");
        this.forgetting = calls.guard("profile-forget");
        this.deciding = calls.guard("profile-decide");
    }

    /** Read on every personalized page: a short timeout and a breaker of its own. */
    public Uni<JsonNode> profile(String userId) {
        return guarded(profileRead, () -> profile.profile(userId));
    }

    public Uni<JsonNode> putProfile(String userId, ProfileUpdate body) {
        return guarded(profileWrite, () -> profile.putProfile(userId, body));
    }

    public Uni<JsonNode> history(String userId, int page, int size) {
        return guarded(read, () -> profile.history(userId, page, size));
    }

    /** Not retried: had a timed-out first attempt succeeded, the retry would answer 404 for a forgotten event. */
    public Uni<Void> forget(String userId, String eventId) {
        return guarded(forgetting, () -> profile.forget(userId, eventId));
    }

    /**
     * Not retried: a decision to allow counts against the user's caps, and a retry would count it twice. Its timeout
     * is longer: profile-service may take up to ~1.5 s to publish the decision before it answers. No purposes token:
     * profile-service decides with its own consent view.
     */
    public Uni<JsonNode> decide(NotificationDecisionRequest request) {
        return guarded(deciding, () -> profile.decide(request));
    }

    public Uni<JsonNode> notificationSettings(String userId) {
        return guarded(read, () -> profile.notificationSettings(userId));
    }

    public Uni<JsonNode> putNotificationSettings(String userId, NotificationSettings settings) {
        return guarded(write, () -> profile.putNotificationSettings(userId, settings));
    }

    public Uni<JsonNode> notificationDecisions(String userId, int page, int size) {
        return guarded(read, () -> profile.notificationDecisions(userId, page, size));
    }
}
