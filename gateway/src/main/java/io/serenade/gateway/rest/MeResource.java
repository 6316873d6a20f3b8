package io.serenade.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serenade.events.InteractionContext;
import io.serenade.gateway.api.ConsentChoices;
import io.serenade.gateway.api.HomePage;
import io.serenade.gateway.api.ProfileUpdate;
import io.serenade.gateway.client.ConsentClient;
import io.serenade.gateway.client.ProfileClient;
import io.serenade.gateway.service.Caller;
import io.serenade.gateway.service.ConsentLookup;
import io.serenade.gateway.service.HomeService;
import io.serenade.gateway.service.Personalized;
import io.serenade.gateway.service.SearchService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.LocalTime;
import java.util.UUID;

/** The caller's own home page, search, profile, history and consents. Every user id here is the token's subject. */
@Path("/api/v1/me")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    static final String DEVICE = "[a-z][a-z0-9-]{0,19}";
    static final String DEVICE_MESSAGE = "must be a device kind such as tv";
    static final String EVENT_ID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String EVENT_ID_MESSAGE = "must be an event id (a UUID)";
    static final String LIMIT_50 = "[1-9]|[1-4][0-9]|50";
    static final String LIMIT_50_MESSAGE = "must be a number of results from 1 to 50";

    private final Caller caller;
    private final HomeService home;
    private final SearchService search;
    private final ProfileClient profileService;
    private final ConsentClient consentService;
    private final ConsentLookup consentLookup;
    private final ObjectMapper json;

    public MeResource(Caller caller, HomeService home, SearchService search, ProfileClient profileService,
                      ConsentClient consentService, ConsentLookup consentLookup, ObjectMapper json) {
        this.json = json;
        this.caller = caller;
        this.home = home;
        this.search = search;
        this.profileService = profileService;
        this.consentService = consentService;
        this.consentLookup = consentLookup;
    }

    @GET
    @Path("/home")
    @Operation(summary = "Personalized home rows, each title with its reason and the artwork chosen for the caller",
            description = "When the page used personal data for a purpose, the Serenade-Request-Id header names "
                    + "its record in the caller's data-use log.")
    public Uni<RestResponse<HomePage>> home(@QueryParam("device") @Pattern(regexp = DEVICE, message = DEVICE_MESSAGE) String device,
                              @QueryParam("locale") @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?", message = "must be a language tag such as en-GB") String locale,
                              @QueryParam("timeZone") @Pattern(regexp = "[A-Za-z_]+(/[A-Za-z0-9_+-]+){0,2}", message = "must be an IANA time-zone id") String timeZone,
                              @QueryParam("localTime") @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time of day such as 21:15") String localTime) {
        InteractionContext context = new InteractionContext(device, locale, timeZone,
                localTime == null ? null : LocalTime.parse(localTime));
        return caller.userId().flatMap(userId -> home.home(userId, context)).map(MeResource::withRequestId);
    }

    @GET
    @Path("/search")
    @Operation(summary = "Titles matching q, ordered for the caller as far as their consents allow",
            description = "q is trimmed and must then be 2 to 100 characters. The caller's maturity limit and local "
                    + "hour come from their profile. Serenade-Request-Id names the data-use record, if any.")
    public Uni<RestResponse<JsonNode>> search(@QueryParam("q") @NotNull(message = "is required") @SearchText String q,
                                @QueryParam("device") @Pattern(regexp = DEVICE, message = DEVICE_MESSAGE) String device,
                                @QueryParam("limit") @DefaultValue("20") @Pattern(regexp = LIMIT_50, message = LIMIT_50_MESSAGE) String limit) {
        return caller.userId().flatMap(userId -> search.search(userId, q.trim(), device, Integer.parseInt(limit)))
                .map(MeResource::withRequestId);
    }

    @GET
    @Path("/profile")
    public Uni<JsonNode> profile() {
        return caller.userId().flatMap(profileService::profile);
    }

    @PUT
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the caller's profile: displayName, locale, timeZone, maturityRating, favouriteGenres")
    public Uni<JsonNode> putProfile(@NotNull(message = "must be a profile object") @JsonObject JsonNode profile) {
        // Read as a tree first, so that InputGuard names even a nested offender (a user field at any depth); then as
        // the typed body, so that a field the profile does not have is a 400 here and never reaches profile-service.
        ProfileUpdate update;
        try {
            update = json.treeToValue(profile, ProfileUpdate.class);
        } catch (JsonProcessingException unknownOrMistyped) {
            return Uni.createFrom().failure(unknownOrMistyped); // the kit's mapper names the field
        }
        return caller.userId().flatMap(userId -> profileService.putProfile(userId, update));
    }

    @GET
    @Path("/history")
    @Operation(summary = "The caller's interaction history, newest first")
    public Uni<JsonNode> history(@QueryParam("page") @DefaultValue("0") @Pattern(regexp = Paging.PAGE, message = Paging.PAGE_MESSAGE) String page,
                                 @QueryParam("size") @DefaultValue("50") @Pattern(regexp = Paging.SIZE_200, message = Paging.SIZE_200_MESSAGE) String size) {
        return caller.userId().flatMap(userId -> profileService.history(userId, Integer.parseInt(page), Integer.parseInt(size)));
    }

    @DELETE
    @Path("/history/{eventId}")
    @Operation(summary = "Forget one event of the caller's history: it no longer shapes what they are shown",
            description = "204 when forgotten; 404 when the caller's history has no such event.")
    public Uni<Void> forget(@PathParam("eventId") @Pattern(regexp = EVENT_ID, message = EVENT_ID_MESSAGE) String eventId) {
        String canonical = UUID.fromString(eventId).toString();
        return caller.userId().flatMap(userId -> profileService.forget(userId, canonical));
    }

    @GET
    @Path("/consents")
    @Operation(summary = "The caller's consent per purpose")
    public Uni<JsonNode> consents() {
        return caller.userId().flatMap(consentService::consents);
    }

    @PUT
    @Path("/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant, deny or withdraw consent for purposes: {\"consents\": {\"personalization\": \"GRANTED\"}}")
    public Uni<JsonNode> putConsents(@Valid @NotNull(message = "must be a consents object") ConsentChoices consents) {
        // The answer is the new state: cached at once, so the caller's next request already obeys it.
        return caller.userId().flatMap(userId -> consentService.putConsents(userId, consents)
                .call(view -> consentLookup.remember(userId, view)));
    }

    @GET
    @Path("/consents/history")
    @Operation(summary = "Every consent decision the caller made, newest first")
    public Uni<JsonNode> consentHistory(@QueryParam("page") @DefaultValue("0") @Pattern(regexp = Paging.PAGE, message = Paging.PAGE_MESSAGE) String page,
                                        @QueryParam("size") @DefaultValue("50") @Pattern(regexp = Paging.SIZE_200, message = Paging.SIZE_200_MESSAGE) String size) {
        return caller.userId().flatMap(userId -> consentService.consentHistory(userId, Integer.parseInt(page), Integer.parseInt(size)));
    }

    static <T> RestResponse<T> withRequestId(Personalized<T> answer) {
        RestResponse.ResponseBuilder<T> ok = RestResponse.ResponseBuilder.ok(answer.body());
        if (answer.requestId() != null) {
            ok.header(Personalized.REQUEST_ID_HEADER, answer.requestId());
        }
        return ok.build();
    }
}
