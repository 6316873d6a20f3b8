package io.serenade.ranking.rest;

import io.serenade.events.GrantedPurposes;
import io.serenade.events.MaturityRating;
import io.serenade.kit.identity.Callers;
import io.serenade.ranking.api.HomeView;
import io.serenade.ranking.api.TitleUpsert;
import io.serenade.ranking.service.HomeService;
import io.serenade.kit.consent.PurposeVerifier;
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

import java.util.List;

/**
 * A user's home rows, for the gateway. The gateway passes what the profile says (maturity, stated genres,
 * diversity dial) and the purposes the user granted, so ranking never reads another service's data.
 */
// Internal: the gateway's service identity is required, and the purposes are verified here (a signed token).
@RolesAllowed(Callers.GATEWAY)
@Path("/internal/users/{userId}/home")
@Produces(MediaType.APPLICATION_JSON)
public class HomeResource {

    private final HomeService home;
    private final PurposeVerifier verifier;

    public HomeResource(HomeService home, PurposeVerifier verifier) {
        this.home = home;
        this.verifier = verifier;
    }

    /**
     * The history is used only if the {@value GrantedPurposes#HEADER} header carries a valid token, signed for
     * this user, that grants the personalization purpose; otherwise the rows are non-personal and the page's
     * notice says so.
     */
    @GET
    public Uni<HomeView> home(@PathParam("userId") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String userId,
                              @HeaderParam(GrantedPurposes.HEADER) String purposes,
                              // Text, not double: a malformed number must be a 400 naming it, not a 404.
                              @QueryParam("diversity") @DefaultValue("0.3")
                              @Pattern(regexp = "0(\\.[0-9]{1,3})?|1(\\.0{1,3})?", message = "must be a number from 0 to 1") String diversity,
                              @QueryParam("maturity") @DefaultValue("all")
                              @Pattern(regexp = "all|7\\+|13\\+|16\\+|18\\+", message = "must be one of all, 7+, 13+, 16+, 18+") String maturity,
                              @QueryParam("genre") @Size(max = 20, message = "must list at most 20 genres")
                              List<@NotNull @Pattern(regexp = TitleUpsert.TAG, message = "must be a lower-case genre id") String> genre) {
        return home.home(userId, verifier.verify(purposes, userId), MaturityRating.fromLabel(maturity),
                genre == null ? List.of() : genre, Double.parseDouble(diversity));
    }
}
