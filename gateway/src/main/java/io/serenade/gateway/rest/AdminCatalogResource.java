package io.serenade.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.gateway.client.ArtworkClient;
import io.serenade.gateway.client.RankingClient;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Catalog and artwork administration, for the admin role only. The owning services validate bodies. */
@Path("/api/v1/admin/titles")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminCatalogResource {

    static final String ID = "[A-Za-z0-9_-]{1,64}";
    static final String ID_MESSAGE = "must be 1 to 64 letters, digits, '-' or '_'";

    private final RankingClient rankingService;
    private final ArtworkClient artworkService;

    public AdminCatalogResource(RankingClient rankingService, ArtworkClient artworkService) {
        this.rankingService = rankingService;
        this.artworkService = artworkService;
    }

    @GET
    public Uni<JsonNode> titles(@QueryParam("page") @DefaultValue("0") @Pattern(regexp = Paging.PAGE, message = Paging.PAGE_MESSAGE) String page,
                                @QueryParam("size") @DefaultValue("50") @Pattern(regexp = Paging.SIZE_500, message = Paging.SIZE_500_MESSAGE) String size) {
        return rankingService.titles(Integer.parseInt(page), Integer.parseInt(size));
    }

    @GET
    @Path("/{titleId}")
    public Uni<JsonNode> title(@PathParam("titleId") @Pattern(regexp = ID, message = ID_MESSAGE) String titleId) {
        return rankingService.title(titleId);
    }

    @PUT
    @Path("/{titleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a title: name, genres, themes, moods, maturityRating, releaseYear, availableFrom")
    public Uni<JsonNode> putTitle(@PathParam("titleId") @Pattern(regexp = ID, message = ID_MESSAGE) String titleId,
                                  @NotNull(message = "must be a title object") @JsonObject JsonNode title) {
        return rankingService.putTitle(titleId, title);
    }

    @GET
    @Path("/{titleId}/artwork")
    public Uni<JsonNode> variants(@PathParam("titleId") @Pattern(regexp = ID, message = ID_MESSAGE) String titleId) {
        return artworkService.variants(titleId);
    }

    @PUT
    @Path("/{titleId}/artwork/{artworkId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace an artwork variant: imageUrl, tags, dominantColour, enabled")
    public Uni<JsonNode> putVariant(@PathParam("titleId") @Pattern(regexp = ID, message = ID_MESSAGE) String titleId,
                                    @PathParam("artworkId") @Pattern(regexp = ID, message = ID_MESSAGE) String artworkId,
                                    @NotNull(message = "must be an artwork object") @JsonObject JsonNode variant) {
        return artworkService.putVariant(titleId, artworkId, variant);
    }
}
