package io.serenade.gateway.rest;

import io.serenade.gateway.client.ArtworkClient;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * Artwork images, public so an {@code <img>} tag can load them: an image says nothing about who looks at it
 * (which image a user was shown lives in the home page response, behind their token).
 */
@Path("/api/v1/artwork")
@PermitAll
public class ArtworkImageResource {

    private final ArtworkClient artworkService;

    public ArtworkImageResource(ArtworkClient artworkService) {
        this.artworkService = artworkService;
    }

    @GET
    @Path("/{artworkId}.svg")
    @Produces("image/svg+xml")
    public Uni<Response> image(@PathParam("artworkId") @Pattern(regexp = AdminCatalogResource.ID, message = AdminCatalogResource.ID_MESSAGE) String artworkId) {
        return artworkService.poster(artworkId).map(svg -> Response.ok(svg, "image/svg+xml")
                .header("Cache-Control", "public, max-age=86400").build());
    }
}
