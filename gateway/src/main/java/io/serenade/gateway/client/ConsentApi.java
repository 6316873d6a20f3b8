package io.serenade.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.serenade.gateway.api.ConsentChoices;
import io.serenade.kit.json.TolerantAnswers;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** consent-service's internal routes: consents, the purpose catalogue, transparency, data use, export and erasure. */
@OidcClientFilter // the caller's service identity (client credentials) on every call
@RegisterProvider(TolerantAnswers.class) // answers are read tolerantly, requests stay strict
@RegisterRestClient(configKey = "consent")
@RegisterProvider(DownstreamErrors.class)
@Path("/internal")
public interface ConsentApi {

    @GET
    @Path("/users/{userId}/consents")
    Uni<JsonNode> consents(@PathParam("userId") String userId);

    @PUT
    @Path("/users/{userId}/consents")
    Uni<JsonNode> putConsents(@PathParam("userId") String userId, ConsentChoices consents);

    @GET
    @Path("/users/{userId}/consents/history")
    Uni<JsonNode> history(@PathParam("userId") String userId, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/purposes")
    Uni<JsonNode> purposes();

    @GET
    @Path("/users/{userId}/transparency")
    Uni<JsonNode> transparency(@PathParam("userId") String userId);

    /** {@code from} and {@code to} are ISO-8601 instants; null leaves the bound to consent-service. */
    @GET
    @Path("/users/{userId}/data-use")
    Uni<JsonNode> dataUse(@PathParam("userId") String userId, @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/users/{userId}/exports")
    Uni<JsonNode> startExport(@PathParam("userId") String userId);

    @GET
    @Path("/users/{userId}/exports/{exportId}")
    Uni<JsonNode> export(@PathParam("userId") String userId, @PathParam("exportId") String exportId);

    /** The archive as consent-service assembled it: passed on byte for byte, never re-serialized. */
    @GET
    @Path("/users/{userId}/exports/{exportId}/archive")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<byte[]> exportArchive(@PathParam("userId") String userId, @PathParam("exportId") String exportId);

    @POST
    @Path("/users/{userId}/erasure")
    Uni<JsonNode> startErasure(@PathParam("userId") String userId);

    @GET
    @Path("/users/{userId}/erasure/{erasureId}")
    Uni<JsonNode> erasure(@PathParam("userId") String userId, @PathParam("erasureId") String erasureId);
}
