package io.serenade.profile.api;

import java.time.Instant;
import java.util.List;

/** A profile as the API shows it. {@code updatedAt} is null while the user has kept the defaults. */
public record ProfileView(String userId, String displayName, String locale, String timeZone, String maturityRating,
                          List<String> favouriteGenres, double diversity, Instant updatedAt) {
}
