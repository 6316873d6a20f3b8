package io.serenade.ranking.rest;

import io.serenade.ranking.api.TitleUpsert;
import io.serenade.ranking.api.TitleView;
import io.serenade.ranking.mapping.TitleMapper;
import io.serenade.ranking.service.CatalogService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
// Internal: reachable only inside the cluster (network policy); caller verification comes with the
// consent work (issue 5). Annotated so that deny-unannotated-endpoints covers anything added later.
@PermitAll
@Path("/internal/titles")
@Produces(MediaType.APPLICATION_JSON)
public class TitleResource {

    static final String TITLE_ID = "[A-Za-z0-9_-]{1,64}";

    private final CatalogService catalog;

    public TitleResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    public Uni<List<TitleView>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return catalog.page(page, size).map(titles -> titles.stream().map(TitleMapper::toView).toList());
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
