package io.serenade.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.gateway.client.ConsentClient;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The purposes a user can consent to, in plain language, with the data each uses and how long it is kept.
 * Public: a person should be able to read what they would agree to before they have an account.
 */
@Path("/api/v1/purposes")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PurposesResource {

    private final ConsentClient consentService;

    public PurposesResource(ConsentClient consentService) {
        this.consentService = consentService;
    }

    @GET
    @Operation(summary = "The purpose catalogue: description, data categories, retention and policy version of each purpose")
    public Uni<RestResponse<JsonNode>> purposes() {
        return consentService.purposes().map(catalogue -> RestResponse.ResponseBuilder.ok(catalogue)
                .header("Cache-Control", "public, max-age=300").build());
    }
}
