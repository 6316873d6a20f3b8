package io.serenade.gateway.rest;

import io.serenade.gateway.client.ConsentClient;
import io.serenade.gateway.config.GatewayConfig;
import io.serenade.gateway.service.Caller;
import io.serenade.kit.rest.Problem;
import io.serenade.kit.rest.ProblemMappers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The caller's data-use log: which of their data served which response, for which purpose, by which service. */
@Path("/api/v1/me/data-use")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class DataUseResource {

    /** Instants outside these years are no one's data use, and some stores cannot hold them: refused, not passed on. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private final Caller caller;
    private final ConsentClient consentService;
    private final Duration maxWindow;

    public DataUseResource(Caller caller, ConsentClient consentService, GatewayConfig config) {
        this.caller = caller;
        this.consentService = consentService;
        this.maxWindow = config.dataUse().maxWindow();
    }

    @GET
    @Operation(summary = "The caller's data-use records between from and to (ISO-8601 instants), newest first, paged",
            description = "from must not be after to, and they may be at most 366 days apart. Either may be left out.")
    public Uni<Response> dataUse(@QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("page") @DefaultValue("0") @Pattern(regexp = Paging.PAGE, message = Paging.PAGE_MESSAGE) String page,
                                 @QueryParam("size") @DefaultValue("50") @Pattern(regexp = Paging.SIZE_200, message = Paging.SIZE_200_MESSAGE) String size,
                                 UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                errors.add(new Problem.FieldError("from", "must not be after to"));
            } else if (Duration.between(start, end).compareTo(maxWindow) > 0) {
                errors.add(new Problem.FieldError("to", "must be at most " + maxWindow.toDays() + " days after from"));
            }
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(ProblemMappers.invalid(errors, uri));
        }
        return caller.userId().flatMap(userId -> consentService.dataUse(userId, text(start), text(end),
                        Integer.parseInt(page), Integer.parseInt(size)))
                .map(records -> Response.ok(records, MediaType.APPLICATION_JSON).build());
    }

    private static Instant instant(String name, String value, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            Instant t = Instant.parse(value);
            if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
                errors.add(new Problem.FieldError(name, "must be between 2000 and 2100"));
                return null;
            }
            return t;
        } catch (DateTimeException e) {
            errors.add(new Problem.FieldError(name, "must be an ISO-8601 instant such as 2026-11-23T21:15:00Z"));
            return null;
        }
    }

    /** Sent on in one canonical form, whatever offset or precision the client wrote. */
    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
