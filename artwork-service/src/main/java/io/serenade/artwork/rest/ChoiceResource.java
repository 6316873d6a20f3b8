package io.serenade.artwork.rest;

import io.serenade.artwork.api.ChoiceRequest;
import io.serenade.artwork.api.ChoiceResponse;
import io.serenade.artwork.service.ChoiceService;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The artwork choice for a page, called by the gateway on every home page. Access: see {@link ArtworkResource}.
 */
@Path("/internal/choices")
@PermitAll
public class ChoiceResource {

    private final ChoiceService choices;

    public ChoiceResource(ChoiceService choices) {
        this.choices = choices;
    }

    /** Runs on the event loop: the choice is memory and CPU only, so a hop to a worker thread would only add latency. */
    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ChoiceResponse choose(@Valid @NotNull ChoiceRequest request) {
        return choices.choose(request);
    }
}
