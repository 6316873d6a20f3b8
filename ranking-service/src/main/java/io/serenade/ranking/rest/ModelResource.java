package io.serenade.ranking.rest;

import io.serenade.kit.identity.Callers;
import io.serenade.ranking.api.ModelVersionView;
import io.serenade.ranking.api.TrainingView;
import io.serenade.ranking.repository.ModelVersionRepository;
import io.serenade.ranking.service.ModelService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.sql.SQLException;
import java.util.List;

/** Model versions and training, for operators (the gateway exposes these to admins only). */
// Internal: the caller must present the service identity the annotation names (see Callers).
@RolesAllowed(Callers.GATEWAY)
@Path("/internal/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelService models;
    private final ModelVersionRepository versions;

    public ModelResource(ModelService models, ModelVersionRepository versions) {
        this.models = models;
        this.versions = versions;
    }

    /** The 50 most recent versions, newest first, with their windows, parameters and held-out metrics. */
    @GET
    public List<ModelVersionView> versions() throws SQLException {
        return versions.latest(50);
    }

    @GET
    @Path("/training")
    public TrainingView training() {
        return models.status();
    }

    /** Starts a training: 202 with its progress, or 409 while another one runs. */
    @POST
    @Path("/training")
    public Response train() {
        if (models.start().isEmpty()) {
            throw new ClientErrorException("a training is already running; follow it at GET /internal/models/training",
                    Response.Status.CONFLICT);
        }
        return Response.accepted(models.status()).build();
    }
}
