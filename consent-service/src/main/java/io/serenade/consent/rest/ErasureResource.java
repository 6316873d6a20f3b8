package io.serenade.consent.rest;

import io.serenade.consent.api.ErasureView;
import io.serenade.consent.service.ErasureNotRecordedException;
import io.serenade.consent.service.ErasureService;
import io.serenade.kit.identity.Callers;
import io.serenade.kit.rest.ProblemMappers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

import static io.serenade.consent.rest.Params.USER_ID;
import static io.serenade.consent.rest.Params.USER_ID_MESSAGE;

/**
 * A user's erasure and its combined receipt (see {@link ConsentResource} on access). The receipt stays readable
 * by the user after the erasure forgot their id; an id that is not this user's erasure is a 404.
 */
@Path("/internal/users/{userId}/erasure")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Callers.GATEWAY)
public class ErasureResource {

    private final ErasureService erasures;

    public ErasureResource(ErasureService erasures) {
        this.erasures = erasures;
    }

    /** 202 with the new erasure, or with the user's erasure in progress. */
    @POST
    public Uni<Response> request(@PathParam("userId") @Pattern(regexp = USER_ID, message = USER_ID_MESSAGE) String userId,
                                 UriInfo uri) {
        return erasures.request(userId).map(view -> Response.accepted(view)
                .location(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).build());
    }

    @GET
    @Path("/{id}")
    public Uni<ErasureView> get(@PathParam("userId") @Pattern(regexp = USER_ID, message = USER_ID_MESSAGE) String userId,
                                @PathParam("id") @Pattern(regexp = Params.UUID, message = Params.UUID_MESSAGE) String id) {
        return erasures.find(userId, UUID.fromString(id))
                .onItem().ifNull().failWith(() -> new NotFoundException("No erasure " + id + " for this user"));
    }

    @ServerExceptionMapper
    public Response notRecorded(ErasureNotRecordedException e, UriInfo uri) {
        Response problem = ProblemMappers.problem(503, "erasure-not-recorded", "Service Unavailable",
                "The erasure could not be published, so nothing was erased. Retry later.", uri, null);
        return Response.fromResponse(problem).header("Retry-After", "5").build();
    }
}
