package io.serenade.consent.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.serenade.consent.api.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Turns every failure into an RFC 9457 problem+json response; never a stack trace. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return problem(400, "validation", "Invalid request", "Invalid value for: " + fields, uri, errors);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return problem(400, "validation", "Invalid request", "Invalid value for: " + e.field(), uri,
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : null;
        String detail = field == null || field.isEmpty()
                ? "The body is not valid JSON: " + e.getOriginalMessage()
                : "Invalid value for: " + field;
        List<Problem.FieldError> errors = field == null || field.isEmpty() ? null
                : List.of(new Problem.FieldError(field, e.getOriginalMessage()));
        return problem(400, "malformed-body", "Malformed request body", detail, uri, errors);
    }

    /** Declared apart because Quarkus ships its own (non-problem) mapper for exactly this type. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
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
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "unexpected failure, incident %s", incident);
        return problem(500, "internal", "Internal error", "Something failed on our side; incident " + incident, uri, null);
    }

    static Response problem(int status, String slug, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
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
