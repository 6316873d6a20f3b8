package io.serenade.gateway.api;

import java.util.List;

/**
 * The body of {@code PUT /api/v1/me/profile}: its shape only, so that an unknown field or a value of the wrong type
 * is refused here, before anything is sent. profile-service validates the values (and refuses again).
 */
public record ProfileUpdate(String displayName, String locale, String timeZone, String maturityRating,
                            List<String> favouriteGenres, Double diversity) {
}
