package io.serenade.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One interaction of a user with a title, accepted by the gateway. Key: user id. Consumers apply it
 * idempotently by {@code eventId}: the gateway may publish the same event twice after a retry.
 *
 * @param value        the rating for RATING, minutes watched for PLAY, otherwise usually null
 * @param artworkId    the artwork variant the user saw, when known
 * @param impressionId the impression this event follows from (joins rewards to artwork choices)
 * @param titleId      the title, or null for a SEARCH without a chosen result
 * @param query        the search text for SEARCH (personal data: search history)
 */
public record InteractionRecorded(int version, UUID eventId, String userId, String titleId, InteractionType type,
                                  Double value, String artworkId, String impressionId, String query,
                                  InteractionContext context, Instant occurredAt) {

    public static final int VERSION = 1;

    public InteractionRecorded {
        version = version == 0 ? VERSION : version;
    }
}
