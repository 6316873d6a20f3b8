package io.serenade.consent.rest;

import io.serenade.consent.api.PurposeCatalogueView;
import io.serenade.consent.service.PurposeCatalogue;
import io.serenade.kit.identity.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The purpose catalogue: no personal data, the gateway serves it to anyone deciding what to consent to. */
@Path("/internal/purposes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Callers.GATEWAY)
public class PurposeResource {

    private final PurposeCatalogue catalogue;

    public PurposeResource(PurposeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    public PurposeCatalogueView catalogue() {
        return catalogue.view();
    }
}
