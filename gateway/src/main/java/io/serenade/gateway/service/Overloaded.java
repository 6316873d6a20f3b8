package io.serenade.gateway.service;

/** The gateway cannot take more work right now; the client should retry shortly (503 with Retry-After). */
public class Overloaded extends RuntimeException {

    public Overloaded(String reason) {
        super(reason, null, false, false);
    }
}
