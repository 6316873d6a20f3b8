package io.serenade.consent.rest;

import io.serenade.consent.api.ConsentUpdate;
import io.serenade.consent.api.ConsentView;
import io.serenade.consent.api.HistoryPage;
import io.serenade.consent.service.ConsentNotRecordedException;
import io.serenade.consent.service.ConsentService;
import io.serenade.kit.identity.Callers;
import io.serenade.kit.rest.ProblemMappers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import static io.serenade.consent.rest.Params.PAGE;
import static io.serenade.consent.rest.Params.PAGE_MESSAGE;
import static io.serenade.consent.rest.Params.SIZE;
import static io.serenade.consent.rest.Params.SIZE_MESSAGE;
import static io.serenade.consent.rest.Params.USER_ID;
import static io.serenade.consent.rest.Params.USER_ID_MESSAGE;

/**
 * Internal routes, called by the gateway on behalf of the user it authenticated. The user id is in the path
 * because only the gateway reaches these routes (public routes never carry one).
 * <p>
 * Only the gateway may call them: its service identity is checked on every request ({@link Callers}).
 */
@Path("/internal/users/{userId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Callers.GATEWAY)
public class ConsentResource {

    private final ConsentService consents;

    public ConsentResource(ConsentService consents) {
        this.consents = consents;
    }

    @GET
    public Uni<ConsentView> get(@PathParam("userId") @Pattern(regexp = USER_ID, message = USER_ID_MESSAGE) String userId) {
        return consents.view(userId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ConsentView> change(@PathParam("userId") @Pattern(regexp = USER_ID, message = USER_ID_MESSAGE) String userId,
                                   @Valid @NotNull ConsentUpdate update) {
        return consents.change(userId, update);
    }

    /**
     * Page and size are taken as text and checked by pattern: a JAX-RS conversion failure of an int query
     * parameter would answer 404, and a bad parameter is a 400 naming it.
     */
    @GET
    @Path("/history")
    public Uni<HistoryPage> history(@PathParam("userId") @Pattern(regexp = USER_ID, message = USER_ID_MESSAGE) String userId,
                                    @QueryParam("page") @DefaultValue("0")
                                    @Pattern(regexp = PAGE, message = PAGE_MESSAGE) String page,
                                    @QueryParam("size") @DefaultValue("50")
                                    @Pattern(regexp = SIZE, message = SIZE_MESSAGE) String size) {
        return consents.history(userId, Integer.parseInt(page), Integer.parseInt(size));
    }

    @ServerExceptionMapper
    public Response notRecorded(ConsentNotRecordedException e, UriInfo uri) {
        Response problem = ProblemMappers.problem(503, "consent-not-recorded", "Service Unavailable",
                "The change could not be published, so it was not recorded; nothing changed. Retry later.", uri, null);
        return Response.fromResponse(problem).header("Retry-After", "5").build();
    }
}
