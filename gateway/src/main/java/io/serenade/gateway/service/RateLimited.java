package io.serenade.gateway.service;

/** The caller spent their request budget; retry after the given seconds. */
public class RateLimited extends RuntimeException {

    private final long retryAfterSeconds;

    public RateLimited(long retryAfterSeconds) {
        super("rate limit reached", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
