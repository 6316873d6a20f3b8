package io.serenade.kit.consent;

import io.quarkus.arc.properties.IfBuildProperty;
import io.serenade.kit.identity.Callers;
import io.serenade.kit.identity.UserIds;
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
 * The service's own view of a user's consent, as applied from the consent topic: what it obeys, and when the latest
 * change reached it (the consent-propagation benchmark reads {@code appliedAt}). For operators only.
 */
@RolesAllowed(Callers.OPERATOR)
@Path("/internal/consent-view/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = ConsentViewStore.ENABLED, stringValue = "true")
public class ConsentViewResource {

    private final ConsentViewStore views;

    public ConsentViewResource(ConsentViewStore views) {
        this.views = views;
    }

    /** 404 when no change for the user has reached this service (nothing is granted then). */
    @GET
    public Uni<ConsentView> view(@PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId) {
        return views.find(userId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No consent state for this user has reached this service"));
    }
}
