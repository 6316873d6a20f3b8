package io.serenade.consent.rest;

import io.serenade.consent.api.DataUsePage;
import io.serenade.consent.config.ConsentConfig;
import io.serenade.consent.service.DataUseService;
import io.serenade.kit.identity.Callers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

import static io.serenade.consent.rest.Params.PAGE;
import static io.serenade.consent.rest.Params.PAGE_MESSAGE;
import static io.serenade.consent.rest.Params.SIZE;
import static io.serenade.consent.rest.Params.SIZE_MESSAGE;
import static io.serenade.consent.rest.Params.USER_ID;
import static io.serenade.consent.rest.Params.USER_ID_MESSAGE;

/** A user's data-use log, for the gateway acting on the user's behalf (see {@link ConsentResource} on access). */
@Path("/internal/users/{userId}/data-use")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Callers.GATEWAY)
public class DataUseResource {

    private final DataUseService dataUse;
    private final ConsentConfig config;

    public DataUseResource(DataUseService dataUse, ConsentConfig config) {
        this.dataUse = dataUse;
        this.config = config;
    }

    /**
     * Records that occurred within [from, to], newest first. Without {@code to}, up to now; without {@code from},
     * the default window (30 days) before {@code to}.
     */
    @GET
    public Uni<DataUsePage> page(@PathParam("userId") @Pattern(regexp = USER_ID, message = USER_ID_MESSAGE) String userId,
                                 @QueryParam("from") String from,
                                 @QueryParam("to") String to,
                                 @QueryParam("page") @DefaultValue("0") @Pattern(regexp = PAGE, message = PAGE_MESSAGE) String page,
                                 @QueryParam("size") @DefaultValue("50") @Pattern(regexp = SIZE, message = SIZE_MESSAGE) String size) {
        Instant until = Params.instant("to", to);
        Instant since = Params.instant("from", from);
        until = until == null ? Instant.now() : until;
        since = since == null ? until.minus(config.dataUse().defaultWindow()) : since;
        if (since.isAfter(until)) {
            throw new InvalidParameterException("from", "must not be after to");
        }
        return dataUse.page(userId, since, until, Integer.parseInt(page), Integer.parseInt(size));
    }
}
