package io.serenade.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** consent-service's internal routes. */
@RegisterRestClient(configKey = "consent")
@RegisterProvider(DownstreamErrors.class)
@Path("/internal/users/{userId}/consents")
public interface ConsentApi {

    @GET
    Uni<JsonNode> consents(@PathParam("userId") String userId);

    @PUT
    Uni<JsonNode> putConsents(@PathParam("userId") String userId, JsonNode consents);

    @GET
    @Path("/history")
    Uni<JsonNode> history(@PathParam("userId") String userId, @QueryParam("page") int page, @QueryParam("size") int size);
}
