package io.serenade.gateway.api;

/**
 * The 403 problem of a route that needs a purpose the user has not granted; {@code purpose} (an RFC 9457
 * extension member) names it, so a client can offer the consent rather than show an error.
 */
public record ConsentRequiredProblem(String type, String title, int status, String detail, String instance, String purpose) {
}
