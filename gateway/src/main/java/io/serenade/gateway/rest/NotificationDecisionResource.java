package io.serenade.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.gateway.api.NotificationDecisionRequest;
import io.serenade.gateway.client.Downstream;
import io.serenade.gateway.service.Caller;
import io.serenade.gateway.service.ConsentLookup;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Notification pacing for back-end senders (role notifier, never a user): may this user be notified now?
 * profile-service decides, with the user's notifications consent, caps and quiet hours; the gateway adds the
 * user's granted purposes, signed, as on every call about a user.
 */
@Path("/api/v1/notifications/decisions")
@RolesAllowed("notifier")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationDecisionResource {

    private final Caller caller;
    private final Downstream downstream;
    private final ConsentLookup consents;

    public NotificationDecisionResource(Caller caller, Downstream downstream, ConsentLookup consents) {
        this.caller = caller;
        this.downstream = downstream;
        this.consents = consents;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide on one notification: {userId, kind, urgency} → ALLOW, DEFER (with deferUntil) or DENY, with the reason")
    public Uni<JsonNode> decide(@Valid @NotNull(message = "must be a decision request") NotificationDecisionRequest request) {
        return caller.service()
                .flatMap(notifier -> consents.granted(request.userId()))
                .flatMap(granted -> downstream.decide(request, granted));
    }
}
