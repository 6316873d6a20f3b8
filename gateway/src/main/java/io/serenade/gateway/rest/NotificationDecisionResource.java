package io.serenade.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.gateway.api.NotificationDecisionRequest;
import io.serenade.gateway.client.ProfileClient;
import io.serenade.gateway.service.Caller;
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
 * profile-service decides, with its own view of the user's notifications consent, caps and quiet hours. The
 * gateway does not look the user's consent up here: the id is the sender's, possibly of an erased or unknown
 * user, and a lookup would fill a consent cache entry under it.
 */
@Path("/api/v1/notifications/decisions")
@RolesAllowed("notifier")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationDecisionResource {

    private final Caller caller;
    private final ProfileClient profileService;

    public NotificationDecisionResource(Caller caller, ProfileClient profileService) {
        this.caller = caller;
        this.profileService = profileService;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide on one notification: {userId, kind, urgency} → ALLOW, DEFER (with deferUntil) or DENY, with the reason")
    public Uni<JsonNode> decide(@Valid @NotNull(message = "must be a decision request") NotificationDecisionRequest request) {
        return caller.service()
                .flatMap(notifier -> profileService.decide(request));
    }
}
