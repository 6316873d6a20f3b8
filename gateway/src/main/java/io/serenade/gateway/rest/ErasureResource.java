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
 * Erasure of everything Serenade holds about the caller, in every service and store: consent-service asks each
 * service, collects their receipts and answers with one combined receipt.
 */
@Path("/api/v1/me/erasure")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    static final String PATH = "/api/v1/me/erasure";

    private final Caller caller;
    private final ConsentClient consentService;
    private final ObjectMapper json;

    public ErasureResource(Caller caller, ConsentClient consentService, ObjectMapper json) {
        this.caller = caller;
        this.consentService = consentService;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Erase all the caller's data everywhere; 202 with its progress per service, Location is its status",
            description = "The body is empty or {}. The receipt lists, per service, what was deleted from each store.")
    public Uni<Response> start(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, UriInfo uri) {
        Response refused = JobStart.refusal(body, contentType, json, uri);
        if (refused != null) {
            return Uni.createFrom().item(refused);
        }
        return caller.userId().flatMap(consentService::startErasure).map(job -> JobStart.accepted(job, PATH));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An erasure's progress and, once complete, its combined receipt")
    public Uni<JsonNode> status(@PathParam("id") @Pattern(regexp = JobStart.UUID, message = JobStart.UUID_MESSAGE) String id) {
        String erasureId = JobStart.canonical(id);
        return caller.userId().flatMap(userId -> consentService.erasure(userId, erasureId));
    }
}
