package io.serenade.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** profile-service's internal routes. */
@RegisterRestClient(configKey = "profile")
@RegisterProvider(DownstreamErrors.class)
@Path("/internal/users/{userId}")
public interface ProfileApi {

    @GET
    @Path("/profile")
    Uni<JsonNode> profile(@PathParam("userId") String userId);

    @PUT
    @Path("/profile")
    Uni<JsonNode> putProfile(@PathParam("userId") String userId, JsonNode profile);

    @GET
    @Path("/history")
    Uni<JsonNode> history(@PathParam("userId") String userId, @QueryParam("page") int page, @QueryParam("size") int size);

    @DELETE
    @Path("/history/{eventId}")
    Uni<Void> forget(@PathParam("userId") String userId, @PathParam("eventId") String eventId);
}
