package io.serenade.kit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.ConnectException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Turns every failure a service's resources raise into an RFC 9457 problem+json response: never a stack trace, never
 * a parser's message naming Java types, never an internal URL. One set for every service; a service adds mappers only
 * for its own exceptions.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        return invalid(e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList(), uri);
    }

    /** A 400 naming each offending field. */
    public static Response invalid(List<Problem.FieldError> errors, UriInfo uri) {
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return problem(400, "validation", "Invalid request", "Invalid value for: " + fields, uri, errors);
    }

    /** Input InputGuard refuses: control characters, or a field naming a user on a member's own route. */
    @ServerExceptionMapper
    public Response invalidInput(InputGuard.InvalidInput e, UriInfo uri) {
        return invalid(e.errors(), uri);
    }

    /** A body that is not JSON, or JSON of the wrong shape: the client gets the offending field and what is wrong. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (!(e instanceof JsonMappingException m)) {
            return problem(400, "malformed-body", "Malformed request body", "The body is not valid JSON", uri,
                    List.of(new Problem.FieldError("body", "must be valid JSON")));
        }
        String field = pathOf(m);
        if (field.isEmpty()) {
            return problem(400, "malformed-body", "Malformed request body", "The body does not have the expected shape", uri,
                    List.of(new Problem.FieldError("body", "must be a JSON object with this request's fields")));
        }
        String why = e instanceof UnrecognizedPropertyException ? "is not a field of this request"
                : e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()
                ? "must be one of the names " + List.of(f.getTargetType().getEnumConstants())
                : "has the wrong type";
        return problem(400, "malformed-body", "Malformed request body", "Invalid value for: " + field, uri,
                List.of(new Problem.FieldError(field, why)));
    }

    /** Declared apart because Quarkus ships its own (non-problem) mapper for exactly this type. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response unauthorizedAccess(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "This route is not open to the caller your token names", uri, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // The JSON reader reports a body it cannot parse as a bare 400 around the parser's exception.
        if (e.getCause() instanceof JsonProcessingException parse) {
            return unreadable(parse, uri);
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return problem(status, title.toLowerCase().replace(' ', '-'), title, e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e.getCause() instanceof ConnectException || e.getCause() instanceof TimeoutException) {
            // The class only: a REST client's message names the internal URL, which carries the user id.
            Log.warnf("downstream unavailable for %s: %s", uri == null ? null : uri.getPath(), e.getCause().getClass().getName());
            return unavailable(uri);
        }
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "unexpected failure, incident %s", incident);
        return problem(500, "internal", "Internal error", "Something failed on our side; incident " + incident, uri, null);
    }

    /** A 503 with Retry-After: a service this request needs is not answering. */
    public static Response unavailable(UriInfo uri) {
        return Response.fromResponse(problem(503, "unavailable", "Service unavailable",
                        "A service this request needs is not answering; try again shortly", uri, null))
                .header(HttpHeaders.RETRY_AFTER, 1).build();
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.fromResponse(problem(401, "unauthorized", "Unauthorized",
                        "A valid bearer token for Serenade is required", uri, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    public static Response problem(int status, String slug, String title, String detail, UriInfo uri,
                                   List<Problem.FieldError> errors) {
        Problem body = new Problem("urn:serenade:problem:" + slug, title, status, detail,
                uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /**
     * "replace.update.favouriteGenres[2].<list element>" → "favouriteGenres[2]", "home.genre[0].<list element>"
     * → "genre[0]": the path as the client sent it. The method is dropped, and so is a parameter that is a
     * body object (its properties follow); a plain parameter keeps its name.
     */
    private static String fieldOf(ConstraintViolation<?> v) {
        List<Path.Node> nodes = StreamSupport.stream(v.getPropertyPath().spliterator(), false).toList();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node n = nodes.get(i);
            ElementKind next = i + 1 < nodes.size() ? nodes.get(i + 1).getKind() : null;
            boolean bodyParameter = n.getKind() == ElementKind.PARAMETER && next == ElementKind.PROPERTY;
            if (n.getKind() == ElementKind.METHOD || bodyParameter) {
                continue;
            }
            if (n.getKind() != ElementKind.CONTAINER_ELEMENT && n.getName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(n.getName());
            }
            if (n.getIndex() != null) {
                field.append('[').append(n.getIndex()).append(']');
            } else if (n.getKey() != null) {
                field.append('.').append(n.getKey());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
