package io.serenade.profile.rest;

import io.serenade.kit.identity.Callers;
import io.serenade.profile.api.NotificationDecisionRequest;
import io.serenade.profile.api.NotificationDecisionView;
import io.serenade.profile.service.NotificationService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Notification pacing for back-end senders (through the gateway's notifier route): may this user be notified
 * of this kind now? Every answer is recorded and shown to the user.
 */
@RolesAllowed(Callers.GATEWAY)
@Path("/internal/notifications/decisions")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationDecisionResource {

    private final NotificationService notifications;

    public NotificationDecisionResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<NotificationDecisionView> decide(@Valid @NotNull NotificationDecisionRequest request) {
        return notifications.decide(request);
    }
}
