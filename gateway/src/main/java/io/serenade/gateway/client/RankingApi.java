package io.serenade.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.serenade.events.GrantedPurposes;
import io.serenade.gateway.api.RankingHome;
import io.serenade.kit.json.TolerantAnswers;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** ranking-service's internal routes. {@code purposes} is a {@link GrantedPurposes#header()} value. */
@OidcClientFilter // the caller's service identity (client credentials) on every call
@RegisterProvider(TolerantAnswers.class) // answers are read tolerantly, requests stay strict
@RegisterRestClient(configKey = "ranking")
@RegisterProvider(DownstreamErrors.class)
@Path("/internal")
public interface RankingApi {

    @GET
    @Path("/users/{userId}/home")
    Uni<RankingHome> home(@PathParam("userId") String userId, @QueryParam("maturity") String maturity,
                          @QueryParam("genre") List<String> genres, @QueryParam("diversity") double diversity,
                          @HeaderParam(GrantedPurposes.HEADER) String purposes);

    @GET
    @Path("/users/{userId}/search")
    Uni<JsonNode> search(@PathParam("userId") String userId, @QueryParam("q") String query,
                         @QueryParam("maturity") String maturity, @QueryParam("device") String device,
                         @QueryParam("hour") int hour, @QueryParam("limit") int limit,
                         @HeaderParam(GrantedPurposes.HEADER) String purposes);

    /** The user's strongest inferred genres and themes, each with its weight, and how many events they rest on. */
    @GET
    @Path("/users/{userId}/affinities")
    Uni<JsonNode> affinities(@PathParam("userId") String userId, @QueryParam("limit") int limit,
                             @HeaderParam(GrantedPurposes.HEADER) String purposes);

    @GET
    @Path("/titles")
    Uni<JsonNode> titles(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/titles/{titleId}")
    Uni<JsonNode> title(@PathParam("titleId") String titleId);

    @PUT
    @Path("/titles/{titleId}")
    Uni<JsonNode> putTitle(@PathParam("titleId") String titleId, JsonNode title);

    @GET
    @Path("/models")
    Uni<JsonNode> models();

    @GET
    @Path("/models/training")
    Uni<JsonNode> training();

    @POST
    @Path("/models/training")
    Uni<JsonNode> startTraining();
}
