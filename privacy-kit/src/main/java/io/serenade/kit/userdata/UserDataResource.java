package io.serenade.kit.userdata;

import io.quarkus.arc.properties.IfBuildProperty;
import io.serenade.events.userdata.UserDataExport;
import io.serenade.events.userdata.UserDataSummary;
import io.serenade.kit.identity.Callers;
import io.serenade.kit.identity.UserIds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the service holds about a user, for consent-service's transparency and export only. */
@RolesAllowed(Callers.CONSENT)
@Path("/internal/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = UserDataResource.ENABLED, stringValue = "true")
public class UserDataResource {

    /** Build-time switch: every service consent-service asks for a member's data sets it and implements {@link UserData}. */
    public static final String ENABLED = "serenade.kit.user-data.enabled";

    private final UserData data;

    public UserDataResource(UserData data) {
        this.data = data;
    }

    @GET
    @Path("/data")
    public Uni<UserDataSummary> summary(@PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId) {
        return data.summary(userId);
    }

    @GET
    @Path("/export")
    public Uni<UserDataExport> export(@PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId) {
        return data.export(userId);
    }
}
