package io.serenade.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.Purposes;
import io.serenade.gateway.client.ConsentClient;
import io.serenade.gateway.repository.ConsentCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which purposes a user has granted, asked once per personalized request and sent on to the services signed.
 * Read from the Redis cache the consent topic keeps current (a withdrawal lands there within milliseconds of
 * consent-service recording it); on a miss, from consent-service itself, and the answer fills the cache.
 * It fails closed: no answer, a late answer or one it cannot read grants nothing, and the request is served
 * without personalization rather than refused.
 */
@ApplicationScoped
public class ConsentLookup {

    /** consent-service's state for a granted purpose; DENIED, WITHDRAWN, NOT_SET and anything else grant nothing. */
    static final String GRANTED = "GRANTED";

    private final ConsentClient consentService;
    private final ConsentCache cache;

    public ConsentLookup(ConsentClient consentService, ConsentCache cache) {
        this.consentService = consentService;
        this.cache = cache;
    }

    public Uni<GrantedPurposes> granted(String userId) {
        return cache.find(userId)
                .onFailure().recoverWithItem(e -> {
                    // Redis down: consent-service is the authority, so ask it (its own breaker guards it).
                    Log.warnf("consent cache unreadable (%s): asking consent-service", e.getClass().getSimpleName());
                    return null;
                })
                .flatMap(cached -> cached != null ? Uni.createFrom().item(cached) : fromConsentService(userId));
    }

    /**
     * Puts the view consent-service answered a change with into the cache at once, so the user's next request
     * sees their own change even before the topic delivers it. A failure here costs nothing but that head start.
     */
    public Uni<Void> remember(String userId, JsonNode view) {
        Set<String> granted = read(userId, view);
        if (granted == null) {
            return Uni.createFrom().voidItem();
        }
        return cache.putIfNewer(userId, new GrantedPurposes(granted), newestChange(view))
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("consent cache not updated after a change (%s); the topic will update it",
                            e.getClass().getSimpleName());
                    return false;
                })
                .replaceWithVoid();
    }

    private Uni<GrantedPurposes> fromConsentService(String userId) {
        return consentService.currentConsents(userId)
                .flatMap(view -> {
                    Set<String> granted = read(userId, view);
                    if (granted == null) {
                        Log.warn("consent-service answered with an unexpected view: request served with no purpose granted");
                        return Uni.createFrom().item(GrantedPurposes.NONE);
                    }
                    GrantedPurposes purposes = new GrantedPurposes(granted);
                    // The view's newest change as changedAt: a topic update newer than what was read still wins.
                    return cache.putIfNewer(userId, purposes, newestChange(view))
                            .onFailure().recoverWithItem(false)
                            .replaceWith(purposes);
                })
                .onFailure().recoverWithItem(ConsentLookup::nothingGranted);
    }

    private static GrantedPurposes nothingGranted(Throwable failure) {
        // Only the kind of failure is logged: the user id and their consents stay out of the log.
        if (failure instanceof CircuitBreakerOpenException) {
            Log.debug("consent-service circuit open: request served with no purpose granted");
        } else {
            Log.warnf("consent-service lookup failed (%s): request served with no purpose granted",
                    failure.getClass().getSimpleName());
        }
        return GrantedPurposes.NONE;
    }

    /**
     * The purposes consent-service's view of this user marks GRANTED. A view of another user, or one not
     * shaped as expected, grants nothing; a purpose listed twice is granted only if every entry grants it;
     * purpose names this version does not know are dropped.
     */
    static GrantedPurposes granted(String userId, JsonNode view) {
        Set<String> granted = read(userId, view);
        return granted == null ? GrantedPurposes.NONE : new GrantedPurposes(granted);
    }

    /** The granted purposes of a well-formed view of this user; null when the view is not one. */
    private static Set<String> read(String userId, JsonNode view) {
        if (view == null || !view.isObject() || !view.path("userId").isTextual()
                || !view.path("userId").textValue().equals(userId) || !view.path("purposes").isArray()) {
            return null;
        }
        Set<String> granted = new LinkedHashSet<>();
        Set<String> notGranted = new HashSet<>();
        for (JsonNode entry : view.get("purposes")) {
            JsonNode purpose = entry.path("purpose");
            if (!purpose.isTextual()) {
                continue;
            }
            JsonNode state = entry.path("state");
            (state.isTextual() && GRANTED.equals(state.textValue()) ? granted : notGranted).add(purpose.textValue());
        }
        granted.removeAll(notGranted);
        granted.retainAll(Purposes.ALL);
        return granted;
    }

    /**
     * The time of the newest change the view reflects: its latest {@code updatedAt} (consent-service stamps a
     * change's rows and its ConsentChanged with the same instant). A view with none (nothing ever answered)
     * reflects no change at all: the epoch, older than any the topic can bring.
     */
    static Instant newestChange(JsonNode view) {
        Instant newest = Instant.EPOCH;
        for (JsonNode entry : view.path("purposes")) {
            JsonNode at = entry.path("updatedAt");
            if (at.isTextual()) {
                try {
                    Instant t = Instant.parse(at.textValue());
                    newest = t.isAfter(newest) ? t : newest;
                } catch (DateTimeException unreadable) {
                    // A time it cannot read proves nothing newer: skip it.
                }
            }
        }
        return newest;
    }
}
