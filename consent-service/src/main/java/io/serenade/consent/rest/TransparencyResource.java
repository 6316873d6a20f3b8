package io.serenade.consent.rest;

import io.serenade.consent.api.TransparencyView;
import io.serenade.consent.service.TransparencyService;
import io.serenade.kit.identity.Callers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import static io.serenade.consent.rest.Params.USER_ID;
import static io.serenade.consent.rest.Params.USER_ID_MESSAGE;

/** What Serenade holds about a user, per data category (see {@link ConsentResource} on access). */
@Path("/internal/users/{userId}/transparency")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Callers.GATEWAY)
public class TransparencyResource {

    private final TransparencyService transparency;

    public TransparencyResource(TransparencyService transparency) {
        this.transparency = transparency;
    }

    @GET
    public Uni<TransparencyView> view(@PathParam("userId") @Pattern(regexp = USER_ID, message = USER_ID_MESSAGE) String userId) {
        return transparency.view(userId);
    }
}
