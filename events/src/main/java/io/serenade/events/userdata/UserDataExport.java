package io.serenade.events.userdata;

import java.time.Instant;
import java.util.Map;

/**
 * Everything one service holds about one user, raw and inferred: the answer of its
 * {@code GET /internal/users/{userId}/export} route, one part of the archive consent-service assembles.
 *
 * @param data per data category ({@link io.serenade.events.DataCategories}), any JSON value; inferred data
 *             carries its explanation beside it
 */
public record UserDataExport(int version, String service, String userId, Instant exportedAt, Map<String, Object> data) {

    public static final int VERSION = 1;

    public UserDataExport {
        version = version == 0 ? VERSION : version;
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
