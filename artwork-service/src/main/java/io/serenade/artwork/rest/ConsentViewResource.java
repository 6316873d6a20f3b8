package io.serenade.artwork.rest;

import io.serenade.artwork.api.ConsentStateView;
import io.serenade.artwork.api.Ids;
import io.serenade.artwork.service.UserDataService;
import io.serenade.kit.identity.Callers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * artwork-service's own view of a user's consent, as applied from the consent topic: what its reward crediting
 * obeys, and when the latest change reached it (the consent-propagation benchmark reads {@code appliedAt}).
 * Access: see {@link ArtworkResource}.
 */
@Path("/internal/consent-view/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Callers.OPERATOR)
public class ConsentViewResource {

    private final UserDataService users;

    public ConsentViewResource(UserDataService users) {
        this.users = users;
    }

    /** 404 when no change for the user has reached this service (nothing is granted then). */
    @GET
    public Uni<ConsentStateView> view(@PathParam("userId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String userId) {
        return users.consentView(userId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No consent state for this user has reached artwork-service"));
    }
}
