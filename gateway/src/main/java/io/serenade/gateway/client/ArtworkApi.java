package io.serenade.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.serenade.events.GrantedPurposes;
import io.serenade.gateway.api.ArtworkChoices;
import io.serenade.kit.json.TolerantAnswers;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** artwork-service's internal routes. {@code purposes} is a signed {@link GrantedPurposes#HEADER} value. */
@OidcClientFilter // the caller's service identity (client credentials) on every call
@RegisterProvider(TolerantAnswers.class) // answers are read tolerantly, requests stay strict
@RegisterRestClient(configKey = "artwork")
@RegisterProvider(DownstreamErrors.class)
@Path("/internal")
public interface ArtworkApi {

    @POST
    @Path("/choices")
    Uni<ArtworkChoices.Response> choose(ArtworkChoices.Request request, @HeaderParam(GrantedPurposes.HEADER) String purposes);

    @GET
    @Path("/titles/{titleId}/artwork")
    Uni<JsonNode> variants(@PathParam("titleId") String titleId);

    @PUT
    @Path("/titles/{titleId}/artwork/{artworkId}")
    Uni<JsonNode> putVariant(@PathParam("titleId") String titleId, @PathParam("artworkId") String artworkId, JsonNode variant);

    @GET
    @Path("/artwork/{artworkId}.svg")
    @Produces("image/svg+xml")
    Uni<String> poster(@PathParam("artworkId") String artworkId);
}
