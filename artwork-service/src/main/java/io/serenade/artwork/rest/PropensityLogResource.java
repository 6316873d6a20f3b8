package io.serenade.artwork.rest;

import io.serenade.artwork.service.PropensityExport;
import io.serenade.kit.identity.Callers;
import io.serenade.kit.rest.Problem;
import io.serenade.kit.rest.ProblemMappers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The propensity log for off-line evaluation, in the Open Bandit Dataset's CSV layout (operators only: the
 * gateway does not expose it; the rows carry no user id). Access: see {@link ArtworkResource}.
 */
@Path("/internal/propensity-log.csv")
@RolesAllowed(Callers.OPERATOR)
public class PropensityLogResource {

    /** One export covers at most this span, so a request cannot make the service build an unbounded file. */
    static final Duration MAX_SPAN = Duration.ofDays(31);

    private final PropensityExport export;

    public PropensityLogResource(PropensityExport export) {
        this.export = export;
    }

    @GET
    @Produces("text/csv")
    // Drawn artwork choices in [from, to) (ISO-8601 instants; default the last 24 hours) whose reward window has
    // closed (includeOpen=true: all), as Open Bandit Dataset CSV.
    public Uni<Response> export(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("includeOpen") @DefaultValue("false") boolean includeOpen, @Context UriInfo uri) {
        Instant end;
        Instant start;
        try {
            end = to == null ? Instant.now() : Instant.parse(to);
        } catch (DateTimeParseException e) {
            return bad(uri, "to", "must be an ISO-8601 instant such as 2026-11-24T00:00:00Z");
        }
        try {
            start = from == null ? end.minus(Duration.ofDays(1)) : Instant.parse(from);
        } catch (DateTimeParseException e) {
            return bad(uri, "from", "must be an ISO-8601 instant such as 2026-11-23T00:00:00Z");
        }
        if (!start.isBefore(end)) {
            return bad(uri, "from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            return bad(uri, "from", "must be at most 31 days before to");
        }
        return export.csv(start, end, includeOpen).map(csv -> Response.ok(csv, "text/csv").build());
    }

    private static Uni<Response> bad(UriInfo uri, String field, String message) {
        return Uni.createFrom().item(ProblemMappers.problem(400, "bad-request", "Bad Request", field + " " + message,
                uri, List.of(new Problem.FieldError(field, message))));
    }
}
