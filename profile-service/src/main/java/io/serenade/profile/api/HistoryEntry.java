package io.serenade.profile.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/** One event of a user's history as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(UUID eventId, String titleId, String type, Double value, String artworkId,
                           String impressionId, String query, String device, String locale, String timeZone,
                           LocalTime localTime, Instant occurredAt) {
}
