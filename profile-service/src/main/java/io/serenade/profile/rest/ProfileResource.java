package io.serenade.profile.rest;

import io.serenade.kit.identity.Callers;
import io.serenade.profile.api.HistoryPage;
import io.serenade.profile.api.ProfileUpdate;
import io.serenade.profile.api.ProfileView;
import io.serenade.profile.api.UserIds;
import io.serenade.profile.service.ProfileService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/**
 * Internal routes, called by the gateway on behalf of the user it authenticated. The user id is in the path
 * because only trusted callers reach /internal (public routes never carry one).
 */
// Internal: the caller must present the service identity the annotation names (see Callers).
@RolesAllowed(Callers.GATEWAY)
@Path("/internal/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    /** OIDC subjects and demo ids: letters, digits, '-', '_' — nothing that could be a path trick. */
    static final String USER_ID = UserIds.PATTERN;
    static final String UUID_TEXT = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final ProfileService profiles;

    public ProfileResource(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GET
    @Path("/profile")
    public Uni<ProfileView> get(@PathParam("userId") @Pattern(regexp = USER_ID) String userId) {
        return profiles.get(userId);
    }

    @PUT
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ProfileView> replace(@PathParam("userId") @Pattern(regexp = USER_ID) String userId,
                                    @Valid @NotNull ProfileUpdate update) {
        return profiles.replace(userId, update);
    }

    @GET
    @Path("/history")
    public Uni<HistoryPage> history(@PathParam("userId") @Pattern(regexp = USER_ID) String userId,
                                    // Matched as text: an int parameter that does not parse would be a 404, not a 400.
                                    @QueryParam("page") @DefaultValue("0") @Pattern(regexp = "0|[1-9][0-9]{0,5}", message = "must be a page number from 0") String page,
                                    @QueryParam("size") @DefaultValue("50") @Pattern(regexp = "[1-9]|[1-9][0-9]|1[0-9][0-9]|200", message = "must be a page size from 1 to 200") String size) {
        return profiles.history(userId, Integer.parseInt(page), Integer.parseInt(size));
    }

    /** Forget one event: 204 once it is deleted here and announced to the other services; 404 if not theirs. */
    @DELETE
    @Path("/history/{eventId}")
    public Uni<Void> forget(@PathParam("userId") @Pattern(regexp = USER_ID) String userId,
                            @PathParam("eventId") @Pattern(regexp = UUID_TEXT, message = "must be an event id (a UUID)") String eventId) {
        return profiles.forget(userId, UUID.fromString(eventId)).map(found -> {
            if (!found) {
                throw new NotFoundException("this user's history has no event " + eventId);
            }
            return null;
        });
    }
}
