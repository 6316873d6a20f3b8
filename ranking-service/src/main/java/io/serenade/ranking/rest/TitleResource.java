package io.serenade.ranking.rest;

import io.serenade.kit.identity.Callers;
import io.serenade.ranking.api.TitleUpsert;
import io.serenade.ranking.api.TitleView;
import io.serenade.ranking.mapping.TitleMapper;
import io.serenade.ranking.service.CatalogService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The catalog, for the gateway's admin routes. */
// Internal: the caller must present the service identity the annotation names (see Callers).
@RolesAllowed(Callers.GATEWAY)
@Path("/internal/titles")
@Produces(MediaType.APPLICATION_JSON)
public class TitleResource {

    static final String TITLE_ID = "[A-Za-z0-9_-]{1,64}";

    private final CatalogService catalog;

    public TitleResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    public Uni<List<TitleView>> list(// Matched as text: an int parameter that does not parse would be a 404, not a 400.
                                     @QueryParam("page") @DefaultValue("0") @Pattern(regexp = "0|[1-9][0-9]{0,5}", message = "must be a page number from 0") String page,
                                     @QueryParam("size") @DefaultValue("50") @Pattern(regexp = "[1-9]|[1-9][0-9]|[1-4][0-9][0-9]|500", message = "must be a page size from 1 to 500") String size) {
        return catalog.page(Integer.parseInt(page), Integer.parseInt(size)).map(titles -> titles.stream().map(TitleMapper::toView).toList());
    }

    @GET
    @Path("/{titleId}")
    public Uni<TitleView> get(@PathParam("titleId") @Pattern(regexp = TITLE_ID) String titleId) {
        return catalog.find(titleId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No title " + titleId))
                .map(TitleMapper::toView);
    }

    @PUT
    @Path("/{titleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TitleView> upsert(@PathParam("titleId") @Pattern(regexp = TITLE_ID) String titleId,
                                 @Valid @NotNull TitleUpsert request) {
        return catalog.upsert(titleId, request).map(TitleMapper::toView);
    }
}
