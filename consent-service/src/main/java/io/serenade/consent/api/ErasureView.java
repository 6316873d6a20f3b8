package io.serenade.consent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A user's combined erasure receipt: each service's answer and, once all have answered, a digest over theirs.
 *
 * @param status   RUNNING, DONE (every service answered) or FAILED (some did not answer after the retries; they
 *                 are still asked, more slowly, and the erasure becomes DONE when they answer)
 * @param services every service that holds personal data, in a fixed order
 * @param missing  the services that have not answered yet
 * @param digest   {@code sha256:<hex>} over the erasure id and each service's digest; null until DONE
 */
public record ErasureView(UUID id, String status, Instant requestedAt, Instant completedAt, int attempts,
                          Map<String, ServiceStatus> services, List<String> missing, String digest) {

    /**
     * @param status  PENDING (no receipt yet) or DONE; the rest is null while PENDING
     * @param pending stores where the deletion is written but completes later, with when: a compacted topic's
     *                tombstone ("compaction pending until …", then "compacted by …"); null when there is none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceStatus(String status, Map<String, Long> deletedPerStore, String digest, Instant completedAt,
                                Map<String, String> pending) {
    }
}
