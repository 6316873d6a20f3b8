package io.serenade.profile.api;

import java.time.Instant;
import java.util.List;

/**
 * profile-service's own view of a user's consent: the purposes granted as of {@code changedAt} (when the user
 * changed them), applied here at {@code appliedAt}.
 */
public record ConsentViewResponse(String userId, List<String> purposes, Instant changedAt, Instant appliedAt) {
}
