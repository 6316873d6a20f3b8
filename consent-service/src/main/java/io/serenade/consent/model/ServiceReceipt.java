package io.serenade.consent.model;

import java.time.Instant;
import java.util.Map;

/** What one service reported having deleted for an erasure. Holds no user id, by design. */
public record ServiceReceipt(String service, Map<String, Long> deletedPerStore, String digest, Instant completedAt) {
}
