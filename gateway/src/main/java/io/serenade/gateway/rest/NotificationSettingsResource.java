package io.serenade.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.gateway.api.NotificationSettings;
import io.serenade.gateway.client.ProfileClient;
import io.serenade.gateway.service.Caller;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's notification caps and quiet hours, and the pacing decisions recently made about them. */
@Path("/api/v1/me/notifications")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationSettingsResource {

    private final Caller caller;
    private final ProfileClient profileService;

    public NotificationSettingsResource(Caller caller, ProfileClient profileService) {
        this.caller = caller;
        this.profileService = profileService;
    }

    @GET
    @Path("/settings")
    @Operation(summary = "The caller's caps per day and week and quiet hours (defaults until they change them)")
    public Uni<JsonNode> settings() {
        return caller.userId().flatMap(profileService::notificationSettings);
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the caller's settings: {\"perDay\": 1, \"perWeek\": 3, \"quietStart\": \"22:00\", \"quietEnd\": \"08:00\"}")
    public Uni<JsonNode> putSettings(@Valid @NotNull(message = "must be a settings object") NotificationSettings settings) {
        return caller.userId().flatMap(userId -> profileService.putNotificationSettings(userId, settings));
    }

    @GET
    @Path("/decisions")
    @Operation(summary = "Recent decisions about notifying the caller (allow, defer until, deny) with their reasons, newest first")
    public Uni<JsonNode> decisions(@QueryParam("page") @DefaultValue("0") @Pattern(regexp = Paging.PAGE, message = Paging.PAGE_MESSAGE) String page,
                                   @QueryParam("size") @DefaultValue("50") @Pattern(regexp = Paging.SIZE_100, message = Paging.SIZE_100_MESSAGE) String size) {
        return caller.userId().flatMap(userId -> profileService.notificationDecisions(userId, Integer.parseInt(page), Integer.parseInt(size)));
    }
}
