package io.serenade.profile.api;

import java.time.Instant;
import java.util.List;

/** The stored profile row, as it goes into a user's export. */
public record ExportedProfile(String userId, String displayName, String locale, String timeZone, String maturityRating,
                              List<String> favouriteGenres, double diversity, Instant createdAt, Instant updatedAt) {
}
