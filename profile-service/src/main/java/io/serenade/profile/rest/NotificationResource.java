package io.serenade.profile.rest;

import io.serenade.kit.identity.Callers;
import io.serenade.profile.api.NotificationDecisionPage;
import io.serenade.profile.api.NotificationSettingsUpdate;
import io.serenade.profile.api.NotificationSettingsView;
import io.serenade.profile.api.UserIds;
import io.serenade.profile.service.NotificationService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A user's own side of notification pacing: their settings and the decisions made about them, read and
 * changed through the gateway on their behalf. (Senders ask for decisions at {@link NotificationDecisionResource}.)
 */
@RolesAllowed(Callers.GATEWAY)
@Path("/internal/users/{userId}/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final NotificationService notifications;

    public NotificationResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    @Path("/settings")
    public Uni<NotificationSettingsView> settings(@PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId) {
        return notifications.settings(userId);
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<NotificationSettingsView> replaceSettings(@PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId,
                                                         @Valid @NotNull NotificationSettingsUpdate update) {
        return notifications.replaceSettings(userId, update);
    }

    @GET
    @Path("/decisions")
    public Uni<NotificationDecisionPage> decisions(@PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId,
                                                   // Matched as text: an int parameter that does not parse would be a 404, not a 400.
                                                   @QueryParam("page") @DefaultValue("0") @Pattern(regexp = "0|[1-9][0-9]{0,5}", message = "must be a page number from 0") String page,
                                                   @QueryParam("size") @DefaultValue("50") @Pattern(regexp = "[1-9]|[1-9][0-9]|100", message = "must be a page size from 1 to 100") String size) {
        return notifications.decisions(userId, Integer.parseInt(page), Integer.parseInt(size));
    }
}
