package io.serenade.consent.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.events.userdata.UserDataSummary;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** profile-service's routes about what it holds for a user. */
@RegisterRestClient(configKey = "profile")
@Path("/internal/users/{userId}")
public interface ProfileApi {

    @GET
    @Path("/data")
    Uni<UserDataSummary> data(@PathParam("userId") String userId);

    /** Kept as JSON as the service wrote it: the archive passes it on untouched. */
    @GET
    @Path("/export")
    Uni<JsonNode> export(@PathParam("userId") String userId);
}
