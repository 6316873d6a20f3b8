package io.serenade.gateway.service;

/**
 * A response body and the id of the data-use record made for it, returned to the client as
 * {@value #REQUEST_ID_HEADER} so what they were shown can be found in their data-use log.
 *
 * @param requestId null when no personal data was used for a purpose (nothing was recorded)
 */
public record Personalized<T>(T body, String requestId) {

    public static final String REQUEST_ID_HEADER = "Serenade-Request-Id";
}
