package io.serenade.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.gateway.client.ConsentClient;
import io.serenade.gateway.service.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What Serenade holds about the caller, per data category; consent-service gathers it from every service. */
@Path("/api/v1/me/transparency")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class TransparencyResource {

    private final Caller caller;
    private final ConsentClient consentService;

    public TransparencyResource(Caller caller, ConsentClient consentService) {
        this.caller = caller;
        this.consentService = consentService;
    }

    @GET
    @Operation(summary = "Per data category held about the caller: count, oldest and newest, purposes, retention, holding service")
    public Uni<JsonNode> transparency() {
        return caller.userId().flatMap(consentService::transparency);
    }
}
