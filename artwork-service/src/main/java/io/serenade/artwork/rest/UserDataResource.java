package io.serenade.artwork.rest;

import io.serenade.artwork.api.Ids;
import io.serenade.artwork.service.UserDataService;
import io.serenade.events.userdata.UserDataExport;
import io.serenade.events.userdata.UserDataSummary;
import io.serenade.kit.identity.Callers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * What artwork-service holds about a user: a summary for consent-service's transparency view and the whole of it for
 * the user's export. Access: see {@link ArtworkResource}.
 */
@Path("/internal/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Callers.GATEWAY)
public class UserDataResource {

    private final UserDataService users;

    public UserDataResource(UserDataService users) {
        this.users = users;
    }

    /** Per category and store: how many records, the oldest and the newest. Counts and dates only. */
    @GET
    @Path("/data")
    @RolesAllowed(Callers.CONSENT)
    public Uni<UserDataSummary> data(@PathParam("userId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String userId) {
        return users.summary(userId);
    }

    /** Everything, raw and inferred, keyed by data category; the inferred taste carries its explanation. */
    @GET
    @Path("/export")
    @RolesAllowed(Callers.CONSENT)
    public Uni<UserDataExport> export(@PathParam("userId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String userId) {
        return users.export(userId);
    }
}
