package io.serenade.artwork.rest;

import io.serenade.artwork.api.ChoiceRequest;
import io.serenade.artwork.api.ChoiceResponse;
import io.serenade.artwork.service.ChoiceService;
import io.serenade.kit.consent.PurposeVerifier;
import io.serenade.events.GrantedPurposes;
import io.serenade.kit.identity.Callers;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The artwork choice for a page, called by the gateway on every home page. Access: see {@link ArtworkResource}.
 */
@Path("/internal/choices")
@RolesAllowed(Callers.GATEWAY)
public class ChoiceResource {

    private final ChoiceService choices;
    private final PurposeVerifier verifier;

    public ChoiceResource(ChoiceService choices, PurposeVerifier verifier) {
        this.choices = choices;
        this.verifier = verifier;
    }

    /**
     * Runs on the event loop: the choice is memory, CPU and one non-blocking Redis read, so a hop to a worker
     * thread would only add latency. The purposes header is a token the gateway signed for the viewer; absent,
     * malformed, expired, tampered or minted for another user, it grants nothing, and the viewer gets non-personal
     * artwork. (Verifying it is an HMAC over a few dozen bytes: no reason to leave the event loop.)
     */
    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ChoiceResponse> choose(@Valid @NotNull ChoiceRequest request,
                                      @HeaderParam(GrantedPurposes.HEADER) String purposes) {
        return choices.choose(request, verifier.verify(purposes, request.userId()));
    }
}
