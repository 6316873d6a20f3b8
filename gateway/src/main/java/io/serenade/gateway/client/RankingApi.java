package io.serenade.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.gateway.api.RankingHome;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** ranking-service's internal routes. */
@RegisterRestClient(configKey = "ranking")
@RegisterProvider(DownstreamErrors.class)
@Path("/internal")
public interface RankingApi {

    @GET
    @Path("/users/{userId}/home")
    Uni<RankingHome> home(@PathParam("userId") String userId, @QueryParam("maturity") String maturity,
                          @QueryParam("genre") List<String> genres);

    @GET
    @Path("/titles")
    Uni<JsonNode> titles(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/titles/{titleId}")
    Uni<JsonNode> title(@PathParam("titleId") String titleId);

    @PUT
    @Path("/titles/{titleId}")
    Uni<JsonNode> putTitle(@PathParam("titleId") String titleId, JsonNode title);
}
