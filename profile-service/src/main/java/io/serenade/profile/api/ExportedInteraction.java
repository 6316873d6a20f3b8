package io.serenade.profile.api;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/** One stored interaction with its context, as it goes into a user's export. */
public record ExportedInteraction(UUID eventId, String titleId, String type, Double value, String artworkId,
                                  String impressionId, String query, String device, String locale, String timeZone,
                                  LocalTime localTime, Instant occurredAt, Instant recordedAt) {
}
