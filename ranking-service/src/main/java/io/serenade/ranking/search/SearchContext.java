package io.serenade.ranking.search;

import io.serenade.ranking.recommend.HistoryEvent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What personalization may know for one search: the user's history (only with their {@code personalization}
 * consent), the device and the user's local hour (0-23) of this request, and the time it is now.
 *
 * <p>Without consent the history is dropped here, unread, so no ranking code can see it by mistake.
 * {@code device} and {@code localHour} may be null when the client did not send them.
 */
public record SearchContext(boolean personalized, List<HistoryEvent> history, String device, Integer localHour,
                            Instant now) {

    public SearchContext {
        Objects.requireNonNull(now, "now");
        if (localHour != null && (localHour < 0 || localHour > 23)) {
            throw new IllegalArgumentException("localHour must be 0-23, was " + localHour);
        }
        history = personalized && history != null ? List.copyOf(history) : List.of();
        device = device == null || device.isBlank() ? null : device;
    }

    /** A search by a user who has not consented to personalization (or is not signed in). */
    public static SearchContext notPersonalized(Instant now) {
        return new SearchContext(false, null, null, null, now);
    }
}
