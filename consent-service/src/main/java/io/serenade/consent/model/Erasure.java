package io.serenade.consent.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One erasure of a user's data across the services. {@code userId} is kept only while services still have to
 * answer (to ask them again); {@code userHash} stays, so that the user can fetch the receipt afterwards.
 */
public record Erasure(UUID id, String userId, String userHash, String status, Instant requestedAt, Instant completedAt,
                      int attempts) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
}
