package io.serenade.consent.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An export job as the user follows it.
 *
 * @param status   RUNNING, then DONE (the archive can be downloaded; a part that could not be fetched is FAILED
 *                 in {@code progress} and listed in the archive's {@code missing}) or FAILED (no archive)
 * @param progress per part (profile-service, ranking-service, artwork-service, consent-service): PENDING, DONE or FAILED
 */
public record ExportView(UUID id, String status, Map<String, String> progress, Instant createdAt, Instant completedAt,
                         Instant expiresAt) {
}
