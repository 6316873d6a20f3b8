package io.serenade.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serenade.gateway.api.EventsAccepted;
import io.serenade.gateway.config.GatewayConfig;
import io.serenade.gateway.intake.EventIntake;
import io.serenade.gateway.service.Caller;
import io.serenade.gateway.service.EventService;
import io.serenade.kit.rest.Problem;
import io.serenade.kit.rest.ProblemMappers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Interaction events from client apps, for the caller only. */
@Path("/api/v1/me/events")
@RolesAllowed("user")
public class MeEventsResource {

    private final Caller caller;
    private final EventService events;
    private final EventIntake intake;
    private final ObjectMapper json;
    private final int maxBodyBytes;

    public MeEventsResource(Caller caller, EventService events, ObjectMapper json, GatewayConfig config) {
        this.caller = caller;
        this.events = events;
        this.json = json;
        GatewayConfig.Events limits = config.events();
        this.intake = new EventIntake(limits.maxBatchSize(), limits.maxFutureSkew(), limits.maxAge());
        this.maxBodyBytes = limits.maxBodyBytes();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record one event or a batch of up to 500",
            description = "All or nothing: any invalid event rejects the batch with a problem naming each field. "
                    + "The user is the token's subject. eventId (a client-chosen UUID) makes retries safe.")
    public Uni<Response> record(byte[] body, UriInfo uri) {
        // The body is read as bytes so its size is judged here, with a problem body, before any parsing.
        if (body.length > maxBodyBytes) {
            return Uni.createFrom().item(ProblemMappers.problem(413, "body-too-large", "Request body too large",
                    "The body is " + body.length + " bytes; at most " + maxBodyBytes + " are accepted", uri,
                    List.of(new Problem.FieldError("body", "must be at most " + maxBodyBytes + " bytes"))));
        }
        return caller.userId().flatMap(userId -> {
            JsonNode tree;
            try {
                tree = json.readTree(body);
            } catch (IOException e) {
                return Uni.createFrom().item(ProblemMappers.problem(400, "malformed-body", "Malformed request body",
                        "The body is not valid JSON", uri, List.of(new Problem.FieldError("body", "must be JSON"))));
            }
            EventIntake.Result result = intake.read(tree, userId, Instant.now());
            if (!result.valid()) {
                return Uni.createFrom().item(ProblemMappers.invalid(result.errors().stream()
                        .map(e -> new Problem.FieldError(e.field(), e.message())).toList(), uri));
            }
            return events.record(userId, result.events())
                    .map(n -> Response.accepted(new EventsAccepted(n)).type(MediaType.APPLICATION_JSON).build());
        });
    }
}
