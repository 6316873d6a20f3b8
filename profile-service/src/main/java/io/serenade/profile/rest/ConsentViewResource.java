package io.serenade.profile.rest;

import io.serenade.kit.identity.Callers;
import io.serenade.profile.api.ConsentViewResponse;
import io.serenade.profile.api.UserIds;
import io.serenade.profile.service.ConsentViewService;
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
 * This service's own view of a user's consent, as applied from consent-changes: what pacing decisions obey.
 * Read by consent-service and by the consent-propagation benchmark (appliedAt).
 */
@RolesAllowed(Callers.OPERATOR)
@Path("/internal/consent-view/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentViewResource {

    private final ConsentViewService consentView;

    public ConsentViewResource(ConsentViewService consentView) {
        this.consentView = consentView;
    }

    /** 404 when no consent change for the user has been applied here (which pacing treats as no consent). */
    @GET
    public Uni<ConsentViewResponse> get(@PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId) {
        return consentView.get(userId).map(v -> {
            if (v == null) {
                throw new NotFoundException("profile-service holds no consent state for this user");
            }
            return v;
        });
    }
}
