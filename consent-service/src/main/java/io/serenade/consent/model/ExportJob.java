package io.serenade.consent.model;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One export of a user's data: its state, the progress of each part (service → PENDING, DONE or FAILED) and
 * its dates. The archive itself is stored beside it and read only on download.
 */
public record ExportJob(UUID id, String userId, String status, Map<String, String> progress, Instant createdAt,
                        Instant completedAt, Instant expiresAt) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    public static final String PENDING = "PENDING";
}
