package io.serenade.profile.rest;

import io.serenade.events.userdata.UserDataExport;
import io.serenade.events.userdata.UserDataSummary;
import io.serenade.kit.identity.Callers;
import io.serenade.profile.api.UserIds;
import io.serenade.profile.service.UserDataService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What profile-service holds about a user: counts and dates for transparency, everything for export. */
@RolesAllowed(Callers.GATEWAY)
@Path("/internal/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class UserDataResource {

    private final UserDataService userData;

    public UserDataResource(UserDataService userData) {
        this.userData = userData;
    }

    @GET
    @Path("/data")

    @RolesAllowed(Callers.CONSENT)
    public Uni<UserDataSummary> summary(@PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId) {
        return userData.summary(userId);
    }

    @GET
    @Path("/export")

    @RolesAllowed(Callers.CONSENT)
    public Uni<UserDataExport> export(@PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId) {
        return userData.export(userId);
    }
}
