package io.serenade.kit.consent;

import java.time.Instant;
import java.util.List;

/**
 * A service's own copy of one user's consent: the purposes granted as of {@code changedAt} (consent-service's time
 * of the change), applied here at {@code appliedAt}. No view means nothing is granted.
 */
public record ConsentView(String userId, List<String> purposes, Instant changedAt, Instant appliedAt) {

    public ConsentView {
        purposes = List.copyOf(purposes);
    }

    public boolean permits(String purpose) {
        return purposes.contains(purpose);
    }
}
