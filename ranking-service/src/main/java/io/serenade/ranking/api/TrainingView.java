package io.serenade.ranking.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Progress of the model training: {@code state} is running or idle; while running, the stage, percent done
 * and the estimated time left; {@code servingModelId} is the model requests use now.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingView(String state, String modelId, String stage, Double percent, Instant startedAt,
                           Long etaSeconds, String servingModelId, Instant servingTrainedAt, String lastError) {
}
