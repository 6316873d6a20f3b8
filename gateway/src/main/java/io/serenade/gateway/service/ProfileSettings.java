package io.serenade.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What the gateway reads from a user's profile to ask for rows or search results, each with a safe default
 * when the profile is silent or says something unusable: the profile is another service's JSON.
 *
 * @param maturity  the most mature rating the user may be shown
 * @param genres    the genres the user said they like
 * @param diversity how far from their usual taste the user wants to be taken, 0 to 1
 * @param zone      the user's time zone, for the local hour
 */
record ProfileSettings(String maturity, List<String> genres, double diversity, ZoneId zone) {

    /** When the profile cannot say, show only what suits everyone. */
    static final String SAFEST_MATURITY = "all";

    /** profile-service's own default for a profile saved before the dial existed. */
    static final double DEFAULT_DIVERSITY = 0.3;

    static ProfileSettings of(JsonNode json) {
        JsonNode profile = json == null ? MissingNode.getInstance() : json;
        return new ProfileSettings(maturity(profile), genres(profile), diversity(profile), zone(profile));
    }

    /** The hour of day (0-23) for the user at {@code now}. */
    int localHour(Instant now) {
        return now.atZone(zone).getHour();
    }

    private static String maturity(JsonNode profile) {
        JsonNode m = profile.path("maturityRating");
        return m.isTextual() ? m.textValue() : SAFEST_MATURITY;
    }

    private static List<String> genres(JsonNode profile) {
        List<String> genres = new ArrayList<>();
        JsonNode g = profile.path("favouriteGenres");
        if (g.isArray()) {
            g.forEach(n -> genres.add(n.asText()));
        }
        return genres;
    }

    private static double diversity(JsonNode profile) {
        JsonNode d = profile.path("diversity");
        if (!d.isNumber() || !Double.isFinite(d.doubleValue())) {
            return DEFAULT_DIVERSITY;
        }
        return Math.min(1.0, Math.max(0.0, d.doubleValue()));
    }

    private static ZoneId zone(JsonNode profile) {
        JsonNode z = profile.path("timeZone");
        if (z.isTextual()) {
            try {
                return ZoneId.of(z.textValue());
            } catch (DateTimeException unknownZone) {
                // Fall through: an hour in UTC is still an hour.
            }
        }
        return ZoneOffset.UTC;
    }
}
