package io.serenade.ranking.rest;

import io.serenade.events.GrantedPurposes;
import io.serenade.events.MaturityRating;
import io.serenade.kit.identity.Callers;
import io.serenade.ranking.api.SearchView;
import io.serenade.kit.consent.PurposeVerifier;
import io.serenade.ranking.service.SearchService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Catalog search for one user, for the gateway: relevance first, the user's taste in this context
 * (device, local hour) to order near-ties — only if {@value GrantedPurposes#HEADER} carries a valid token, signed for
 * this user, that grants personalization.
 */
// Internal: the caller must present the service identity the annotation names (see Callers).
@RolesAllowed(Callers.GATEWAY)
@Path("/internal/users/{userId}/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchService search;
    private final PurposeVerifier verifier;

    public SearchResource(SearchService search, PurposeVerifier verifier) {
        this.search = search;
        this.verifier = verifier;
    }

    @GET
    public Uni<SearchView> search(@PathParam("userId") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String userId,
                                  @HeaderParam(GrantedPurposes.HEADER) String purposes,
                                  @QueryParam("q") @NotNull(message = "is required")
                                  @Size(min = 2, max = 100, message = "must be 2 to 100 characters") String q,
                                  @QueryParam("maturity") @DefaultValue("all")
                                  @Pattern(regexp = "all|7\\+|13\\+|16\\+|18\\+", message = "must be one of all, 7+, 13+, 16+, 18+") String maturity,
                                  @QueryParam("device") @Pattern(regexp = "[a-z][a-z0-9-]{0,19}", message = "must be a device kind such as tv or mobile") String device,
                                  // Text, not int: a malformed number must be a 400 naming it, not a 404.
                                  @QueryParam("hour") @Pattern(regexp = "[0-9]|1[0-9]|2[0-3]", message = "must be an hour from 0 to 23") String hour,
                                  @QueryParam("limit") @DefaultValue("20") @Pattern(regexp = "[1-9]|[1-4][0-9]|50", message = "must be from 1 to 50") String limit) {
        return search.search(userId, verifier.verify(purposes, userId), q.strip(), MaturityRating.fromLabel(maturity), device,
                hour == null ? null : Integer.valueOf(hour), Integer.parseInt(limit));
    }
}
