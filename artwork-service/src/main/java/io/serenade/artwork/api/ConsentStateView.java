package io.serenade.artwork.api;

import java.time.Instant;
import java.util.List;

/**
 * artwork-service's own view of a user's consent, as fed by the consent topic: the granted purposes as of
 * {@code changedAt} (when consent-service recorded the change) and {@code appliedAt} (when this service applied it).
 */
public record ConsentStateView(String userId, List<String> purposes, Instant changedAt, Instant appliedAt) {
}
