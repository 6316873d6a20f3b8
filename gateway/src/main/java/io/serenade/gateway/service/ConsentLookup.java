package io.serenade.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.Purposes;
import io.serenade.gateway.client.Downstream;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which purposes a user has granted, asked once per personalized request and sent on to the services as the
 * {@link GrantedPurposes#HEADER} header. For now it reads consent-service over REST; the privacy work is to
 * replace that lookup by a Redis cache fed by the consent topic, behind this same method, callers unchanged.
 * It fails closed: no answer, a late answer or one it cannot read grants nothing, and the request is served
 * without personalization rather than refused.
 */
@ApplicationScoped
public class ConsentLookup {

    /** consent-service's state for a granted purpose; DENIED, WITHDRAWN, NOT_SET and anything else grant nothing. */
    static final String GRANTED = "GRANTED";

    private final Downstream downstream;

    public ConsentLookup(Downstream downstream) {
        this.downstream = downstream;
    }

    public Uni<GrantedPurposes> granted(String userId) {
        return downstream.currentConsents(userId)
                .map(view -> granted(userId, view))
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
        if (view == null || !view.isObject() || !view.path("userId").isTextual()
                || !view.path("userId").textValue().equals(userId) || !view.path("purposes").isArray()) {
            Log.warn("consent-service answered with an unexpected view: request served with no purpose granted");
            return GrantedPurposes.NONE;
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
        return new GrantedPurposes(granted);
    }
}
