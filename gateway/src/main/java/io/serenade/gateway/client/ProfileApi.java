package io.serenade.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.serenade.gateway.api.NotificationDecisionRequest;
import io.serenade.gateway.api.NotificationSettings;
import io.serenade.gateway.api.ProfileUpdate;
import io.serenade.kit.json.TolerantAnswers;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** profile-service's internal routes. */
@OidcClientFilter // the caller's service identity (client credentials) on every call
@RegisterProvider(TolerantAnswers.class) // answers are read tolerantly, requests stay strict
@RegisterRestClient(configKey = "profile")
@RegisterProvider(DownstreamErrors.class)
@Path("/internal")
public interface ProfileApi {

    @GET
    @Path("/users/{userId}/profile")
    Uni<JsonNode> profile(@PathParam("userId") String userId);

    @PUT
    @Path("/users/{userId}/profile")
    Uni<JsonNode> putProfile(@PathParam("userId") String userId, ProfileUpdate profile);

    @GET
    @Path("/users/{userId}/history")
    Uni<JsonNode> history(@PathParam("userId") String userId, @QueryParam("page") int page, @QueryParam("size") int size);

    @DELETE
    @Path("/users/{userId}/history/{eventId}")
    Uni<Void> forget(@PathParam("userId") String userId, @PathParam("eventId") String eventId);

    @POST
    @Path("/notifications/decisions")
    Uni<JsonNode> decide(NotificationDecisionRequest request);

    @GET
    @Path("/users/{userId}/notifications/settings")
    Uni<JsonNode> notificationSettings(@PathParam("userId") String userId);

    @PUT
    @Path("/users/{userId}/notifications/settings")
    Uni<JsonNode> putNotificationSettings(@PathParam("userId") String userId, NotificationSettings settings);

    @GET
    @Path("/users/{userId}/notifications/decisions")
    Uni<JsonNode> notificationDecisions(@PathParam("userId") String userId, @QueryParam("page") int page,
                                        @QueryParam("size") int size);
}
