package io.serenade.ranking.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The parts of ranking-service's export (one per data category), as the user receives them. */
public final class ExportViews {

    private ExportViews() {
    }

    /** Category interaction-history: ranking's copy of the user's events, and the ids of those they had forgotten. */
    public record InteractionHistory(List<Interaction> interactions, List<ForgottenEvent> forgottenEvents, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Interaction(UUID eventId, String titleId, String titleName, String type, Double value, Instant occurredAt,
                              String device, Integer localHour) {
    }

    public record ForgottenEvent(UUID eventId, Instant forgottenAt) {
    }

    /** Category inferred-affinities: what ranking infers from the history, each affinity with what produced it. */
    public record InferredAffinities(String explanation, int basedOnEvents, List<Affinity> genres, List<Affinity> themes) {
    }

    /** @param events how many events of each kind produced it, e.g. {"PLAY": 12, "COMPLETE": 1} */
    public record Affinity(String name, double weight, Map<String, Integer> events, String explanation) {
    }
}
