package io.serenade.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.events.InteractionContext;
import io.serenade.gateway.api.HomePage;
import io.serenade.gateway.client.Downstream;
import io.serenade.gateway.service.Caller;
import io.serenade.gateway.service.HomeService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalTime;

/** The caller's own home page, profile, history and consents. Every user id here is the token's subject. */
@Path("/api/v1/me")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final Caller caller;
    private final HomeService home;
    private final Downstream downstream;

    public MeResource(Caller caller, HomeService home, Downstream downstream) {
        this.caller = caller;
        this.home = home;
        this.downstream = downstream;
    }

    @GET
    @Path("/home")
    @Operation(summary = "Personalized home rows, each title with its reason and the artwork chosen for the caller")
    public Uni<HomePage> home(@QueryParam("device") @Pattern(regexp = "[a-z][a-z0-9-]{0,19}", message = "must be a device kind such as tv") String device,
                              @QueryParam("locale") @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?", message = "must be a language tag such as en-GB") String locale,
                              @QueryParam("timeZone") @Pattern(regexp = "[A-Za-z_]+(/[A-Za-z0-9_+-]+){0,2}", message = "must be an IANA time-zone id") String timeZone,
                              @QueryParam("localTime") @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time of day such as 21:15") String localTime) {
        InteractionContext context = new InteractionContext(device, locale, timeZone,
                localTime == null ? null : LocalTime.parse(localTime));
        return caller.userId().flatMap(userId -> home.home(userId, context));
    }

    @GET
    @Path("/profile")
    public Uni<JsonNode> profile() {
        return caller.userId().flatMap(downstream::profile);
    }

    @PUT
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the caller's profile: displayName, locale, timeZone, maturityRating, favouriteGenres")
    public Uni<JsonNode> putProfile(@NotNull(message = "must be a profile object") @JsonObject JsonNode profile) {
        return caller.userId().flatMap(userId -> downstream.putProfile(userId, profile));
    }

    @GET
    @Path("/history")
    @Operation(summary = "The caller's interaction history, newest first")
    public Uni<JsonNode> history(@QueryParam("page") @DefaultValue("0") @Pattern(regexp = Paging.PAGE, message = Paging.PAGE_MESSAGE) String page,
                                 @QueryParam("size") @DefaultValue("50") @Pattern(regexp = Paging.SIZE_200, message = Paging.SIZE_200_MESSAGE) String size) {
        return caller.userId().flatMap(userId -> downstream.history(userId, Integer.parseInt(page), Integer.parseInt(size)));
    }

    @GET
    @Path("/consents")
    @Operation(summary = "The caller's consent per purpose")
    public Uni<JsonNode> consents() {
        return caller.userId().flatMap(downstream::consents);
    }

    @PUT
    @Path("/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant, deny or withdraw consent for purposes: {\"consents\": {\"personalization\": \"GRANTED\"}}")
    public Uni<JsonNode> putConsents(@NotNull(message = "must be a consents object") @JsonObject JsonNode consents) {
        return caller.userId().flatMap(userId -> downstream.putConsents(userId, consents));
    }

    @GET
    @Path("/consents/history")
    @Operation(summary = "Every consent decision the caller made, newest first")
    public Uni<JsonNode> consentHistory(@QueryParam("page") @DefaultValue("0") @Pattern(regexp = Paging.PAGE, message = Paging.PAGE_MESSAGE) String page,
                                        @QueryParam("size") @DefaultValue("50") @Pattern(regexp = Paging.SIZE_200, message = Paging.SIZE_200_MESSAGE) String size) {
        return caller.userId().flatMap(userId -> downstream.consentHistory(userId, Integer.parseInt(page), Integer.parseInt(size)));
    }
}
