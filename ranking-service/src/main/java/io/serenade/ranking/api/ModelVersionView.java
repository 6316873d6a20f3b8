package io.serenade.ranking.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/** One trained model version: what it learned from (window, counts), how it was tuned and how it scored. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersionView(String modelId, String kind, String status, Instant startedAt, Instant finishedAt,
                               Instant windowFrom, Instant windowTo, Integer users, Integer titles, Long interactions,
                               Map<String, Object> parameters, Map<String, Object> metrics, String detail) {
}
