package io.serenade.kit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem detail: the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending input: {@code field} is its path in the request (body, path or query). */
    public record FieldError(String field, String message) {
    }
}
