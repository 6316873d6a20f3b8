package io.serenade.gateway.client;

/** A service failed (5xx): retried where safe, counted by the circuit breaker, shown as 503. */
public class DownstreamFailure extends RuntimeException {

    public DownstreamFailure(String service, int status) {
        super(service + " answered " + status, null, false, false);
    }
}
