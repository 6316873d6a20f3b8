package io.serenade.artwork.rest;

import io.serenade.artwork.api.Ids;
import io.serenade.artwork.api.VariantUpdate;
import io.serenade.artwork.api.VariantView;
import io.serenade.artwork.service.ArtworkService;
import io.serenade.kit.identity.Callers;
import io.serenade.kit.rest.Problem;
import io.serenade.kit.rest.ProblemMappers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * Internal routes administering artwork variants (the gateway checks the admin role) and serving their
 * generated posters (the gateway exposes them as its public image route).
 * <p>
 * Only the gateway may call them: its service identity is checked on every request ({@link Callers}).
 */
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Callers.GATEWAY)
public class ArtworkResource {

    static final String SVG = "image/svg+xml";

    private final ArtworkService artwork;

    public ArtworkResource(ArtworkService artwork) {
        this.artwork = artwork;
    }

    @PUT
    @Path("/titles/{titleId}/artwork/{artworkId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> put(@PathParam("titleId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String titleId,
                             @PathParam("artworkId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String artworkId,
                             @Valid @NotNull VariantUpdate update, UriInfo uri) {
        // Artwork ids are global: silently moving a variant to another title would corrupt both titles' tests.
        return artwork.put(titleId, artworkId, update).map(view -> view != null ? Response.ok(view).build()
                : ProblemMappers.problem(409, "conflict", "Conflict", "Artwork " + artworkId + " belongs to another title",
                        uri, List.of(new Problem.FieldError("artworkId", "belongs to another title"))));
    }

    @GET
    @Path("/titles/{titleId}/artwork")
    public Uni<List<VariantView>> list(@PathParam("titleId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String titleId) {
        return artwork.list(titleId);
    }

    @GET
    @Path("/artwork/{artworkId}.svg")
    @Produces(SVG)
    public Uni<Response> poster(@PathParam("artworkId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String artworkId,
                                UriInfo uri) {
        return artwork.poster(artworkId).map(svg -> svg == null
                ? ProblemMappers.problem(404, "not-found", "Not Found", "No artwork " + artworkId, uri, null)
                : Response.ok(svg, SVG)
                        .header("Cache-Control", "public, max-age=60")
                        // The SVG is drawn from catalog data: even if a name slipped through, nothing in it may run.
                        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                        .header("X-Content-Type-Options", "nosniff")
                        .build());
    }
}
