package io.serenade.ranking.rest;

import io.serenade.events.GrantedPurposes;
import io.serenade.kit.consent.PurposeVerifier;
import io.serenade.kit.identity.Callers;
import io.serenade.ranking.api.AffinitiesView;
import io.serenade.ranking.api.Ids;
import io.serenade.ranking.service.UserDataService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The inferred affinities, for the gateway's assistant context. (The summary and the export of what ranking holds
 * about a user are the privacy kit's UserDataResource, served from UserDataService.)
 */
// Internal: the caller must present the service identity the annotation names (see Callers).
@RolesAllowed(Callers.GATEWAY)
@Path("/internal/users/{userId}/affinities")
@Produces(MediaType.APPLICATION_JSON)
public class AffinitiesResource {

    private final UserDataService users;
    private final PurposeVerifier verifier;

    public AffinitiesResource(UserDataService users, PurposeVerifier verifier) {
        this.users = users;
        this.verifier = verifier;
    }

    /**
     * The strongest genres and themes with their weights, only if {@value GrantedPurposes#HEADER} carries a valid
     * token for this user granting assistant-context; otherwise empty lists and no event read.
     */
    @GET
    public Uni<AffinitiesView> affinities(@PathParam("userId") @Pattern(regexp = Ids.USER_ID, message = Ids.MESSAGE) String userId,
                                          @HeaderParam(GrantedPurposes.HEADER) String purposes,
                                          // Text, not int: a malformed number must be a 400 naming it, not a 404.
                                          @QueryParam("limit") @DefaultValue("5")
                                          @Pattern(regexp = "[1-9]|1[0-9]|20", message = "must be from 1 to 20") String limit) {
        return users.affinities(userId, verifier.verify(purposes, userId), Integer.parseInt(limit));
    }
}
