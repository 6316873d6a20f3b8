package io.serenade.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serenade.kit.rest.Problem;
import io.serenade.kit.rest.ProblemMappers;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the routes that start a job for the caller (an export, an erasure) share. They take no options: the body
 * is empty (with any content type, or none: clients differ on what a bare POST carries) or the JSON {@code {}},
 * and anything else is refused rather than ignored, so a client that believes it asked for something the route
 * does not do learns so before a job starts. The job's id, from consent-service, makes
 * the Location of its status; an id of any other shape is not put in a header.
 */
final class JobStart {

    static final String UUID = MeResource.EVENT_ID;
    static final String UUID_MESSAGE = "must be a UUID";
    private static final Pattern JOB_ID = Pattern.compile(UUID);

    private JobStart() {
    }

    /** The problem with this body, or null when it asks for nothing. */
    static Response refusal(byte[] body, String contentType, ObjectMapper json, UriInfo uri) {
        if (body == null || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        if (!isJson(contentType)) {
            return ProblemMappers.problem(415, "unsupported-media-type", "Unsupported Media Type",
                    "A body, if any, must be application/json", uri, null);
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            return ProblemMappers.problem(400, "malformed-body", "Malformed request body", "The body is not valid JSON",
                    uri, List.of(new Problem.FieldError("body", "must be empty or {}")));
        }
        if (tree == null || tree.isMissingNode()) {
            return null;
        }
        if (!tree.isObject()) {
            return ProblemMappers.invalid(List.of(new Problem.FieldError("body", "must be empty or {}")), uri);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            errors.add(new Problem.FieldError(names.next(), "is not an option of this request (it takes none)"));
        }
        return errors.isEmpty() ? null : ProblemMappers.invalid(errors, uri);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype() && MediaType.APPLICATION_JSON_TYPE.isCompatible(type);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** 202 with the job's state, and its status route as Location when the id is one. */
    static Response accepted(JsonNode job, String statusPath) {
        Response.ResponseBuilder accepted = Response.accepted(job).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        JsonNode id = job == null ? null : job.path("id");
        if (id != null && id.isTextual() && JOB_ID.matcher(id.textValue()).matches()) {
            accepted.header("Location", statusPath + "/" + id.textValue().toLowerCase());
        }
        return accepted.build();
    }

    /** A UUID in its canonical form: what the services store and compare. */
    static String canonical(String id) {
        return java.util.UUID.fromString(id).toString();
    }
}
