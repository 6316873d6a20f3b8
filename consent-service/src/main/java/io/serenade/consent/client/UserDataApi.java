package io.serenade.consent.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.events.userdata.UserDataSummary;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * The routes every data-holding service offers about what it holds for a user (the contract of
 * {@link UserDataSummary} and {@code UserDataExport}). One REST client per service extends it, only to name
 * its configuration key.
 */
public interface UserDataApi {

    @GET
    @Path("/internal/users/{userId}/data")
    Uni<UserDataSummary> data(@PathParam("userId") String userId);

    /** Kept as JSON as the service wrote it: the archive passes it on untouched. */
    @GET
    @Path("/internal/users/{userId}/export")
    Uni<JsonNode> export(@PathParam("userId") String userId);
}
