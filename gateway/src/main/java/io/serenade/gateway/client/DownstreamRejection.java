package io.serenade.gateway.client;

/**
 * A service refused a request (4xx): the caller's mistake, passed back to the client as the service's own
 * problem. Never counts against a circuit breaker and is never retried.
 */
public class DownstreamRejection extends RuntimeException {

    private final int status;
    private final String body;

    public DownstreamRejection(int status, String body) {
        super("downstream refused with " + status, null, false, false);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The service's problem+json, as sent. */
    public String body() {
        return body;
    }
}
