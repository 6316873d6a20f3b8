package io.serenade.events.userdata;

import java.time.Instant;
import java.util.List;

/**
 * What one service holds about one user, per data category: the answer of its
 * {@code GET /internal/users/{userId}/data} route, which consent-service combines into the user's transparency
 * view. Counts and dates only: no personal data travels in a summary.
 */
public record UserDataSummary(int version, String service, List<Holding> holdings) {

    public static final int VERSION = 1;

    public UserDataSummary {
        version = version == 0 ? VERSION : version;
        holdings = holdings == null ? List.of() : List.copyOf(holdings);
    }

    /**
     * @param category a {@link io.serenade.events.DataCategories} name
     * @param store    where it is kept, e.g. {@code postgresql:interactions} or {@code redis:aw:taste}
     * @param oldest   when the oldest record was made, null if there is none or it is not dated
     */
    public record Holding(String category, String store, long count, Instant oldest, Instant newest) {
    }
}
