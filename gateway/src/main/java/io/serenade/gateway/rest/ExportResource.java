package io.serenade.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serenade.gateway.client.ConsentClient;
import io.serenade.gateway.service.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Export of everything Serenade holds about the caller, raw and inferred, from every service: started here,
 * assembled by consent-service, downloaded as one JSON archive. A job is found only under its owner's id.
 */
@Path("/api/v1/me/exports")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    static final String PATH = "/api/v1/me/exports";

    private final Caller caller;
    private final ConsentClient consentService;
    private final ObjectMapper json;

    public ExportResource(Caller caller, ConsentClient consentService, ObjectMapper json) {
        this.caller = caller;
        this.consentService = consentService;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Start an export of all the caller's data; 202 with its progress, Location is its status",
            description = "The body is empty or {}: the export takes no options.")
    public Uni<Response> start(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, UriInfo uri) {
        Response refused = JobStart.refusal(body, contentType, json, uri);
        if (refused != null) {
            return Uni.createFrom().item(refused);
        }
        return caller.userId().flatMap(consentService::startExport).map(job -> JobStart.accepted(job, PATH));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An export's progress, per service")
    public Uni<JsonNode> status(@PathParam("id") @Pattern(regexp = JobStart.UUID, message = JobStart.UUID_MESSAGE) String id) {
        String exportId = JobStart.canonical(id);
        return caller.userId().flatMap(userId -> consentService.export(userId, exportId));
    }

    @GET
    @Path("/{id}/archive")
    @Operation(summary = "The finished export: one JSON document, as an attachment")
    public Uni<Response> archive(@PathParam("id") @Pattern(regexp = JobStart.UUID, message = JobStart.UUID_MESSAGE) String id) {
        String exportId = JobStart.canonical(id);
        return caller.userId().flatMap(userId -> consentService.exportArchive(userId, exportId))
                .map(archive -> Response.ok(archive, MediaType.APPLICATION_JSON)
                        .header("Content-Disposition", "attachment; filename=\"serenade-export-" + exportId + ".json\"")
                        // Everything held about a person: no shared cache may keep a copy.
                        .header("Cache-Control", "no-store")
                        .build());
    }
}
