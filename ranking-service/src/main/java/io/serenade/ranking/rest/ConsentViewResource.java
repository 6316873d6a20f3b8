package io.serenade.ranking.rest;

import io.serenade.kit.identity.Callers;
import io.serenade.ranking.api.ConsentStateView;
import io.serenade.ranking.api.Ids;
import io.serenade.ranking.service.UserDataService;
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
 * ranking-service's own view of a user's consent, as applied from the consent topic: what its training obeys, and
 * when the latest change reached it (the consent-propagation benchmark reads {@code appliedAt}).
 */
// Internal: the caller must present the service identity the annotation names (see Callers).
@RolesAllowed(Callers.OPERATOR)
@Path("/internal/consent-view/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentViewResource {

    private final UserDataService users;

    public ConsentViewResource(UserDataService users) {
        this.users = users;
    }

    /** 404 when no change for the user has reached this service (nothing is granted then). */
    @GET
    public Uni<ConsentStateView> view(@PathParam("userId") @Pattern(regexp = Ids.USER_ID, message = Ids.MESSAGE) String userId) {
        return users.consentView(userId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No consent state for this user has reached ranking-service"));
    }
}
