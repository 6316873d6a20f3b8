package io.serenade.events;

import java.time.Instant;
import java.util.UUID;

/** consent-service asks every service to delete everything it holds about a user. Key: user id. */
public record ErasureRequested(int version, UUID erasureId, String userId, Instant requestedAt) {

    public static final int VERSION = 1;

    public ErasureRequested {
        version = version == 0 ? VERSION : version;
    }
}
