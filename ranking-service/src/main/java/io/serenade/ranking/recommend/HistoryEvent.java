package io.serenade.ranking.recommend;

import io.serenade.events.InteractionType;

import java.time.Instant;
import java.util.UUID;

/**
 * One event of a user's history as the ranker reads it at request time. The event id is what an explanation
 * cites and what "forget this" removes; device and local hour (0-23, the user's own clock) feed the search
 * context. Device and local hour may be null when the client did not send them.
 */
public record HistoryEvent(UUID eventId, String titleId, InteractionType type, Double value, Instant occurredAt,
                           String device, Integer localHour) {
}
