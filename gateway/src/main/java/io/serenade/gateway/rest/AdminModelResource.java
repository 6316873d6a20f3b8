package io.serenade.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.gateway.client.RankingClient;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Ranking model versions and their training, for the admin role only; ranking-service owns both. */
@Path("/api/v1/admin/models")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminModelResource {

    private final RankingClient rankingService;

    public AdminModelResource(RankingClient rankingService) {
        this.rankingService = rankingService;
    }

    @GET
    @Operation(summary = "The trained ranking model versions")
    public Uni<JsonNode> models() {
        return rankingService.models();
    }

    @GET
    @Path("/training")
    @Operation(summary = "Progress of the current or last training: state, percent, eta")
    public Uni<JsonNode> training() {
        return rankingService.training();
    }

    @POST
    @Path("/training")
    @ResponseStatus(202)
    @Operation(summary = "Start training a new model version; 202 with its progress, 409 if one is already running")
    public Uni<JsonNode> startTraining() {
        return rankingService.startTraining();
    }
}
