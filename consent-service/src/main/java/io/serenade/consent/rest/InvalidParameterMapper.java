package io.serenade.consent.rest;

import io.serenade.kit.rest.Problem;
import io.serenade.kit.rest.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** consent-service's one exception of its own beside the kit's {@link ProblemMappers}: a 400 naming the parameter. */
public class InvalidParameterMapper {

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return ProblemMappers.problem(400, "validation", "Invalid request", "Invalid value for: " + e.field(), uri,
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }
}
