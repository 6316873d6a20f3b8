package io.serenade.consent.rest;

import io.serenade.consent.api.ExportView;
import io.serenade.consent.model.ExportJob;
import io.serenade.consent.service.ExportService;
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

import java.util.UUID;

import static io.serenade.consent.rest.Params.USER_ID;
import static io.serenade.consent.rest.Params.USER_ID_MESSAGE;

/**
 * Exports of a user's data (see {@link ConsentResource} on access). An id that is not this user's export is
 * answered exactly like one that does not exist: 404.
 */
@Path("/internal/users/{userId}/exports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Callers.GATEWAY)
public class ExportResource {

    private final ExportService exports;

    public ExportResource(ExportService exports) {
        this.exports = exports;
    }

    /** 202 with the new job, or with the user's running one. */
    @POST
    public Uni<Response> start(@PathParam("userId") @Pattern(regexp = USER_ID, message = USER_ID_MESSAGE) String userId,
                               UriInfo uri) {
        return exports.start(userId).map(view -> Response.accepted(view)
                .location(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).build());
    }

    @GET
    @Path("/{id}")
    public Uni<ExportView> get(@PathParam("userId") @Pattern(regexp = USER_ID, message = USER_ID_MESSAGE) String userId,
                               @PathParam("id") @Pattern(regexp = Params.UUID, message = Params.UUID_MESSAGE) String id) {
        return exports.find(userId, UUID.fromString(id))
                .onItem().ifNull().failWith(() -> new NotFoundException("No export " + id + " for this user"));
    }

    /** The archive as one JSON document; 409 while the job runs or when it failed without one. */
    @GET
    @Path("/{id}/archive")
    public Uni<Response> archive(@PathParam("userId") @Pattern(regexp = USER_ID, message = USER_ID_MESSAGE) String userId,
                                 @PathParam("id") @Pattern(regexp = Params.UUID, message = Params.UUID_MESSAGE) String id,
                                 UriInfo uri) {
        UUID exportId = UUID.fromString(id);
        return exports.find(userId, exportId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No export " + id + " for this user"))
                .chain(view -> {
                    if (ExportJob.RUNNING.equals(view.status())) {
                        return Uni.createFrom().item(ProblemMappers.problem(409, "export-running", "Conflict",
                                "The export is still running; its progress is at the export's own address.", uri, null));
                    }
                    return exports.archive(exportId).map(archive -> archive == null
                            ? ProblemMappers.problem(409, "export-failed", "Conflict",
                                    "The export failed and has no archive; start a new export.", uri, null)
                            : Response.ok(archive, MediaType.APPLICATION_JSON).build());
                });
    }
}
